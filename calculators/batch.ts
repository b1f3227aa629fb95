// Several workers at once (a payroll pasted into the chat, `hanna quote --csv`): one quote per worker,
// a worker's bad input kept on its own row, and the totals summed exactly from the quotes' amounts.
import Decimal from 'decimal.js';
import { QuoteError } from './errors';
import { toAmount } from './money';
import { computeQuote, type Quote, type QuoteRequest } from './quote';

type QuoteOne = (request: QuoteRequest, now: Date) => Quote;

export type BatchRow = { ok: true; request: QuoteRequest; quote: Quote } | { ok: false; request: QuoteRequest; error: QuoteError };

export interface BatchTotals {
  employer: string;
  employee: string;
  total: string;
}

export interface Batch {
  rows: BatchRow[];
  /** Sums over the rows that could be quoted. */
  totals: BatchTotals;
}

/** Quotes each request; a QuoteError stays on its row, anything else (a broken schedule) is thrown. */
export function computeQuotes(requests: QuoteRequest[], now: Date = new Date(), quote: QuoteOne = computeQuote): Batch {
  const rows: BatchRow[] = requests.map((request) => {
    try {
      return { ok: true, request, quote: quote(request, now) };
    } catch (err) {
      if (err instanceof QuoteError) return { ok: false, request, error: err };
      throw err;
    }
  });
  const sum = (pick: (q: Quote) => string) =>
    toAmount(rows.reduce((acc, r) => (r.ok ? acc.plus(pick(r.quote)) : acc), new Decimal(0)));
  return { rows, totals: { employer: sum((q) => q.employer_total), employee: sum((q) => q.employee_total), total: sum((q) => q.total) } };
}
