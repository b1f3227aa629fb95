// Entity extraction: the values a form or the calculator needs, in every form users write them.
import Decimal from 'decimal.js';
import type { Agency, Entities } from './types';
import { findNumberPhrases } from './number-words';
import { findSensitive } from './sensitive';
import { keepFree, uniq, type Hit, type Taken } from './spans';
import { findDaysLate } from './days-late';
import { extractCalendar } from './relative-dates';
import { findWages } from './wages';

const AGE_RES = [
  // "my worker is 62", "pekerja sy dah 61", "she's 58"
  /\b(?:worker|pekerja|employee|staff|he|she|dia|beliau)(?:\s+(?:sy|saya|my|our|kami|tu|ni|itu|ini))?(?:['’]s|\s+(?:is|dah|sudah|berumur|umur))\s*(\d{2})\b(?!\d|[.,]\d|\s?(?:k\b|ribu|ringgit|%|people|orang|pekerja|workers?|employees?|staff))/gi,
  /\b(?:umur|umurnya|berumur|usia|berusia|age|aged|ages)\s*(?:is|ialah|dia|:)?\s*(\d{1,3})\b/gi,
  /\b(\d{1,3})\s?(?:tahun|thn)(?!\s*(?:lepas|lalu|yang lalu|ago|lagi|kerja|bekerja|berkhidmat|dahulu|dulu))\b/gi,
  /\b(\d{1,3})\s?(?:years?|yrs?)[\s-]?old\b/gi,
  /\b(\d{1,3})\s?(?:yo|y\/o|y\.o\.?)(?![a-z])/gi,
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

export function extractEntities(text: string, now?: Date): Entities {
  const spans = findSensitive(text);
  const of = (k: string): string[] => spans.filter((s) => s.kind === k).map((s) => s.value);
  // numbers inside identifiers and addresses are not wages, ages or months
  const taken: Taken = spans.map((s) => [s.start, s.end]);

  const digits = /\d/.test(text);
  const phrases = findNumberPhrases(text);
  // dates before months, and both before ages and wages: "3 Oktober 2026" is one date, "10 hari" no age
  const { months, dates } = extractCalendar(text, taken, now);
  const late = findDaysLate(text, taken);
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
    daysLate: late?.days ?? null,
    dates,
  };
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

