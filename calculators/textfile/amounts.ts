// Expected amounts for one line, from the real calculator (computeQuote). The file tells the wage, the wage month,
// whether the ID is a MyKad (local) or not (foreign) and, from the MyKad, the age. It does not tell the age when
// first insured, an EIS exemption at 57+, or a LINDUNG 24 Jam opt-out: each of those is accepted where it is
// possible for that worker, and the summary says how often it was assumed.
import Decimal from 'decimal.js';
import { computeQuote, Quote } from '../quote';
import { decideCoverage, FOREIGN_FIRST_CATEGORY_FROM, SKBBK_MANDATORY_MONTH } from '../coverage';

export type AmountKey = 'socso_employer' | 'socso_employee' | 'eis_employer' | 'eis_employee' | 'skbbk_employee';
export const AMOUNT_KEYS: readonly AmountKey[] = ['socso_employer', 'socso_employee', 'eis_employer', 'eis_employee', 'skbbk_employee'];

/** What a line's amounts assume, beyond what the file says. */
export type Assumed = 'second_category_first_insured_55' | 'second_category_age_unknown' | 'eis_exempt_57' | 'eis_age_unknown' | 'skbbk_opted_out';

export interface Candidate {
  category: 1 | 2;
  eis: boolean;
  skbbk: boolean;
  /** Ringgit amounts, two decimals. */
  amounts: Record<AmountKey, string>;
  /** The calculator's own decision from what the file tells. */
  primary: boolean;
  assumed: Assumed[];
}

export interface Worker {
  foreign: boolean;
  /** Whole years at the first and at the last day of the wage month; null when the file does not tell. */
  ageStart: number | null;
  ageEnd: number | null;
}

export interface Expected {
  candidates: Candidate[];
  /** The table edition used, e.g. "2024-10", and the SKBBK table or null. */
  schedule: string;
  skbbkSchedule: string | null;
  band: Quote['band'];
}

const calcAge = (a: number | null): number | undefined => (a !== null && a >= 1 && a <= 100 ? a : undefined);

// Band amounts depend only on wage and month: keep the two lookups per (wage, month) for large files.
const bandCache = new Map<string, { cat1: Quote; cat2: Quote }>();

function bandQuotes(wage: string, month: string, now: Date): { cat1: Quote; cat2: Quote } {
  const key = `${wage}|${month}`;
  let hit = bandCache.get(key);
  if (!hit) {
    // A local aged 30 has every scheme; a local aged 60 is Second Category. Only the amounts are used.
    hit = {
      cat1: computeQuote({ wage, month, age: 30, foreign: false, skbbkOptOut: false }, now),
      cat2: computeQuote({ wage, month, age: 60, foreign: false, skbbkOptOut: false }, now),
    };
    if (bandCache.size > 50000) bandCache.clear();
    bandCache.set(key, hit);
  }
  return hit;
}

/** Every combination of category, EIS and SKBBK this worker could have; the calculator's own decision first. Throws QuoteError for a month without tables. */
export function expectedAmounts(wage: string, month: string, w: Worker, now: Date): Expected {
  const { cat1, cat2 } = bandQuotes(wage, month, now);
  // The calculator's own coverage rules (the ones computeQuote applies) for what the file tells; the amounts come
  // from the two quotes above. Calling computeQuote a third time per line would double the time for large files.
  const decided = decideCoverage({ age: calcAge(w.ageStart), foreign: w.foreign }, month, cat1.skbbk !== null);
  const ages = w.ageStart === null || w.ageEnd === null ? null : [w.ageStart, w.ageEnd];

  const cats = new Set<1 | 2>();
  if (w.foreign && month < FOREIGN_FIRST_CATEGORY_FROM) cats.add(2);
  else if (ages) for (const a of ages) { if (a >= 60) cats.add(2); else { cats.add(1); if (a >= 55) cats.add(2); } }
  else { cats.add(1); cats.add(2); }

  const eisOptions = new Set<boolean>();
  if (w.foreign) eisOptions.add(false);
  else if (ages) for (const a of ages) { if (a < 18 || a >= 60) eisOptions.add(false); else { eisOptions.add(true); if (a >= 57) eisOptions.add(false); } }
  else { eisOptions.add(true); eisOptions.add(false); }

  const skbbkInForce = cat1.skbbk !== null;
  const skbbkOptions = new Set<boolean>();
  if (!skbbkInForce) skbbkOptions.add(false);
  else if (w.foreign || month === SKBBK_MANDATORY_MONTH) skbbkOptions.add(true);
  else { skbbkOptions.add(true); skbbkOptions.add(false); }

  const primary = { category: decided.category, eis: decided.eis, skbbk: decided.skbbk };
  const candidates: Candidate[] = [];
  for (const category of cats) for (const eis of eisOptions) for (const skbbk of skbbkOptions) {
    const isPrimary = category === primary.category && eis === primary.eis && skbbk === primary.skbbk;
    const assumed: Assumed[] = [];
    if (!isPrimary) {
      if (category === 2 && primary.category === 1) assumed.push(ages ? 'second_category_first_insured_55' : 'second_category_age_unknown');
      if (!eis && primary.eis) assumed.push(ages ? 'eis_exempt_57' : 'eis_age_unknown');
      if (!skbbk && primary.skbbk) assumed.push('skbbk_opted_out');
    }
    candidates.push({
      category, eis, skbbk, primary: isPrimary, assumed,
      amounts: {
        socso_employer: category === 1 ? cat1.act4.employer : cat2.act4.employer,
        socso_employee: category === 1 ? cat1.act4.employee : '0.00',
        eis_employer: eis && cat1.eis ? cat1.eis.employer : '0.00',
        eis_employee: eis && cat1.eis ? cat1.eis.employee : '0.00',
        skbbk_employee: skbbk && cat1.skbbk ? cat1.skbbk.employee : '0.00',
      },
    });
  }
  // The calculator's decision first: it is the one reported when nothing matches. It is always among the
  // combinations above, since each option set includes what the rules decide.
  candidates.sort((a, b) => Number(b.primary) - Number(a.primary));
  if (!candidates[0]?.primary) throw new Error(`text file: the calculator's coverage for ${month} is not among the accepted combinations`);
  return { candidates, schedule: cat1.schedule, skbbkSchedule: cat1.skbbkSchedule, band: cat1.band };
}

/** Sen as written in the file to ringgit text with two decimals. */
export function senToRinggit(sen: string): string {
  // Text only (no Decimal, no float): this runs for every amount of a 10,000-line file.
  if (!/^\d+$/.test(sen)) return new Decimal(sen).div(100).toFixed(2);
  const d = sen.replace(/^0+/, '').padStart(3, '0');
  return `${d.slice(0, -2)}.${d.slice(-2)}`;
}

/** Ringgit text to the sen digits the file holds. */
export function ringgitToSen(ringgit: string): string {
  return new Decimal(ringgit).times(100).toFixed(0);
}
