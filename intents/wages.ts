// Amounts of money in a message, in every form employers write them: "RM3,200.50", "2.5k", "gaji 4 ribu",
// "dua ribu tiga ratus", "3 ribu 200", lists ("gaji 1800, 2500 dan 4000", "Ahmad 2,100, Ravi 2,650")
// and corrections ("bukan 2300, 3200"). Whether an amount is a wage or a contribution is for the core.
import Decimal from 'decimal.js';
import type { NumberPhrase } from './number-words';
import { keepFree, overlapsTaken, type Hit, type Taken } from './spans';

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
// after "RM" a space may also group thousands: "RM 2 500"
const NUM_RM = String.raw`\d{1,3}(?:[, ]\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?`;
const MULT: Record<string, number> = { k: 1000, ribu: 1000, rb: 1000, thousand: 1000, juta: 1_000_000, million: 1_000_000, mil: 1_000_000 };
const MULT_WORD = String.raw`k|ribu|rb|thousand|juta|million|mil`;

// RM2,500 / rm 3k / MYR 1800 / RM1,750.50 / RM 2.5 ribu
const WAGE_RM = new RegExp(String.raw`(?<![\w])(?:rm|myr)\s?(${NUM_RM})(?:\s?(${MULT_WORD})\b)?`, 'gi');
// 2.5k / 4 ribu / 3 thousand / 1800 ringgit / 2k ringgit
const WAGE_SUFFIX = new RegExp(String.raw`(?<![\w.,])(${NUM})(?:\s?(${MULT_WORD})(?![a-z])(?:\s?(?:ringgit|myr))?|\s?(?:ringgit|myr)\b)`, 'gi');
// "2k5" = 2500, "1k8" = 1800
const K_DIGIT = /(?<![\w.,])(\d{1,3})k(\d)(?![\w.,])/gi;
// "gaji 5500", "earns 1800", "salary of 3200", "gaji pekerja 2000": a bare amount shortly after a wage word
// (what follows it is checked in findWages: "gaji 12 bulan" is a period, "gaji 2500 bulan lepas" a wage)
const WAGE_WORD = new RegExp(
  String.raw`\b(?:gaji|gajinya|salary|salaries|wage|wages|upah|pendapatan|income|earns?|earning|bergaji|paid|dibayar)\b(?:\s+(?:of|is|sebanyak|ialah|dia|pekerja|worker|saya|staff|employee|around|about|lebih kurang|kira-kira|dalam|within|only|just|hanya|baru|sebulan|monthly|bulanan|per month|a month)){0,3}\s*:?\s*(${NUM})(?!\d|[.,]\d)`,
  'gi',
);
// after a wage word: an age, a rate or a period whatever the number; a count or a number of months only when small
const AFTER_WAGE_WORD_NOT_MONEY = /^\s?(?:%|(?:peratus|percent|tahun|thn|years?|yrs?|yo|hari|days?|minggu|weeks?|orang|people|kali|times)\b)/i;
const AFTER_WAGE_WORD_COUNT = /^\s?(?:bulan|bln|months?|pekerja|workers?|employees?|staff)\b/i;
// "socso for 3000", "kira socso 2500", "caruman untuk 1800", "owe 4500": a bare amount right after a word
// that asks for a quote or names an amount owed; whether it is a wage or a contribution is for the core
const CUE_BEFORE = new RegExp(
  String.raw`\b(?:socso|perkeso|caruman|carum|contributions?|eis|sip|kira|kirakan|calculate|calc|compute|deduct|potong|potongan|bayar|owe|owed|hutang|tunggakan|arrears?)\b(?:\s+(?:socso|perkeso|caruman|for|untuk|utk|bagi|of|on|the|a|sebanyak|berjumlah|amounting\s+to)){0,3}\s*:?\s*(${NUM})(?!\d|[.,]\d)`,
  'gi',
);
const CEILING_BEFORE = /\b(?:max|maximum|maksimum|maks|siling|ceiling|had|limit|cap|capped)\b[^.?!\d]{0,20}$/i;
// "2500 for a worker aged 65", "3000 untuk pekerja umur 60": a bare amount said to be for a worker
const FOR_WORKER_AFTER =
  /^\s+(?:for|untuk|utk|bagi)\s+(?:(?:a|an|my|one|our|the|this|that|seorang|sorang|satu|1|new|baru)\s+)?(?:workers?|pekerja|staff|employees?|orang\s+(?:pekerja|staff)|clerk|cashier|driver|maid|helper)\b/i;
// a list of two or more bare amounts: "2 staff: 2000 dan 3000", "Oct 2024: 2500 and 3200"
const BARE_LIST = new RegExp(
  String.raw`(?<![\w.,\/-])(?:${NUM})(?:\s*(?:,|;|&|\/|\bdan\b|\band\b)\s*(?:(?:dan|and)\s+)?(?:${NUM}))+(?![\w\/-]|[.,]\d)`,
  'gi',
);
// "2000 bulan 10/2026", "2500 bulan lepas": the month word starts the wage month, it does not count the amount
const MONTH_SPEC_AFTER =
  /^\s?(?:bulan|bln|month)\s+(?:\d|lepas|lalu|lps|depan|dpn|hadapan|ni|ini|jan|feb|mac|mar|apr|mei|may|jun|jul|ogo|aug|sep|okt|oct|nov|dis|dec)/i;
const LIST_ITEM = new RegExp(String.raw`(?<![\w.,\/-])(${NUM})(?![\w\/-]|[.,]\d)`, 'g');

// "2000 salary", "3500 gaji", "1800 sebulan": a bare amount right before a wage word
const WAGE_BEFORE_WORD = new RegExp(String.raw`(?<![\w.,])(${NUM})\s+(?:salary|gaji|wage|wages|upah|sebulan|per month|a month)\b`, 'gi');

/** Words right after a number that make it a count, a period, an age or a rate, not money. */
export const NOT_MONEY_AFTER =
  /^\s?(?:%|(?:peratus|percent|tahun|thn|years?|yrs?|yo|bulan|bln|months?|hari|days?|minggu|weeks?|orang|people|pekerja|workers?|employees?|staff|kali|times|jam|hours?|hb|haribulan)\b)/i;
const AGE_BEFORE = /\b(?:umur|umurnya|berumur|usia|berusia|age|aged)\s*(?:is|ialah|dia|:)?\s*$/i;
const RM_BEFORE = /(?:rm|myr)\s?$/i;

// the next amount of a list: "gaji 1800, 2500 dan 4000", "RM1,800 & 2,500"
const LIST_NEXT = new RegExp(
  String.raw`\s*(?:,|;|\/|&|\+|\bdan\b|\band\b|\batau\b|\bor\b)\s*(?:(?:dan|and)\s+)?(((?:rm|myr)\s?)?(${NUM})(?:\s?(${MULT_WORD})(?![a-z]))?)(?![\w.,]*\d)`,
  'iyd',
);
// "Ahmad 2,100 ..., Ravi 2,650": a name, then an amount; two or more of them make a list of workers
const NAME_AMOUNT = new RegExp(
  String.raw`(?<![\w'.])([A-Za-z][A-Za-z'.]*(?:\s+(?:bin|binti|bt|a\/l|a\/p|[A-Z][A-Za-z'.]*)){0,3})\s*[:=–-]?\s*(((?:rm|myr)\s?)?(${NUM})(?:\s?(${MULT_WORD})(?![a-z]))?)(?![\w.,]*\d)`,
  'gd',
);
/** Words that are not a name when an amount follows them. */
export const NOT_A_NAME = new Set(
  `gaji gajinya salary salaries wage wages upah rm myr umur age aged usia berumur berusia bulan bln month months tahun year years staff pekerja worker workers
  employee employees orang people dan and atau or untuk utk for dengan with kira calculate berapa brp how much total jumlah caruman contribution contributions
  socso perkeso eis sip lindung skbbk is ialah ke ni tu itu ini saya sy my our kami we i dia he she they the a an of to bayar pay paid owe hutang lewat late
  hari days minggu weeks k ribu setengah sebulan monthly about around only just baru hanya ada have has got lagi then lepas last next depan bukan not
  sebenarnya actually patut should be meant mean salah silap typo sorry opps oops ops maaf also juga pula pulak kalau if what about how camne macam mana
  mcm nak want need perlu total pekerjanya kod code no nombor number ic mykad tel phone lot jalan jln`
    .split(/\s+/)
    .filter(Boolean),
);
// a bare amount, read as money only where the context says so (a correction)
const BARE = new RegExp(String.raw`(?<![\w.,\/-])(${NUM})(?![\w\/-]|[.,]\d)`, 'g');
const YEAR = /^(?:19|20)\d\d$/;
const YEAR_LIKE = /^(?:199\d|20[0-3]\d)$/;
const ANY_YEAR = /(?<![\d.,])(?:199\d|20[0-3]\d)(?![\d.,]\d|\d)/g;
// "Oct 2024", "Mac, 2025", "tahun 2024", "since 2020": what sits right before a year
const YEAR_PLACE_BEFORE =
  /(?:\b(?:jan|feb|mar|mac|apr|may|mei|jun|jul|aug|ogo|sep|oct|okt|nov|dec|dis)[a-z]*\.?,?\s*'?|\b(?:tahun|thn|year|sejak|since|pada|in|dalam|sebelum|before|selepas|after|hingga|until|till|table|jadual|kadar|rates?)\s+)$/i;

/**
 * Whether a bare four-digit amount is a year: a month name or a year word right before it; or, unless
 * `strict` (an amount in a list of amounts), no other year in the message (a message rarely gives two:
 * in "caruman 2000 bulan 10/2026" the 2000 is money, in "socso 2024" a year).
 */
function yearAt(text: string, start: number, end: number, strict: boolean): boolean {
  if (!YEAR_LIKE.test(text.slice(start, end))) return false;
  if (YEAR_PLACE_BEFORE.test(text.slice(Math.max(0, start - 16), start))) return true;
  if (strict) return false;
  return ![...text.matchAll(ANY_YEAR)].some((m) => m.index !== start);
}

// an amount said to be wrong: "bukan 2300", "not 2300", "2300 tu salah"
const NEGATED_BEFORE = /\b(?:bukan|bkn|bukannya|not|instead of|rather than)\s*(?:(?:rm|myr)\s?)?$/i;
const WRONG_AFTER = /^\s*(?:tu|itu|ni|is|was)?\s*(?:salah|silap|tersilap|wrong|typo)\b/i;
// "2300 patut 3200", "2300 -> 3200", "I meant 3200": the amount before the marker is replaced
const REPLACED_BY = /\b(?:patut(?:nya)?|sepatutnya|should (?:have )?be(?:en)?|i meant|i mean|maksud (?:saya|sy)|tukar (?:ke|kepada)|changed? to|yang betul|betulnya)\b|->|→|=>/gi;

function toMoney(num: string, mult?: string): string | null {
  const n = new Decimal(num.replace(/[, ]/g, ''));
  const v = mult ? n.times(MULT[mult.toLowerCase()] ?? 1) : n;
  if (v.lte(0) || v.gte(10_000_000)) return null;
  return v.toFixed(2);
}

const money = (d: Decimal): string | null => (d.lte(0) || d.gte(10_000_000) ? null : d.toFixed(2));
const looksLikeMoney = (text: string, end: number): boolean => !NOT_MONEY_AFTER.test(text.slice(end, end + 16));

export interface WageOptions {
  /** Numbers written in words (number-words.ts). */
  phrases: NumberPhrase[];
  /** The message corrects an earlier value: a bare amount in it is the new wage ("opps salah, 3200 sebenarnya"). */
  correctionCue: boolean;
}

export interface WageResult {
  /** In text order, amounts said to be wrong left out. */
  hits: Hit<string>[];
  /** Amounts left out because the message says they are wrong ("bukan 2300", "2300 patut 3200"). */
  replaced: number;
}

export function findWages(text: string, taken: Taken, opts: WageOptions): WageResult {
  const digits = /\d/.test(text);
  const hits: Hit<string>[] = [];
  const add = (start: number, end: number, value: string | null): void => {
    if (value) hits.push({ start, end, value });
  };
  for (const x of text.matchAll(WAGE_RM)) add(x.index!, x.index! + x[0].length, toMoney(x[1], x[2]));
  for (const x of text.matchAll(WAGE_SUFFIX)) add(x.index!, x.index! + x[0].length, toMoney(x[1], x[2]));
  for (const x of text.matchAll(K_DIGIT)) add(x.index!, x.index! + x[0].length, money(new Decimal(x[1]).times(1000).plus(new Decimal(x[2]).times(100))));
  for (const x of text.matchAll(WAGE_BEFORE_WORD)) {
    // below RM100 a number before "gaji" is more likely an age or a count than a wage
    if (Number(x[1].replace(/,/g, '')) >= 100) add(x.index!, x.index! + x[1].length, toMoney(x[1]));
  }
  for (const x of text.matchAll(WAGE_WORD)) {
    const start = x.index! + x[0].lastIndexOf(x[1]);
    const n = Number(x[1].replace(/,/g, ''));
    const after = text.slice(start + x[1].length, start + x[1].length + 16);
    if (n < 10 || AFTER_WAGE_WORD_NOT_MONEY.test(after) || (n < 100 && AFTER_WAGE_WORD_COUNT.test(after))) continue;
    add(start, start + x[1].length, toMoney(x[1]));
  }
  const bareMoney = (start: number, num: string, strictYear: boolean): void => {
    const end = start + num.length;
    const monthNext = MONTH_SPEC_AFTER.test(text.slice(end, end + 24));
    if (Number(num.replace(/,/g, '')) < 100 || (!monthNext && !looksLikeMoney(text, end)) || yearAt(text, start, end, strictYear)) return;
    add(start, end, toMoney(num));
  };
  if (digits) {
    for (const x of text.matchAll(CUE_BEFORE)) {
      // "max gaji socso 6000": a ceiling asked about, not a wage
      if (CEILING_BEFORE.test(text.slice(Math.max(0, x.index! - 24), x.index!))) continue;
      bareMoney(x.index! + x[0].lastIndexOf(x[1]), x[1], false);
    }
    for (const x of text.matchAll(LIST_ITEM)) if (FOR_WORKER_AFTER.test(text.slice(x.index! + x[0].length))) bareMoney(x.index!, x[1], false);
    for (const l of text.matchAll(BARE_LIST)) {
      for (const x of l[0].matchAll(LIST_ITEM)) bareMoney(l.index! + x.index!, x[1], true);
    }
  }
  for (const p of opts.phrases) {
    if (p.value.lt(100) || !looksLikeMoney(text, p.end) || AGE_BEFORE.test(text.slice(Math.max(0, p.start - 20), p.start))) continue;
    const rm = RM_BEFORE.exec(text.slice(Math.max(0, p.start - 4), p.start));
    add(rm ? p.start - rm[0].length : p.start, p.end, money(p.value));
  }
  let found = keepFree(hits, taken);

  const pairs: Hit<string>[] = [];
  // Name + amount pairs already read as wages by another rule still count towards the two a list needs
  // ("Ali 1800, Siti 2,650, Raju 7k": the last two are read above, the first only as a pair).
  let pairCount = 0;
  // only a message with two numbers or more can list workers by name
  const manyNumbers = (text.match(/\d+/g)?.length ?? 0) >= 2;
  if (manyNumbers) for (const x of text.matchAll(NAME_AMOUNT)) {
    // a connective or message word ahead of the name is not part of it ("... dan Siti 2650")
    if (x[1].split(/\s+/).every((w) => NOT_A_NAME.has(w.toLowerCase()))) continue;
    const [start, end] = x.indices![2];
    const v = toMoney(x[4], x[5]);
    if (!v || (!x[3] && !x[5] && new Decimal(v).lt(100)) || !looksLikeMoney(text, end)) continue;
    if (found.some((h) => h.start < end && h.end > start)) pairCount += 1;
    else if (!overlapsTaken(taken, start, end)) {
      pairCount += 1;
      pairs.push({ start, end, value: v });
    }
  }
  if (pairCount >= 2) found = [...found, ...keepFree(pairs, taken)];

  if (opts.correctionCue) {
    const bare: Hit<string>[] = [];
    for (const x of text.matchAll(BARE)) {
      const end = x.index! + x[0].length;
      if (YEAR.test(x[1]) || new Decimal(x[1].replace(/,/g, '')).lt(100) || !looksLikeMoney(text, end)) continue;
      const v = toMoney(x[1]);
      if (v) bare.push({ start: x.index!, end, value: v });
    }
    found = [...found, ...keepFree(bare, taken)];
  }

  // lists continue from every amount found: "gaji 1800, 2500 dan 4000"
  const queue = [...found];
  while (queue.length) {
    const h = queue.shift()!;
    LIST_NEXT.lastIndex = h.end;
    const x = LIST_NEXT.exec(text);
    if (!x) continue;
    const [start, end] = x.indices![1];
    const v = toMoney(x[3], x[4]);
    if (!v || (!x[2] && !x[4] && new Decimal(v).lt(100)) || !looksLikeMoney(text, end)) continue;
    const next = keepFree([{ start, end, value: v }], taken);
    found.push(...next);
    queue.push(...next);
  }
  found.sort((a, b) => a.start - b.start);

  // amounts the message itself says are wrong
  const wrong = new Set<Hit<string>>();
  for (const h of found) {
    if (NEGATED_BEFORE.test(text.slice(Math.max(0, h.start - 14), h.start)) || WRONG_AFTER.test(text.slice(h.end, h.end + 16))) wrong.add(h);
  }
  if (found.length >= 2) for (const m of text.matchAll(REPLACED_BY)) {
    const before = found.filter((h) => h.end <= m.index!);
    if (before.length && found.some((h) => h.start >= m.index! + m[0].length)) wrong.add(before[before.length - 1]);
  }
  return { hits: found.filter((h) => !wrong.has(h)), replaced: wrong.size };
}
