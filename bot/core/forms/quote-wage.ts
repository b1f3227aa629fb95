// The one-question form used when someone asks for a quote without saying the wage. Details said in
// the opening message ("nak kira socso pekerja asing umur 40") are kept in `base` and the answer's own
// details win over them; an answer listing several workers gets the several-workers reply.
import { parseMoney, type QuoteRequest } from '../../../calculators';
import type { Entities, WorkerEntry } from '../../../intents';
import { amountAnswer, quoteReply } from '../quote-flow';
import { detailsFromEntities } from '../quote-request';
import { S } from '../strings';
import { workersReply } from '../workers-quote';
import type { FormDefinition } from './types';

export const QUOTE_WAGE_FORM_ID = 'quote_wage';

/** What the answer carries: one request, or several workers with the message's shared details. */
type Answer = { request: QuoteRequest } | { workers: WorkerEntry[]; entities: Entities };

/** The form's pre-filled values for an opening message without a wage. */
export function quoteWagePrefill(entities: Entities): Record<string, string> {
  const base = detailsFromEntities(entities);
  return Object.keys(base).length > 0 ? { base: JSON.stringify(base) } : {};
}

export const quoteWageForm: FormDefinition = {
  id: QUOTE_WAGE_FORM_ID,
  maxTries: 0,
  fields: [
    {
      name: 'request',
      prompt: S.quoteAskWage,
      help: S.quoteBadWage,
      validate(text, u) {
        const workers = u.entities.workers.length >= 2 ? u.entities.workers : bareWageList(text);
        if (workers.length >= 2 && !u.entities.correction) {
          const answer: Answer = { workers, entities: u.entities };
          return { ok: true, value: JSON.stringify(answer) };
        }
        // Wages in words or shorthand come from the entities ("dua ribu tiga ratus", "3.2k"); the
        // answer may also carry the age or month ("2500, umur 62"): keep them all.
        const wage = amountAnswer(text, u.entities);
        if (!wage) return { ok: false, reason: S.quoteBadWage };
        const answer: Answer = { request: { ...detailsFromEntities(u.entities), wage } };
        return { ok: true, value: JSON.stringify(answer) };
      },
    },
  ],
  complete(values, ctx) {
    const base = values.base ? (JSON.parse(values.base) as Partial<QuoteRequest>) : {};
    const answer = JSON.parse(values.request) as Answer;
    if ('workers' in answer) {
      const entities: Entities = { ...answer.entities, ...sharedFromBase(base, answer.entities) };
      return { replies: [workersReply(ctx.kb, answer.workers, entities, ctx.lang, ctx.now, ctx.calculator)], effects: [] };
    }
    const req: QuoteRequest = { ...base, ...answer.request };
    const outcome = quoteReply(ctx.calculator, req, ctx.lang, ctx.offers, ctx.now);
    if (outcome.request) ctx.state.lastQuote = outcome.request;
    return { replies: [outcome.reply], effects: [] };
  },
};

/**
 * Asked for the wage, an answer that is only amounts ("1500, 2000, 2500", "1800 dan 2500") is a wage
 * each, even where free text would read a number such as 2000 as a year.
 */
export function bareWageList(text: string): WorkerEntry[] {
  // A comma before exactly three digits is a thousands separator ("RM3,200"), not a break.
  const parts = text.trim().split(/\s*(?:[;\n/&]|,(?!\d{3}(?!\d))|\s(?:dan|and)\s)\s*/i).filter((p) => p !== '');
  if (parts.length < 2) return [];
  const wages: string[] = [];
  for (const p of parts) {
    try {
      wages.push(parseMoney(p.replace(/^rm\s*/i, '')).toFixed(2));
    } catch {
      return [];
    }
  }
  return wages.map((wage) => ({ name: null, wage, age: null, foreign: null }));
}

/** The opening message's month, status and opt-out, where the answer listing the workers gave none. */
function sharedFromBase(base: Partial<QuoteRequest>, e: Entities): Partial<Entities> {
  const out: Partial<Entities> = {};
  if (e.months.length === 0 && base.month) out.months = [base.month];
  if (e.foreign === null && base.foreign !== undefined) out.foreign = base.foreign;
  if (e.skbbkOptOut === null && base.skbbkOptOut !== undefined) out.skbbkOptOut = base.skbbkOptOut;
  return out;
}
