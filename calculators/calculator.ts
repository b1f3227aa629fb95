// The calculator the chat uses: schedules loaded and validated once, in the composition root (bot/app.ts),
// and passed to the core through CoreDeps, so no quote reads a file or a global.
import { computeQuotes, type Batch } from './batch';
import { quoteFrom, type Quote, type QuoteRequest } from './quote';
import { loadSchedules, type Schedules } from './schedules';
import { calculatorTexts } from './texts';
import { currentWageMonth } from './months';

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
  const cache = new Map<string, Quote>();
  const quote = (req: QuoteRequest, now: Date): Quote => {
    // A quote depends only on the request and, when the request names no month, the current wage month.
    const key = typeof req === 'object' && req !== null ? `${JSON.stringify(req)}|${req.month ? '' : currentWageMonth(now)}` : null;
    const known = key === null ? undefined : cache.get(key);
    if (known) return known;
    const made = deepFreeze(quoteFrom(tables, req, now));
    if (key !== null) {
      if (cache.size >= QUOTE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      cache.set(key, made);
    }
    return made;
  };
  return { quote, quotes: (requests, now) => computeQuotes(requests, now, quote) };
}

/**
 * Quotes asked again (employers ask the same common wages all day) are served from memory: a quote is
 * ~70 µs of decimal arithmetic, close to a tenth of a chat turn. Oldest first out; frozen, so no caller can change
 * what the next one gets.
 */
const QUOTE_CACHE_SIZE = 2000;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
