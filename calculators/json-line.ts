import { QuoteError } from './errors';
import { computeQuote, Quote, QuoteRequest } from './quote';

/**
 * `npx hanna quote --jsonl`: one input object in, one CONTRACT output object out. Never throws: any bad input,
 * or a broken schedule file, becomes `{ "error": "..." }` so the CLI can carry on with the next line.
 */
export function quoteJsonLine(input: unknown, now: Date = new Date()): Record<string, unknown> {
  try {
    return toJson(computeQuote(toRequest(input), now));
  } catch (e) {
    if (e instanceof QuoteError) return { error: e.en, code: e.code };
    return { error: e instanceof Error ? e.message : String(e), code: 'internal' };
  }
}

function bad(field: string, en: string, ms: string): QuoteError {
  return new QuoteError(`${field}_invalid`, { ms, en });
}

/** Accepts the CONTRACT's snake_case names and the API's camelCase ones. */
function toRequest(input: unknown): QuoteRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new QuoteError('request_invalid', {
      ms: 'Setiap baris mesti objek JSON, contoh {"wage": "2500.00", "month": "2024-10"}.',
      en: 'Each line must be a JSON object, for example {"wage": "2500.00", "month": "2024-10"}.',
    });
  }
  const o = input as Record<string, unknown>;
  const req: QuoteRequest = { wage: o.wage as string | number };
  if (o.month !== undefined && o.month !== null) {
    if (typeof o.month !== 'string') throw bad('month', 'month must be a string YYYY-MM, for example "2024-10".', 'month mesti teks TTTT-BB, contoh "2024-10".');
    req.month = o.month;
  }
  const age = wholeNumber(o.age, 'age');
  if (age !== undefined) req.age = age;
  const firstAge = wholeNumber(o.first_insured_age ?? o.firstInsuredAge, 'first_insured_age');
  if (firstAge !== undefined) req.firstInsuredAge = firstAge;
  const foreign = flag(o.foreign, 'foreign');
  if (foreign !== undefined) req.foreign = foreign;
  const optOut = flag(o.skbbk_opt_out ?? o.skbbkOptOut, 'skbbk_opt_out');
  if (optOut !== undefined) req.skbbkOptOut = optOut;
  return req;
}

function wholeNumber(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return value; // range checked by the coverage rules
  if (typeof value === 'string' && /^\s*\d{1,3}\s*$/.test(value)) return Number(value);
  throw bad(field, `${field} must be a whole number of years, for example 35.`, `${field} mesti nombor bulat (tahun), contoh 35.`);
}

function flag(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  throw bad(field, `${field} must be true or false.`, `${field} mesti true atau false.`);
}

/** The CONTRACT fields first, in its order, then extras the CONTRACT allows. */
function toJson(q: Quote): Record<string, unknown> {
  return {
    wage: q.wage,
    month: q.month,
    schedule: q.schedule,
    act4: q.act4,
    eis: q.eis,
    skbbk: q.skbbk,
    employer_total: q.employer_total,
    employee_total: q.employee_total,
    total: q.total,
    ceiling_applied: q.ceilingApplied,
    ceiling: q.ceiling,
    band: q.band,
    skbbk_schedule: q.skbbkSchedule,
    assumptions: q.assumptions.map((a) => a.key),
  };
}
