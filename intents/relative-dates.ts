// Wage months and calendar dates as employers write them, resolved against the moment of the turn in
// Asia/Kuala_Lumpur: "Oktober 2024", "10/2024", "bulan lepas", "Mac lepas", "for August", "bayar 3 Oktober",
// "3/10/2026", "semalam". Without that moment only what carries its own year is read.
import { klDateParts } from '../locale';
import { readNumber } from './number-words';
import { keepFree, uniq, type Hit, type Taken } from './spans';

const MONTH_NAMES: Record<string, number> = {
  jan: 1, january: 1, januari: 1, feb: 2, february: 2, februari: 2, mar: 3, march: 3, mac: 3, apr: 4, april: 4,
  may: 5, mei: 5, jun: 6, june: 6, jul: 7, july: 7, julai: 7, aug: 8, august: 8, ogos: 8, ogo: 8,
  sep: 9, sept: 9, september: 9, oct: 10, october: 10, okt: 10, oktober: 10, nov: 11, november: 11,
  dec: 12, december: 12, dis: 12, disember: 12,
};
/** Names that stand alone as a month ("for August", "bulan Ogos" needs no such care). Not "may": a verb first. */
const FULL_NAMES = new Set(
  'january januari february februari march mac april mei june jun july julai august ogos september october oktober november december disember'.split(' '),
);
const NAMES = Object.keys(MONTH_NAMES).sort((a, b) => b.length - a.length).join('|');
const EN_NAMES = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';

const MONTH_NAME_YEAR = new RegExp(String.raw`\b(${NAMES})\.?,?\s*'?(\d{4})\b`, 'gi');
const MONTH_NUMERIC = [
  /(?<![\d/.-])(\d{1,2})\s?[/-]\s?(\d{4})(?![\d/-])/g, // 10/2024, 10-2024
  /(?<![\d/.-])(\d{4})[-/](\d{1,2})(?![\d/-])/g, // 2024-10 (year first)
  /\b(?:bulan|month|bln)\s+(\d{1,2})\s*(?:[/-]|tahun|year)?\s*(\d{4})\b/gi, // bulan 10 2024
];

// relative to the turn's month
const THIS_MONTH = /\b(?:(?:bulan|bln)\s+(?:ni|ini|semasa|sekarang)|(?:this|current)\s+month)\b/gi;
const LAST_MONTH = /\b(?:(?:bulan|bln)\s+(?:yang\s+)?(?:lepas|lalu|lps|sudah|sebelum\s+(?:ni|ini))|(?:last|previous|prev|past)\s+month)\b/gi;
const NEXT_MONTH = /\b(?:(?:bulan|bln)\s+(?:depan|dpn|hadapan|akan\s+datang|seterusnya)|(?:next|coming|following)\s+month)\b/gi;
const MONTHS_AGO = /\b(\d{1,2}|[a-z]+)\s*(?:bulan|bln|months?)\s+(?:yang\s+)?(?:lepas|lalu|ago)\b/gi;
// a month name with what places it: "Mac lepas", "last March", "Ogos tahun lepas", "bulan Ogos", "for August"
const NAMED_MONTH = new RegExp(
  String.raw`\b(?:(last|previous|next|coming|this)\s+|(bulan|bln|month\s+of|month|for|in|untuk|utk|sejak|since|of|caruman|gaji|upah|wages?|salary|contributions?|hingga|sampai|to|till|until|dan|and)\s+)?(${NAMES})\b\.?` +
    String.raw`(?:\s+(?:yang\s+)?(lepas|lalu|lps|depan|dpn|hadapan|ni|ini)\b|\s+(?:tahun|thn)\s+(lepas|lalu|depan|hadapan|ni|ini)\b|\s+(last|next|this)\s+year\b)?`,
  'gi',
);

const DATE_ISO = /(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/.-])/g;
const DATE_DMY = /(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/.-])/g;
const DATE_D_MONTH = new RegExp(String.raw`(?<![\d.,])(\d{1,2})(?:hb|haribulan|th|st|nd|rd)?\s*(?:(?:hb|haribulan)\s+)?(?:of\s+)?(${NAMES})\b\.?(?:,?\s*(\d{4})\b)?`, 'gi');
const DATE_MONTH_D = new RegExp(String.raw`\b(${EN_NAMES})\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b(?![.,]?\d|\s*(?:%|orang|people|pekerja|workers?|staff|employees?|tahun|years?))(?:,?\s*(\d{4})\b)?`, 'gi');
// quick tests, so that most messages skip the longer patterns below
const ANY_DAY_WORD = /semalam|smlm|yesterday|hari\s*ini|today|esok|tomorrow|tmrw|lusa/i;
const ANY_MONTH_WORD = /\b(?:jan|feb|mar|apr|ma[yc]|mei|jun|jul|aug|ogo|sep|oct|okt|nov|dec|dis)/i;
const DAY_WORDS: Array<[RegExp, number]> = [
  [/\bday before yesterday\b/gi, -2],
  [/\b(?:semalam|smlm|yesterday)\b/gi, -1],
  [/\b(?:hari\s+ini|harini|today)\b/gi, 0],
  [/\b(?:esok|besok|tomorrow|tmrw)\b/gi, 1],
  [/\b(?:lusa|day after tomorrow)\b/gi, 2],
];

interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Today's calendar day in Kuala Lumpur. */
export function klToday(now: Date): Ymd {
  const t = klDateParts(now);
  return { y: t.year, m: t.month, d: t.day };
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ym = (y: number, m: number): string => `${y}-${pad(m)}`;
function shiftMonth(y: number, m: number, n: number): string {
  const i = y * 12 + (m - 1) + n;
  return ym(Math.floor(i / 12), (i % 12) + 1);
}
function isoDay(y: number, m: number, d: number): string | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}
const validYear = (y: number): boolean => y >= 1990 && y <= 2099;

export interface Calendar {
  /** YYYY-MM, in text order. */
  months: string[];
  /** YYYY-MM-DD, in text order. */
  dates: string[];
}

/**
 * Dates first, so that "3 Oktober 2026" is a date and not also the month October; then months.
 * Year-less dates resolve after the months: see resolveDate.
 */
export function extractCalendar(text: string, taken: Taken, now?: Date): Calendar {
  const today = now ? klToday(now) : null;
  const dateHits: Hit<{ y: number | null; m: number; d: number } | { iso: string }>[] = [];
  const addDate = (start: number, len: number, y: number | null, m: number, d: number): void => {
    if (y !== null && !validYear(y)) return;
    if (m < 1 || m > 12 || !isoDay(y ?? 2000, m, d)) return; // 2000: a leap year, so 29 Feb stays possible
    dateHits.push({ start, end: start + len, value: { y, m, d } });
  };
  const digits = /\d/.test(text);
  if (digits) {
    const named = ANY_MONTH_WORD.test(text);
    for (const x of text.matchAll(DATE_ISO)) addDate(x.index!, x[0].length, Number(x[1]), Number(x[2]), Number(x[3]));
    for (const x of text.matchAll(DATE_DMY)) {
      const y = x[4].length === 2 ? 2000 + Number(x[4]) : Number(x[4]);
      addDate(x.index!, x[0].length, y, Number(x[3]), Number(x[1]));
    }
    if (named) for (const x of text.matchAll(DATE_D_MONTH)) addDate(x.index!, x[0].length, x[3] ? Number(x[3]) : null, MONTH_NAMES[x[2].toLowerCase()], Number(x[1]));
    if (named) for (const x of text.matchAll(DATE_MONTH_D)) addDate(x.index!, x[0].length, x[3] ? Number(x[3]) : null, MONTH_NAMES[x[1].toLowerCase()], Number(x[2]));
  }
  if (today && ANY_DAY_WORD.test(text)) {
    for (const [re, delta] of DAY_WORDS) {
      for (const x of text.matchAll(re)) {
        const iso = new Date(Date.UTC(today.y, today.m - 1, today.d + delta)).toISOString().slice(0, 10);
        dateHits.push({ start: x.index!, end: x.index! + x[0].length, value: { iso } });
      }
    }
  }
  const dates = keepFree(dateHits, taken);

  const monthHits: Hit<string>[] = [];
  const addMonth = (start: number, end: number, y: number, m: number): void => {
    if (m >= 1 && m <= 12 && validYear(y)) monthHits.push({ start, end, value: ym(y, m) });
  };
  if (digits) {
    if (ANY_MONTH_WORD.test(text)) for (const x of text.matchAll(MONTH_NAME_YEAR)) addMonth(x.index!, x.index! + x[0].length, Number(x[2]), MONTH_NAMES[x[1].toLowerCase()]);
    const [mmYyyy, yyyyMm, bulan] = MONTH_NUMERIC;
    for (const x of text.matchAll(bulan)) addMonth(x.index!, x.index! + x[0].length, Number(x[2]), Number(x[1]));
    for (const x of text.matchAll(mmYyyy)) addMonth(x.index!, x.index! + x[0].length, Number(x[2]), Number(x[1]));
    for (const x of text.matchAll(yyyyMm)) addMonth(x.index!, x.index! + x[0].length, Number(x[1]), Number(x[2]));
  }
  // what carries its year wins over a relative reading of the same words
  const absolute = keepFree(monthHits, taken);
  const relative: Hit<string>[] = today ? relativeMonths(text, today) : [];
  const months = [...absolute, ...keepFree(relative, taken)].sort((a, b) => a.start - b.start).map((h) => h.value);

  const anchor = months.length ? [...months].sort()[0] : null;
  const out: string[] = [];
  for (const h of dates) {
    const v = h.value;
    if ('iso' in v) out.push(v.iso);
    else if (v.y !== null) out.push(isoDay(v.y, v.m, v.d)!);
    else if (today) {
      const r = resolveDate(v.m, v.d, today, anchor);
      if (r) out.push(r);
    }
  }
  return { months: uniq(months), dates: uniq(out) };
}

/**
 * The year of a date written without one ("bayar 3 Oktober"): with a wage month in the same message,
 * the first such day from the start of that month (a payment follows its wage month); otherwise the
 * occurrence nearest to today, the past one on a tie.
 */
export function resolveDate(m: number, d: number, today: Ymd, anchorMonth: string | null): string | null {
  if (anchorMonth) {
    const [ay, am] = anchorMonth.split('-').map(Number);
    for (let y = ay; y <= ay + 4; y++) {
      const iso = isoDay(y, m, d);
      if (iso && iso >= `${anchorMonth}-01`) return iso;
    }
    return null;
  }
  const t = Date.UTC(today.y, today.m - 1, today.d);
  let best: string | null = null;
  let bestGap = Infinity;
  for (const y of [today.y - 1, today.y, today.y + 1]) {
    const iso = isoDay(y, m, d);
    if (!iso) continue; // 29 Feb outside a leap year
    const gap = Math.abs(Date.UTC(y, m - 1, d) - t);
    if (gap < bestGap || (gap === bestGap && Date.UTC(y, m - 1, d) < t)) {
      best = iso;
      bestGap = gap;
    }
  }
  return best;
}

function relativeMonths(text: string, today: Ymd): Hit<string>[] {
  const hits: Hit<string>[] = [];
  const push = (x: RegExpMatchArray, value: string | null): void => {
    if (value) hits.push({ start: x.index!, end: x.index! + x[0].length, value });
  };
  const lower = text.toLowerCase();
  if (/\b(?:bulan|bln|month)/.test(lower)) {
    for (const x of lower.matchAll(THIS_MONTH)) push(x, ym(today.y, today.m));
    for (const x of lower.matchAll(LAST_MONTH)) push(x, shiftMonth(today.y, today.m, -1));
    for (const x of lower.matchAll(NEXT_MONTH)) push(x, shiftMonth(today.y, today.m, 1));
    for (const x of lower.matchAll(MONTHS_AGO)) {
      const n = /^\d+$/.test(x[1]) ? Number(x[1]) : readNumber(x[1])?.toNumber() ?? NaN;
      if (Number.isInteger(n) && n >= 1 && n <= 24) push(x, shiftMonth(today.y, today.m, -n));
    }
  }
  if (!ANY_MONTH_WORD.test(lower)) return hits;
  for (const x of lower.matchAll(NAMED_MONTH)) {
    const [, which, lead, name, after, afterYear, whichYear] = x;
    const m = MONTH_NAMES[name];
    const placed = which ?? after ?? afterYear ?? whichYear;
    // an abbreviation or "may" alone is too often something else ("dis" = this, "may I")
    if (!placed && !(lead && /^(?:bulan|bln|month)/.test(lead)) && (!FULL_NAMES.has(name) || (!lead && name.length < 4))) continue;
    // a month name followed by a capitalised word, with nothing that places it, is a person's name ("Mei Ling", "June Tan")
    if (!placed && !(lead && /^(?:bulan|bln|month)/.test(lead)) && /^\s+[A-Z][a-z]/.test(text.slice(x.index! + x[0].length))) continue;
    const start = x.index! + (lead && !/^(?:bulan|bln|month)/.test(lead) ? x[0].indexOf(name, lead.length) : 0);
    hits.push({ start, end: x.index! + x[0].length, value: namedMonth(m, today, { which, after, afterYear, whichYear }) });
  }
  return hits;
}

function namedMonth(m: number, today: Ymd, w: { which?: string; after?: string; afterYear?: string; whichYear?: string }): string {
  const yearShift = w.afterYear ?? w.whichYear;
  if (yearShift) {
    const shift = /^(?:lepas|lalu|last)$/.test(yearShift) ? -1 : /^(?:depan|hadapan|next)$/.test(yearShift) ? 1 : 0;
    return ym(today.y + shift, m);
  }
  const rel = w.which ?? w.after;
  if (rel && /^(?:last|previous|lepas|lalu|lps)$/.test(rel)) return ym(m < today.m ? today.y : today.y - 1, m); // the last one before this month
  if (rel && /^(?:next|coming|depan|dpn|hadapan)$/.test(rel)) return ym(m > today.m ? today.y : today.y + 1, m); // the next one after this month
  if (rel && /^(?:this|ni|ini)$/.test(rel)) return ym(today.y, m);
  return ym(m <= today.m ? today.y : today.y - 1, m); // the latest one not in the future
}
