import Decimal from 'decimal.js';
import { QuoteError } from './errors';
import { formatRM, parseMoney, toAmount } from './money';
import { addMonths, dateName, klDate, monthName, parseMonth } from './months';

/**
 * Late-payment interest (FCLB, Faedah Caruman Lewat Bayar), FACTS.md §4: 6% a year for each day late, minimum RM5
 * under Act 4. The due date (15th of the month after the wage month) is M confidence and the day-count basis is
 * unconfirmed, so this is an estimate: ASSIST shows the figure that counts.
 */
const RATE_PER_YEAR = new Decimal('0.06');
const DAYS_PER_YEAR = 365; // basis not confirmed (FACTS §4.2): say so in the reply
const MINIMUM = new Decimal('5.00');
const DUE_DAY = '15';
/** A month's contributions for a large employer can pass RM1m; far beyond this is a typo. */
const MAX_AMOUNT = new Decimal('100000000');

export const LATE_INTEREST_SOURCES = {
  rule: {
    ms: "6% setahun, dikira harian: Ketua Eksekutif PERKESO, New Straits Times, 15 Mei 2024; minimum RM5: Employees' Social Security (General) Regulations 1971, peraturan 33",
    en: "6% a year, calculated daily: PERKESO's chief executive, New Straits Times, 15 May 2024; minimum RM5: Employees' Social Security (General) Regulations 1971, reg. 33",
  },
  assist: { title: 'PERKESO: ASSIST portal guide', url: 'https://www.perkeso.gov.my/en/online/for-employer/assist-portal/guide.html' },
  portal: 'https://assist.perkeso.gov.my',
} as const;

export interface LateInterestRequest {
  amount: string | number;
  wageMonth: string;
  paidOn: string | Date;
}

export interface LateInterest {
  amount: string;
  wageMonth: string;
  dueDate: string;
  paidOn: string;
  daysLate: number;
  interest: string;
  minimumApplied: boolean;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' (a real calendar date) or a Date, read as the calendar day in Kuala Lumpur. */
function parsePaidOn(value: unknown): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return klDate(value);
  if (typeof value === 'string') {
    const m = DATE_RE.exec(value.trim());
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const utc = new Date(Date.UTC(y, mo - 1, d));
      if (utc.getUTCFullYear() === y && utc.getUTCMonth() === mo - 1 && utc.getUTCDate() === d) return m[0];
    }
  }
  throw new QuoteError('date_invalid', {
    ms: 'Tarikh bayaran tidak sah. Tulis sebagai TTTT-BB-HH, contoh 2024-12-20.',
    en: 'The payment date is not valid. Write it as YYYY-MM-DD, for example 2024-12-20.',
  });
}

function dayNumber(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Estimates FCLB for one month's contribution paid on a given day. Throws QuoteError on bad input. */
export function lateInterest(req: LateInterestRequest): LateInterest {
  if (typeof req !== 'object' || req === null) {
    throw new QuoteError('request_invalid', { ms: 'Sila beri jumlah caruman, bulan upah dan tarikh bayaran.', en: 'Please give the contribution amount, the wage month and the payment date.' });
  }
  const amount = parseMoney(req.amount, { max: MAX_AMOUNT, what: { ms: 'Jumlah caruman', en: 'The contribution amount' } });
  const wageMonth = parseMonth(req.wageMonth);
  const paidOn = parsePaidOn(req.paidOn);
  const dueDate = `${addMonths(wageMonth, 1)}-${DUE_DAY}`;
  const daysLate = Math.max(0, dayNumber(paidOn) - dayNumber(dueDate));

  return { amount: toAmount(amount), wageMonth, dueDate, paidOn, daysLate, ...interestFor(amount, daysLate) };
}

/** 6% a year for each day late, at least the RM5 minimum; nothing when not late. */
function interestFor(amount: Decimal, daysLate: number): { interest: string; minimumApplied: boolean } {
  if (daysLate <= 0) return { interest: toAmount('0'), minimumApplied: false };
  const interest = amount.times(RATE_PER_YEAR).times(daysLate).dividedBy(DAYS_PER_YEAR).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  return interest.lessThan(MINIMUM) ? { interest: toAmount(MINIMUM), minimumApplied: true } : { interest: toAmount(interest), minimumApplied: false };
}

/** A late payment known only by how many days late it was ("owe 10k, paid 2 weeks late"). */
export interface LateInterestForDaysRequest {
  amount: string | number;
  daysLate: number;
}

export interface LateInterestForDays {
  amount: string;
  daysLate: number;
  interest: string;
  minimumApplied: boolean;
}

/** A day count beyond this (ten years) is a typo, not a late payment. */
const MAX_DAYS_LATE = 3660;

/** Estimates FCLB from the days late alone, without the wage month or payment date. Throws QuoteError on bad input. */
export function lateInterestForDays(req: LateInterestForDaysRequest): LateInterestForDays {
  const amount = parseMoney(req.amount, { max: MAX_AMOUNT, what: { ms: 'Jumlah caruman', en: 'The contribution amount' } });
  const days = req.daysLate;
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS_LATE) {
    throw new QuoteError('days_late_invalid', {
      ms: `Bilangan hari lewat mesti nombor bulat antara 0 dan ${MAX_DAYS_LATE}.`,
      en: `The number of days late must be a whole number from 0 to ${MAX_DAYS_LATE}.`,
    });
  }
  return { amount: toAmount(amount), daysLate: days, ...interestFor(amount, days) };
}

const L = {
  heading: { ms: 'Faedah caruman lewat bayar (FCLB): ANGGARAN sahaja', en: 'Late-payment interest (FCLB): an ESTIMATE only' },
  contribution: { ms: '• Caruman {amount} bagi bulan upah {month}, tarikh akhir {due}.', en: '• Contribution of {amount} for wage month {month}, due {due}.' },
  late: { ms: '• Dibayar pada {paid}: lewat {days} hari.', en: '• Paid on {paid}: {days} days late.' },
  byDays: { ms: '• Caruman {amount}, dibayar lewat {days} hari selepas tarikh akhir.', en: '• Contribution of {amount}, paid {days} days after the due date.' },
  notLate: { ms: '• Tidak lewat: tiada faedah lewat bayar.', en: '• Not late: no late-payment interest.' },
  onTime: { ms: '• Dibayar pada {paid}, pada atau sebelum tarikh akhir: tiada faedah lewat bayar.', en: '• Paid on {paid}, on or before the due date: no late-payment interest.' },
  interest: {
    ms: '• Faedah: {interest} (6% setahun bagi setiap hari lewat, dikira di sini atas 365 hari setahun).',
    en: '• Interest: {interest} (6% a year for each day late, counted here on a 365-day year).',
  },
  minimum: {
    ms: '• Faedah: {interest}, iaitu caj minimum RM5.00 di bawah Akta 4 (kiraan 6% setahun memberi kurang).',
    en: '• Interest: {interest}, the RM5.00 minimum charge under Act 4 (6% a year would give less).',
  },
  caveat: {
    ms: 'Tarikh akhir 15 haribulan bulan berikutnya dan asas kiraan hari (di sini 365 hari setahun) belum disahkan dalam teks peraturan, dan faedah SIP (Akta 800) mungkin berbeza. Amaun dalam ASSIST yang terpakai.',
    en: 'The 15th-of-the-following-month due date and the day-count basis (365 days a year here) are not confirmed in the regulation text, and EIS (Act 800) interest may differ. The amount shown in ASSIST is the one that counts.',
  },
  todo: {
    ms: 'Apa perlu dibuat: log masuk ASSIST ({portal}), pilih "Interest on Late Payment of Contributions / Appeal", kemudian bayar faedah itu, atau buat rayuan di situ jika anda rasa ia tidak betul.',
    en: 'What to do: log in to ASSIST ({portal}), open "Interest on Late Payment of Contributions / Appeal", then pay the interest, or appeal there if you think it is wrong.',
  },
  source: { ms: 'Sumber', en: 'Source' },
} satisfies Record<string, Record<'ms' | 'en', string>>;

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

/** The estimate in chat form: due date, days late, interest, the caveats, what to do in ASSIST, and the source. */
export function explainLateInterest(r: LateInterest, lang: 'ms' | 'en'): string {
  const v = {
    amount: formatRM(r.amount),
    month: monthName(r.wageMonth, lang),
    due: dateName(r.dueDate, lang),
    paid: dateName(r.paidOn, lang),
    days: String(r.daysLate),
    interest: formatRM(r.interest),
    portal: LATE_INTEREST_SOURCES.portal,
  };
  const lines = [L.heading[lang], fill(L.contribution[lang], v)];
  if (r.daysLate === 0) {
    lines.push(fill(L.onTime[lang], v), L.caveat[lang]);
  } else {
    lines.push(fill(L.late[lang], v), fill((r.minimumApplied ? L.minimum : L.interest)[lang], v), L.caveat[lang], fill(L.todo[lang], v));
  }
  lines.push(sourceLine(lang));
  return lines.join('\n');
}

function sourceLine(lang: 'ms' | 'en'): string {
  const { rule, assist } = LATE_INTEREST_SOURCES;
  return `${L.source[lang]}: ${rule[lang]}; ${assist.title}, ${assist.url}`;
}

/** The estimate from days late: the same caveats, what to do in ASSIST, and the source. */
export function explainLateInterestForDays(r: LateInterestForDays, lang: 'ms' | 'en'): string {
  const v = { amount: formatRM(r.amount), days: String(r.daysLate), interest: formatRM(r.interest), portal: LATE_INTEREST_SOURCES.portal };
  const lines = [L.heading[lang], fill(L.byDays[lang], v)];
  if (r.daysLate === 0) lines.push(L.notLate[lang], L.caveat[lang]);
  else lines.push(fill((r.minimumApplied ? L.minimum : L.interest)[lang], v), L.caveat[lang], fill(L.todo[lang], v));
  lines.push(sourceLine(lang));
  return lines.join('\n');
}
