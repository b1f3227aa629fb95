// Entity extraction: the values a form or the calculator needs, in every form users write them.
import Decimal from 'decimal.js';
import type { Agency, Entities } from './types';
import { findNumberPhrases } from './number-words';
import { findSensitive } from './sensitive';
import { keepFree, uniq, type Hit, type Taken } from './spans';
import { findWages } from './wages';

const AGE_RES = [
  // "my worker is 62", "pekerja sy dah 61", "she's 58"
  /\b(?:worker|pekerja|employee|staff|he|she|dia|beliau)(?:\s+(?:sy|saya|my|our|kami|tu|ni|itu|ini))?(?:['’]s|\s+(?:is|dah|sudah|berumur|umur))\s*(\d{2})\b(?!\d|[.,]\d|\s?(?:k\b|ribu|ringgit|%|people|orang|pekerja|workers?|employees?|staff))/gi,
  /\b(?:umur|umurnya|berumur|usia|berusia|age|aged|ages)\s*(?:is|ialah|dia|:)?\s*(\d{1,3})\b/gi,
  /\b(\d{1,3})\s?(?:tahun|thn)(?!\s*(?:lepas|lalu|yang lalu|ago|lagi|kerja|bekerja|berkhidmat|dahulu|dulu))\b/gi,
  /\b(\d{1,3})\s?(?:years?|yrs?)[\s-]?old\b/gi,
  /\b(\d{1,3})\s?(?:yo|y\/o|y\.o\.?)(?![a-z])/gi,
];

const MONTH_NAMES: Record<string, number> = {
  jan: 1, january: 1, januari: 1, feb: 2, february: 2, februari: 2, mar: 3, march: 3, mac: 3, apr: 4, april: 4,
  may: 5, mei: 5, jun: 6, june: 6, jul: 7, july: 7, julai: 7, aug: 8, august: 8, ogos: 8, ogo: 8,
  sep: 9, sept: 9, september: 9, oct: 10, october: 10, okt: 10, oktober: 10, nov: 11, november: 11,
  dec: 12, december: 12, dis: 12, disember: 12,
};
const MONTH_NAME_RE = new RegExp(String.raw`\b(${Object.keys(MONTH_NAMES).join('|')})\.?,?\s*'?(\d{4})\b`, 'gi');
const MONTH_NUMERIC = [
  /(?<![\d/.-])(\d{1,2})\s?[/-]\s?(\d{4})(?![\d/-])/g, // 10/2024, 10-2024
  /(?<![\d/.-])(\d{4})[-/](\d{1,2})(?![\d/-])/g, // 2024-10 (year first)
  /\b(?:bulan|month|bln)\s+(\d{1,2})\s*(?:[/-]|tahun|year)?\s*(\d{4})\b/gi, // bulan 10 2024
];

const FOREIGN_RE =
  /\b(?:pekerja asing|warga asing|bukan warganegara|foreign (?:workers?|employees?|staff|labou?rs?|nationals?)|foreigners?|non[- ]?citizens?|non[- ]?malaysians?|expat(?:riate)?s?|pati|pekerja indonesia|pekerja bangladesh|pekerja nepal|pekerja myanmar)\b/i;
const LOCAL_RE =
  /\b(?:pekerja tempatan|tempatan|warganegara|local (?:workers?|employees?|staff)|locals?|citizens?|malaysians?|rakyat malaysia|pemastautin tetap|permanent residents?)\b/i;

const AGENCY_RES: Array<[Agency, RegExp]> = [
  ['kwsp', /\b(?:kwsp|epf|i-?akaun|kumpulan wang simpanan pekerja|employees? provident fund)\b/i],
  ['lhdn', /\b(?:lhdn|lhdnm|irb|lembaga hasil|pcb|mtd|cukai pendapatan|income tax|e-?filing|borang ea|ea form|borang e|form e|cp ?22a?|cp ?39|e number|nombor e|no\.? e|potongan cukai|tax deduction)\b/i],
  ['hrdcorp', /\b(?:hrd ?corp|hrdf|hrdc|hrd levy|levi hrd|pembangunan sumber manusia|human resources? development)\b/i],
  ['ssm', /\b(?:ssm|suruhanjaya syarikat|companies commission|mycoid|ezbiz)\b/i],
];

export function extractEntities(text: string, _now?: Date): Entities {
  const spans = findSensitive(text);
  const of = (k: string): string[] => spans.filter((s) => s.kind === k).map((s) => s.value);
  // numbers inside identifiers and addresses are not wages, ages or months
  const taken: Taken = spans.map((s) => [s.start, s.end]);

  const digits = /\d/.test(text);
  const phrases = findNumberPhrases(text);
  const months = digits ? extractMonths(text, taken) : [];
  const ages = digits ? extractAges(text, taken) : [];
  const wages = digits || phrases.length ? findWages(text, taken, { phrases, correctionCue: false }).hits.map((h) => h.value) : [];

  const foreign = FOREIGN_RE.test(text) ? true : LOCAL_RE.test(text) ? false : null;
  let agency: Agency | null = null;
  let first = Infinity;
  for (const [a, re] of AGENCY_RES) {
    const m = re.exec(text);
    if (m && m.index < first) {
      first = m.index;
      agency = a;
    }
  }
  return {
    wages,
    ages,
    months,
    employerCodes: uniq(of('employerCode').map((c) => c.toUpperCase())),
    mykads: uniq(of('mykad').map((c) => c.replace(/\D/g, ''))),
    emails: uniq(of('email')),
    phones: uniq(of('phone').map((p) => p.replace(/[^\d+]/g, ''))),
    urls: uniq(of('url')),
    foreign,
    agency,
    looksLikePassword: spans.some((s) => s.kind === 'password'),
    bankAccount: spans.some((s) => s.kind === 'account'),
    workers: [],
    skbbkOptOut: null,
    firstInsuredAge: null,
    correction: false,
    daysLate: null,
    dates: [],
  };
}

function extractMonths(text: string, taken: Taken): string[] {
  const hits: Hit<string>[] = [];
  const add = (start: number, end: number, y: number, m: number): void => {
    if (m >= 1 && m <= 12 && y >= 1990 && y <= 2099) hits.push({ start, end, value: `${y}-${String(m).padStart(2, '0')}` });
  };
  for (const x of text.matchAll(MONTH_NAME_RE)) add(x.index!, x.index! + x[0].length, Number(x[2]), MONTH_NAMES[x[1].toLowerCase()]);
  const [mmYyyy, yyyyMm, bulan] = MONTH_NUMERIC;
  for (const x of text.matchAll(bulan)) add(x.index!, x.index! + x[0].length, Number(x[2]), Number(x[1]));
  for (const x of text.matchAll(mmYyyy)) add(x.index!, x.index! + x[0].length, Number(x[2]), Number(x[1]));
  for (const x of text.matchAll(yyyyMm)) add(x.index!, x.index! + x[0].length, Number(x[1]), Number(x[2]));
  return uniq(keepFree(hits, taken).map((h) => h.value));
}

function extractAges(text: string, taken: Taken): number[] {
  const hits: Hit<number>[] = [];
  for (const re of AGE_RES) {
    for (const x of text.matchAll(re)) {
      const age = Number(x[1]);
      const start = x.index! + x[0].indexOf(x[1]);
      if (age >= 14 && age <= 100) hits.push({ start, end: start + x[1].length, value: age });
    }
  }
  return uniq(keepFree(hits, taken).map((h) => h.value));
}

