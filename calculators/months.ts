import { klDate, type Lang } from '../locale';
import { Bilingual, QuoteError } from './errors';
import { textPair } from './texts';

/** Wage months are 'YYYY-MM' strings: they sort and compare as text. */
const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

const NAMES: Record<Lang, readonly string[]> = {
  ms: ['Januari', 'Februari', 'Mac', 'April', 'Mei', 'Jun', 'Julai', 'Ogos', 'September', 'Oktober', 'November', 'Disember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

export function isMonth(value: unknown): value is string {
  return typeof value === 'string' && MONTH_RE.test(value);
}

/** Validates a user-supplied wage month. */
export function parseMonth(value: unknown): string {
  if (typeof value === 'string' && isMonth(value.trim())) return value.trim();
  const shown = typeof value === 'string' ? `"${value.slice(0, 20)}"` : String(value);
  throw new QuoteError('month_invalid', textPair('months.month_invalid', { shown }));
}

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** "Oktober 2024" / "October 2024". */
export function monthName(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return `${NAMES[lang][m - 1]} ${y}`;
}

export function monthNames(month: string): Bilingual {
  return { ms: monthName(month, 'ms'), en: monthName(month, 'en') };
}

/** "15 November 2024" / "15 November 2024" for an ISO date 'YYYY-MM-DD'. */
export function dateName(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${d} ${NAMES[lang][m - 1]} ${y}`;
}

export { klDate };

/** The current wage month 'YYYY-MM' in Asia/Kuala_Lumpur. */
export function currentWageMonth(now: Date = new Date()): string {
  return klDate(now).slice(0, 7);
}
