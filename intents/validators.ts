// Identifier checks from FACTS.md §7: employer code (§7.1) and MyKad (§7.3).

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

// Built once: constructing an Intl.DateTimeFormat costs ~0.1 ms, which dominated checking a 10,000-line text file.
const KL_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kuala_Lumpur', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's year in Malaysia, to choose the century of a two-digit birth year. */
function currentDateKL(now: Date): string {
  return KL_DATE.format(now);
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * Validates a MyKad number written with or without dashes/spaces ("900101-14-5673", "900101145673").
 * The date must exist in 19YY or 20YY (as python-stdnum does); birthDate picks 20YY when that date is not in
 * the future, else 19YY. `masked` keeps the birth date and last digit only: readable, not reusable.
 */
export function validateMyKad(input: string, now: Date = new Date()): MyKadResult {
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
  const today = currentDateKL(now);
  const as20 = `${2000 + yy}-${pad(mm)}-${pad(dd)}`;
  const as19 = `${1900 + yy}-${pad(mm)}-${pad(dd)}`;
  const birthDate = in20 && (as20 <= today || !in19) ? as20 : as19;
  return { ok: true, digits: compact, masked: `${compact.slice(0, 6)}-**-***${compact.slice(11)}`, birthDate };
}

/** Employer code: one letter, ten digits, one letter (FACTS.md §7.1); case and spaces are forgiven. */
export function validateEmployerCode(input: string): { ok: true; code: string } | { ok: false; reason: 'format' } {
  const code = String(input).replace(/[\s-]/g, '').toUpperCase();
  return /^[A-Z]\d{10}[A-Z]$/.test(code) ? { ok: true, code } : { ok: false, reason: 'format' };
}
