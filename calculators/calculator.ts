// The calculator the chat uses: schedules loaded and validated once, in the composition root (bot/app.ts),
// and passed to the core through CoreDeps, so no quote reads a file or a global.
import { computeQuotes, type Batch } from './batch';
import { quoteFrom, type Quote, type QuoteRequest } from './quote';
import { loadSchedules, type Schedules } from './schedules';
import { calculatorTexts } from './texts';

export interface Calculator {
  /** One quote for the wage month of `req` (default: the month of `now` in Kuala Lumpur); throws QuoteError. */
  quote(req: QuoteRequest, now: Date): Quote;
  /** One quote per worker; a worker's QuoteError stays on its row. */
  quotes(requests: QuoteRequest[], now: Date): Batch;
}

/** A calculator over the given schedules (default: the ones shipped in calculators/schedules/, read now). */
export function createCalculator(tables: Schedules = loadSchedules()): Calculator {
  // The calculators' sentences are checked now too, so a broken texts.yaml stops the start, not a quote.
  calculatorTexts();
  const quote = (req: QuoteRequest, now: Date): Quote => quoteFrom(tables, req, now);
  return { quote, quotes: (requests, now) => computeQuotes(requests, now, quote) };
}
