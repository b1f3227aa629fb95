import { QuoteError } from './errors';
import { monthName } from './months';
import { textPairBy } from './texts';
import { Act4EisEdition, Schedules, SkbbkEdition } from './schedules';

/** The tables that apply to one wage month. */
export interface MonthTables {
  edition: Act4EisEdition;
  /** null before SKBBK began (wage month June 2026). */
  skbbk: SkbbkEdition | null;
}

/** First and last wage month every scheme has a table for; SKBBK bounds the end once it has started. */
export function coveredMonths(s: Schedules): { from: string; to: string } {
  return { from: s.act4Eis[0].from, to: s.skbbk[s.skbbk.length - 1].to };
}

function covered(s: Schedules) {
  const { from, to } = coveredMonths(s);
  return textPairBy('months.covered', (lang) => ({ from: monthName(from, lang), to: monthName(to, lang) }));
}

/** Picks the tables for a wage month, or refuses with the months covered: never guesses. */
export function tablesFor(s: Schedules, month: string): MonthTables {
  const edition = s.act4Eis.find((e) => e.from <= month && (e.to === null || month <= e.to));
  const c = covered(s);
  if (!edition) {
    throw new QuoteError('month_before_tables', textPairBy('months.before_tables', (lang) => ({ month: monthName(month, lang), covered: c[lang] })));
  }
  const skbbkStart = s.skbbk[0].from;
  if (month < skbbkStart) return { edition, skbbk: null };
  const skbbk = s.skbbk.find((p) => p.from <= month && month <= p.to);
  if (!skbbk) {
    const last = s.skbbk[s.skbbk.length - 1].to;
    throw new QuoteError('month_after_tables', textPairBy('months.after_tables', (lang) => ({ month: monthName(month, lang), last: monthName(last, lang), covered: c[lang] })));
  }
  return { edition, skbbk };
}
