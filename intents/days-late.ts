// How late a payment was, when said in passing: "2 weeks late" 14, "lewat 10 hari", "3 hari lewat",
// "terlewat bayar seminggu". A month is not a fixed number of days, so "late by a month" gives no
// number here: the core asks, or uses the wage month and the payment date.
import { readNumber } from './number-words';
import { overlapsTaken, type Taken } from './spans';

const UNIT = /\b(se)?(hari|days?|minggu|weeks?|bulan|bln|months?)\b/gi;
const LATE_BEFORE = /\b(?:late|lewat|lambat|terlewat|terlambat|overdue|tertunggak|delay(?:ed)?|tardy)\s+(?:(?:bayar|byr|pay(?:ment)?|paid|hantar|by|for|selama|sebanyak|about|around|lebih kurang|dah|sudah)\s+){0,2}$/i;
const LATE_AFTER = /^\s+(?:(?:lagi|dah|sudah|already)\s+)?(?:late|lewat|lambat|terlewat|terlambat|overdue|delay(?:ed)?|after (?:the )?(?:due date|deadline)|(?:selepas|lepas|melepasi) (?:tarikh|due))/i;
const ONE = /^(?:a|an|one|satu)$/i;

export interface DaysLate {
  /** Days, or null when the delay was given in months. */
  days: number | null;
  start: number;
  end: number;
}

export function findDaysLate(text: string, taken: Taken): DaysLate | null {
  if (!/\b(?:late|lewat|lambat|terlewat|terlambat|overdue|tertunggak|delay|tardy)/i.test(text)) return null;
  for (const u of text.matchAll(UNIT)) {
    const unitStart = u.index!;
    const unitEnd = unitStart + u[0].length;
    let count: number | null = null;
    let start = unitStart;
    if (u[1]) count = 1; // sehari, seminggu, sebulan
    else {
      const before = text.slice(Math.max(0, unitStart - 40), unitStart);
      const digits = /(\d{1,4})\s*$/.exec(before);
      if (digits) {
        count = Number(digits[1]);
        start = unitStart - digits[0].length;
      } else {
        const words = /((?:[a-z]+[\s-]+){0,2}[a-z]+)\s+$/i.exec(before);
        if (words) {
          // the longest run of words just before the unit that is a number: "dua puluh hari", "two weeks"
          const parts = words[1].split(/[\s-]+/);
          for (let k = 0; k < parts.length && count === null; k++) {
            const tail = parts.slice(k).join(' ');
            const n = ONE.test(tail) ? 1 : readNumber(tail)?.toNumber();
            if (n !== undefined && Number.isInteger(n) && n > 0) {
              count = n;
              start = unitStart - before.length + before.lastIndexOf(parts[k]);
            }
          }
        }
      }
    }
    if (count === null || overlapsTaken(taken, start, unitEnd)) continue;
    const late = LATE_BEFORE.test(text.slice(Math.max(0, start - 50), start)) || LATE_AFTER.test(text.slice(unitEnd, unitEnd + 40));
    if (!late) continue;
    const unit = u[2].toLowerCase();
    const perUnit = /^(?:hari|days?)$/.test(unit) ? 1 : /^(?:minggu|weeks?)$/.test(unit) ? 7 : null;
    const days = perUnit === null ? null : count * perUnit;
    taken.push([start, unitEnd]);
    return { days: days !== null && days >= 1 && days <= 3660 ? days : null, start, end: unitEnd };
  }
  return null;
}
