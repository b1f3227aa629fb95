import { QuoteError } from './errors';
import { monthName } from './months';
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
  return {
    ms: `Jadual rasmi yang saya ada meliputi bulan upah ${monthName(from, 'ms')} hingga ${monthName(to, 'ms')}.`,
    en: `The official tables I hold cover wage months ${monthName(from, 'en')} to ${monthName(to, 'en')}.`,
  };
}

/** Picks the tables for a wage month, or refuses with the months covered: never guesses. */
export function tablesFor(s: Schedules, month: string): MonthTables {
  const edition = s.act4Eis.find((e) => e.from <= month && (e.to === null || month <= e.to));
  const c = covered(s);
  if (!edition) {
    throw new QuoteError('month_before_tables', {
      ms: `Tiada jadual untuk bulan upah ${monthName(month, 'ms')} dan saya tidak meneka. ${c.ms} Untuk bulan lebih awal, sila semak dengan PERKESO.`,
      en: `I have no table for wage month ${monthName(month, 'en')} and I will not guess. ${c.en} For earlier months, please check with PERKESO.`,
    });
  }
  const skbbkStart = s.skbbk[0].from;
  if (month < skbbkStart) return { edition, skbbk: null };
  const skbbk = s.skbbk.find((p) => p.from <= month && month <= p.to);
  if (!skbbk) {
    const last = s.skbbk[s.skbbk.length - 1].to;
    throw new QuoteError('month_after_tables', {
      ms: `Jadual caruman LINDUNG 24 Jam (SKBBK) untuk ${monthName(month, 'ms')} belum diterbitkan (jadual yang ada berakhir ${monthName(last, 'ms')}), jadi saya tidak meneka. ${c.ms}`,
      en: `The LINDUNG 24 Jam (SKBBK) table for ${monthName(month, 'en')} has not been published (the table I hold ends with ${monthName(last, 'en')}), so I will not guess. ${c.en}`,
    });
  }
  return { edition, skbbk };
}
