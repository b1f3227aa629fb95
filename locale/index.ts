/**
 * The one place for the bot's two languages and for "today in Kuala Lumpur". intents/, knowledge/,
 * calculators/ and bot/ all import these from here, so none of them needs another's types.
 */

export type Lang = 'ms' | 'en';
export const LANGS: readonly Lang[] = ['ms', 'en'];

/** Text in both languages; a missing language fails to compile. */
export type Bilingual = Record<Lang, string>;

/** Dates, office hours and wage months are all Malaysian time. */
export const KL_TIME_ZONE = 'Asia/Kuala_Lumpur';

// Built once: constructing an Intl.DateTimeFormat costs ~0.1 ms, which dominated checking a 10,000-line text file.
const KL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: KL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

export interface KlDateParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
}

/** Malaysia has kept UTC+8, with no daylight saving, since 1 January 1982 00:00 (KL). */
const FIXED_OFFSET_SINCE = Date.UTC(1981, 11, 31, 16);
const KL_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Kuala Lumpur at that instant, whatever the server's zone. */
export function klDateParts(at: Date): KlDateParts {
  const ms = at.getTime();
  // Every turn asks this several times: plain arithmetic where the offset is fixed, Intl's zone data before that.
  if (ms >= FIXED_OFFSET_SINCE) {
    const kl = new Date(ms + KL_OFFSET_MS);
    return { year: kl.getUTCFullYear(), month: kl.getUTCMonth() + 1, day: kl.getUTCDate() };
  }
  const parts: Record<string, string> = {};
  for (const p of KL_DATE.formatToParts(at)) parts[p.type] = p.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** The calendar date 'YYYY-MM-DD' in Kuala Lumpur at that instant. */
export function klDate(at: Date): string {
  const ms = at.getTime();
  if (ms >= FIXED_OFFSET_SINCE) return new Date(ms + KL_OFFSET_MS).toISOString().slice(0, 10);
  const { year, month, day } = klDateParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The hour (0-23) in Kuala Lumpur at that instant. */
export function klHourOfDay(at: Date): number {
  const ms = at.getTime();
  if (ms >= FIXED_OFFSET_SINCE) return new Date(ms + KL_OFFSET_MS).getUTCHours();
  return Number(KL_HOUR.format(at)) % 24;
}

const KL_HOUR = new Intl.DateTimeFormat('en-GB', { timeZone: KL_TIME_ZONE, hour: '2-digit', hourCycle: 'h23' });
