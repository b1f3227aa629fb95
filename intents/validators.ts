// Identifier checks from FACTS.md §7: employer code (§7.1) and MyKad (§7.3).
import { klDate } from '../locale';

export type MyKadResult =
  | { ok: true; digits: string; masked: string; birthDate: string }
  | { ok: false; reason: 'format' | 'date' | 'place' };

/** Place-of-birth codes that JPN never issues (FACTS.md §7.3): 00, 17-20, 69, 70, 73, 80, 81, 94-97. */
const INVALID_PB = new Set([0, 17, 18, 19, 20, 69, 70, 73, 80, 81, 94, 95, 96, 97]);

function isDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const dim = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= dim;
}


const pad = (n: number): string => String(n).padStart(2, '0');

/** Whether the text is a well-formed MyKad number (format, date, place of birth); needs no clock. */
export function isMyKad(input: string): boolean {
  return validateMyKad(input, null).ok;
}

/** A MyKad as staff and users see it: birth date and last digit kept (900101-**-***3); anything else all masked. */
export function maskMyKadDigits(digits: string): string {
  return /^\d{12}$/.test(digits) ? `${digits.slice(0, 6)}-**-***${digits.slice(11)}` : '************';
}

/**
 * Validates a MyKad number written with or without dashes/spaces ("900101-14-5673", "900101145673").
 * The date must exist in 19YY or 20YY (as python-stdnum does); birthDate picks 20YY when that date is not in
 * the future at `now`, else 19YY (without a clock, 19YY wherever it exists). `masked` keeps the birth date and
 * last digit only: readable, not reusable.
 */
export function validateMyKad(input: string, now: Date | null): MyKadResult {
  const compact = String(input).replace(/[\s-]/g, '');
  if (!/^\d{12}$/.test(compact)) return { ok: false, reason: 'format' };
  const yy = Number(compact.slice(0, 2));
  const mm = Number(compact.slice(2, 4));
  const dd = Number(compact.slice(4, 6));
  const in19 = isDate(1900 + yy, mm, dd);
  const in20 = isDate(2000 + yy, mm, dd);
  if (!in19 && !in20) return { ok: false, reason: 'date' };
  const pb = Number(compact.slice(6, 8));
  if (INVALID_PB.has(pb)) return { ok: false, reason: 'place' };
  // Today in Malaysia chooses the century of a two-digit birth year.
  const as20 = `${2000 + yy}-${pad(mm)}-${pad(dd)}`;
  const as19 = `${1900 + yy}-${pad(mm)}-${pad(dd)}`;
  const birthDate = in20 && ((now !== null && as20 <= klDate(now)) || !in19) ? as20 : as19;
  return { ok: true, digits: compact, masked: maskMyKadDigits(compact), birthDate };
}

/** Employer code: one letter, ten digits, one letter (FACTS.md §7.1); case and spaces are forgiven. */
export function validateEmployerCode(input: string): { ok: true; code: string } | { ok: false; reason: 'format' } {
  const code = String(input).replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z]\d{10}[A-Z]$/.test(code) ? { ok: true, code } : { ok: false, reason: 'format' };
}
