/** The calculators' public API: the CLI (`hanna quote --jsonl`) and the chat use only these names. */
export { QuoteError } from './errors';
export type { Bilingual } from './errors';
export { computeQuote } from './quote';
export { createCalculator, type Calculator } from './calculator';
export type { Quote, QuoteRequest } from './quote';
export type { Assumption, AssumptionKey, Reason } from './coverage';
export { quoteJsonLine } from './json-line';
export { explainQuote } from './explain';
export { lateInterest, explainLateInterest, lateInterestForDays, explainLateInterestForDays } from './late-interest';
export type { LateInterest, LateInterestRequest, LateInterestForDays, LateInterestForDaysRequest } from './late-interest';
export { currentWageMonth, monthName } from './months';
export { parseMoney, formatRM } from './money';
export { computeQuotes } from './batch';
export type { Batch, BatchRow, BatchTotals } from './batch';
