// Late-payment interest (FCLB) estimate in chat: amount, wage month, payment date.
import { explainLateInterest, explainLateInterestForDays, lateInterest, lateInterestForDays, QuoteError } from '../../../calculators';
import type { Entities } from '../../../intents';
import { phrasePair, phrasePairs } from '../../../knowledge';
import { wageOf } from '../quote-request';
import { amountAnswer } from '../quote-flow';
import { textReply } from '../replies';
import type { Bilingual } from '../strings';
import type { FieldResult, FormDefinition } from './types';

export const LATE_INTEREST_FORM_ID = 'late_interest';
/** The stored answer for "today": the payment date is the turn's day when the form completes. */
export const PAID_TODAY = 'today';
const TODAY = PAID_TODAY;

// The questions and their help are in knowledge/phrases.yaml (group late_interest).
const P = phrasePairs({
  amount: 'late_interest.amount',
  amountHelp: 'late_interest.amount_help',
  amountBad: 'late_interest.amount_bad',
  month: 'late_interest.month',
  monthHelp: 'late_interest.month_help',
  monthBad: 'late_interest.month_bad',
  date: 'late_interest.date',
  dateHelp: 'late_interest.date_help',
  dateBad: 'late_interest.date_bad',
  today: 'late_interest.today',
});

/** Reads DD/MM/YYYY, DD-MM-YYYY, YYYY-MM-DD or "today"/"hari ini". */
export function readPaymentDate(text: string): string | null {
  const t = text.trim().toLowerCase();
  if (/^(today|hari ini|harini|hri ni|hari ni)\b/.test(t)) return TODAY;
  let m = /\b(\d{4})-(\d{1,2})-(\d{1,2})\b/.exec(t);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b/.exec(t);
  if (m) return iso(Number(m[3]), Number(m[2]), Number(m[1]));
  return null;
}

function iso(y: number, mo: number, d: number): string | null {
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const fail = (reason: Bilingual): FieldResult => ({ ok: false, reason });

/** Set when the opening message said how late the payment was ("paid 2 weeks late"): no month or date needed. */
const DAYS_LATE = 'daysLate';
const byDate = (values: Record<string, string>) => values[DAYS_LATE] === undefined;

/** What a message already says about a late payment, as the form's values (amount, wage month, payment date, days late). */
export function lateInterestPrefill(e: Entities): Record<string, string> {
  const values: Record<string, string> = {};
  const amount = wageOf(e);
  if (amount !== undefined) values.amount = amount;
  if (e.daysLate !== null) values[DAYS_LATE] = String(e.daysLate);
  else {
    if (e.months.length > 0) values.wageMonth = e.months[0];
    if (e.dates.length > 0) values.paidOn = e.dates[0];
  }
  return values;
}

export const lateInterestForm: FormDefinition = {
  id: LATE_INTEREST_FORM_ID,
  maxTries: 0,
  fields: [
    {
      name: 'amount',
      prompt: P.amount,
      help: P.amountHelp,
      validate: (text, u) => {
        const value = amountAnswer(text, u.entities);
        return value ? { ok: true, value } : fail(P.amountBad);
      },
    },
    {
      name: 'wageMonth',
      needed: byDate,
      prompt: P.month,
      help: P.monthHelp,
      validate: (_text, u) => (u.entities.months[0] ? { ok: true, value: u.entities.months[0] } : fail(P.monthBad)),
    },
    {
      name: 'paidOn',
      needed: byDate,
      prompt: P.date,
      help: P.dateHelp,
      validate: (text) => {
        const date = readPaymentDate(text);
        return date ? { ok: true, value: date } : fail(P.dateBad);
      },
      suggestions: (_state, lang) => [P.today[lang]],
    },
  ],
  complete(values, ctx) {
    try {
      if (values[DAYS_LATE] !== undefined) {
        const r = lateInterestForDays({ amount: values.amount, daysLate: Number(values[DAYS_LATE]) });
        return { replies: [textReply(explainLateInterestForDays(r, ctx.lang))], effects: [] };
      }
      const paidOn = values.paidOn === TODAY ? ctx.now : values.paidOn;
      const r = lateInterest({ amount: values.amount, wageMonth: values.wageMonth, paidOn });
      return { replies: [textReply(explainLateInterest(r, ctx.lang))], effects: [] };
    } catch (err) {
      if (err instanceof QuoteError) return { replies: [textReply(err[ctx.lang])], effects: [] };
      throw err;
    }
  },
};

export const LATE_INTEREST_BUTTON: Bilingual = phrasePair('late_interest.button');
