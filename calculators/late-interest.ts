import Decimal from 'decimal.js';
import { QuoteError } from './errors';
import { formatRM, parseMoney, toAmount } from './money';
import { addMonths, dateName, klDate, monthName, parseMonth } from './months';
import { text, textPair } from './texts';
import type { Lang } from '../locale';

/**
 * Late-payment interest (FCLB, Faedah Caruman Lewat Bayar), FACTS.md §4: 6% a year for each day late, minimum RM5
 * under Act 4. The due date (15th of the month after the wage month) is M confidence and the day-count basis is
 * unconfirmed, so this is an estimate: ASSIST shows the figure that counts.
 */
const RATE_PER_YEAR = new Decimal('0.06');
const DAYS_PER_YEAR = 365; // basis not confirmed (FACTS §4.2): say so in the reply
const MINIMUM = new Decimal('5.00');
const DUE_DAY = '15';
/** A month's contributions for a large employer can pass RM1m; far beyond this is a typo. */
const MAX_AMOUNT = new Decimal('100000000');

export const LATE_INTEREST_SOURCES = {
  rule: {
    ms: "6% setahun, dikira harian: Ketua Eksekutif PERKESO, New Straits Times, 15 Mei 2024; minimum RM5: Employees' Social Security (General) Regulations 1971, peraturan 33",
    en: "6% a year, calculated daily: PERKESO's chief executive, New Straits Times, 15 May 2024; minimum RM5: Employees' Social Security (General) Regulations 1971, reg. 33",
  },
  assist: { title: 'PERKESO: ASSIST portal guide', url: 'https://www.perkeso.gov.my/en/online/for-employer/assist-portal/guide.html' },
  portal: 'https://assist.perkeso.gov.my',
} as const;

export interface LateInterestRequest {
  amount: string | number;
  wageMonth: string;
  paidOn: string | Date;
}

export interface LateInterest {
  amount: string;
  wageMonth: string;
  dueDate: string;
  paidOn: string;
  daysLate: number;
  interest: string;
  minimumApplied: boolean;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' (a real calendar date) or a Date, read as the calendar day in Kuala Lumpur. */
function parsePaidOn(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return klDate(value);
  if (typeof value === 'string') {
    const m = DATE_RE.exec(value.trim());
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const utc = new Date(Date.UTC(y, mo - 1, d));
      if (utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d) return m[0];
    }
  }
  throw new QuoteError('date_invalid', textPair('late_interest.date_invalid'));
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Estimates FCLB for one month's contribution paid on a given day. Throws QuoteError on bad input. */
export function lateInterest(req: LateInterestRequest): LateInterest {
  if (typeof req !== 'object' || req === null) {
    throw new QuoteError('request_invalid', textPair('late_interest.request_invalid'));
  }
  const amount = parseMoney(req.amount, { max: MAX_AMOUNT, what: textPair('late_interest.amount_what') });
  const wageMonth = parseMonth(req.wageMonth);
  const paidOn = parsePaidOn(req.paidOn);
  const dueDate = `${addMonths(wageMonth, 1)}-${DUE_DAY}`;
  const daysLate = Math.max(0, dayNumber(paidOn) - dayNumber(dueDate));

  return { amount: toAmount(amount), wageMonth, dueDate, paidOn, daysLate, ...interestFor(amount, daysLate) };
}

/** 6% a year for each day late, at least the RM5 minimum; nothing when not late. */
function interestFor(amount: Decimal, daysLate: number): { interest: string; minimumApplied: boolean } {
  if (daysLate <= 0) return { interest: toAmount('0'), minimumApplied: false };
  const interest = amount.times(RATE_PER_YEAR).times(daysLate).dividedBy(DAYS_PER_YEAR).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return interest.lessThan(MINIMUM) ? { interest: toAmount(MINIMUM), minimumApplied: true } : { interest: toAmount(interest), minimumApplied: false };
}

/** A late payment known only by how many days late it was ("owe 10k, paid 2 weeks late"). */
export interface LateInterestForDaysRequest {
  amount: string | number;
  daysLate: number;
}

export interface LateInterestForDays {
  amount: string;
  daysLate: number;
  interest: string;
  minimumApplied: boolean;
}

/** A day count beyond this (ten years) is a typo, not a late payment. */
const MAX_DAYS_LATE = 3660;

/** Estimates FCLB from the days late alone, without the wage month or payment date. Throws QuoteError on bad input. */
export function lateInterestForDays(req: LateInterestForDaysRequest): LateInterestForDays {
  const amount = parseMoney(req.amount, { max: MAX_AMOUNT, what: textPair('late_interest.amount_what') });
  const days = req.daysLate;
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS_LATE) {
    throw new QuoteError('days_late_invalid', textPair('late_interest.days_invalid', { max: String(MAX_DAYS_LATE) }));
  }
  return { amount: toAmount(amount), daysLate: days, ...interestFor(amount, days) };
}


/** The estimate in chat form: due date, days late, interest, the caveats, what to do in ASSIST, and the source. */
export function explainLateInterest(r: LateInterest, lang: Lang): string {
  const v = {
    amount: formatRM(r.amount),
    month: monthName(r.wageMonth, lang),
    due: dateName(r.dueDate, lang),
    paid: dateName(r.paidOn, lang),
    days: String(r.daysLate),
    interest: formatRM(r.interest),
    portal: LATE_INTEREST_SOURCES.portal,
  };
  const lines = [text('late_interest.heading', lang), text('late_interest.contribution', lang, v)];
  if (r.daysLate === 0) {
    lines.push(text('late_interest.on_time', lang, v), text('late_interest.caveat', lang));
  } else {
    lines.push(text('late_interest.late', lang, v), text(r.minimumApplied ? 'late_interest.minimum' : 'late_interest.interest', lang, v), text('late_interest.caveat', lang), text('late_interest.todo', lang, v));
  }
  lines.push(sourceLine(lang));
  return lines.join('\n');
}

function sourceLine(lang: Lang): string {
  const { rule, assist } = LATE_INTEREST_SOURCES;
  return `${text('late_interest.source', lang)}: ${rule[lang]}; ${assist.title}, ${assist.url}`;
}

/** The estimate from days late: the same caveats, what to do in ASSIST, and the source. */
export function explainLateInterestForDays(r: LateInterestForDays, lang: Lang): string {
  const v = { amount: formatRM(r.amount), days: String(r.daysLate), interest: formatRM(r.interest), portal: LATE_INTEREST_SOURCES.portal };
  const lines = [text('late_interest.heading', lang), text('late_interest.by_days', lang, v)];
  if (r.daysLate === 0) lines.push(text('late_interest.not_late', lang), text('late_interest.caveat', lang));
  else lines.push(text(r.minimumApplied ? 'late_interest.minimum' : 'late_interest.interest', lang, v), text('late_interest.caveat', lang), text('late_interest.todo', lang, v));
  lines.push(sourceLine(lang));
  return lines.join('\n');
}
