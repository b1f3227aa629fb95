// Entity extraction: the values a form or the calculator needs, in every form users write them.
import type { Agency, Entities } from './types';
import { findDaysLate } from './days-late';
import { findNumberPhrases, type NumberPhrase } from './number-words';
import { correctionCue, firstInsuredAge, foreignIn, skbbkOptOut } from './quote-details';
import { extractCalendar } from './relative-dates';
import { findSensitive } from './sensitive';
import { keepFree, uniq, type Hit, type Taken } from './spans';
import { findWages } from './wages';
import { groupWorkers, parseWorkerTable } from './workers';

const AGE_RES = [
  // "my worker is 62", "pekerja sy dah 61", "she's 58"
  /\b(?:worker|pekerja|employee|staff|he|she|dia|beliau)(?:\s+(?:sy|saya|my|our|kami|tu|ni|itu|ini))?(?:['’]s|\s+(?:is|dah|sudah|berumur|umur))\s*(\d{2})\b(?!\d|[.,]\d|\s?(?:k\b|ribu|ringgit|%|people|orang|pekerja|workers?|employees?|staff))/gi,
  /\b(?:umur|umurnya|berumur|usia|berusia|age|aged|ages)\s*(?:is|ialah|dia|:)?\s*(\d{1,3})\b/gi,
  /\b(\d{1,3})\s?(?:tahun|thn)(?!\s*(?:lepas|lalu|yang lalu|ago|lagi|kerja|bekerja|berkhidmat|dahulu|dulu))\b/gi,
  /\b(\d{1,3})\s?(?:years?|yrs?)[\s-]?old\b/gi,
  /\b(\d{1,3})\s?(?:yo|y\/o|y\.o\.?)(?![a-z])/gi,
];

const AGENCY_RES: Array<[Agency, RegExp]> = [
  ['kwsp', /\b(?:kwsp|epf|i-?akaun|kumpulan wang simpanan pekerja|employees? provident fund)\b/i],
  ['lhdn', /\b(?:lhdn|lhdnm|irb|lembaga hasil|pcb|mtd|cukai pendapatan|income tax|e-?filing|borang ea|ea form|borang e|form e|cp ?22a?|cp ?39|e number|nombor e|no\.? e|potongan cukai|tax deduction)\b/i],
  ['hrdcorp', /\b(?:hrd ?corp|hrdf|hrdc|hrd levy|levi hrd|pembangunan sumber manusia|human resources? development)\b/i],
  ['ssm', /\b(?:ssm|suruhanjaya syarikat|companies commission|mycoid|ezbiz)\b/i],
  // the labour department: the minimum wage and employment terms
  ['jtk', /\b(?:jtk|jtksm|jabatan tenaga kerja|pejabat tenaga kerja|labou?r (?:department|office)|department of labou?r|gaji minim(?:um|a)|minimum (?:wages?|salar(?:y|ies)|pay)|min\.? wages?|perintah gaji minimum|minimum wages? order|akta kerja|employment act)\b/i],
  // immigration: foreign workers' permits, passes, quotas and levy
  ['imigresen', /\b(?:imigresen|immigration|jim|plks|e-?plks|fwcms|pas lawatan kerja|work (?:permits?|pass(?:es)?)|permit (?:kerja|pekerja)|permits?|visa kerja|kuota pekerja asing|foreign workers?'? quota|levi(?:\s+\S+){0,2}?\s+(?:pekerja\s+)?asing|levy(?:\s+\S+){0,3}?\s+foreign|foreign (?:workers?'?\s+)?lev(?:y|ies))\b/i],
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
  const ageHits = digits || phrases.length ? extractAges(text, taken, phrases) : [];
  const cue = correctionCue(text);
  const found = digits || phrases.length ? findWages(text, taken, { phrases, correctionCue: cue.strong || cue.weak }) : { hits: [], replaced: 0 };
  let wageHits = found.hits;
  let ages = uniq(ageHits.map((h) => h.value));
  const correction = cue.strong || found.replaced > 0 || (cue.weak && (wageHits.length > 0 || ageHits.length > 0));

  // a pasted list of lines gives each worker from its own line; otherwise amounts are grouped in the text
  const table = digits ? parseWorkerTable(text) : null;
  let workers = table ?? groupWorkers(text, wageHits, ageHits, taken);
  if (table) {
    wageHits = table.map((w, i) => ({ start: i, end: i, value: w.wage }));
    ages = uniq(table.flatMap((w) => (w.age === null ? [] : [w.age])));
  }
  // a correction replaces an amount, it does not add a worker: "gaji 2300, eh salah, 3200" is one wage
  if (workers.length < 2 || (correction && !table)) workers = [];

  const foreign = foreignIn(text);
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
    wages: wageHits.map((h) => h.value),
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
    workers,
    skbbkOptOut: /opt|tarik|trik|trk|lindung|skbbk|pelepasan|24/i.test(text) ? skbbkOptOut(text) : null,
    firstInsuredAge: digits ? firstInsuredAge(text, ages) : null,
    correction,
    daysLate: late?.days ?? null,
    dates,
  };
}

const AGE_WORD_BEFORE = /\b(?:umur|umurnya|berumur|usia|berusia|age|aged)\s*(?:is|ialah|dia|:)?\s*$/i;
const AGE_WORD_AFTER = /^\s*(?:tahun|thn|years?\s+old|yrs?\s+old|yo)\b(?!\s*(?:lepas|lalu|yang lalu|ago|lagi|kerja|bekerja|berkhidmat|dahulu|dulu))/i;

function extractAges(text: string, taken: Taken, phrases: NumberPhrase[]): Hit<number>[] {
  const hits: Hit<number>[] = [];
  for (const re of AGE_RES) {
    for (const x of text.matchAll(re)) {
      const age = Number(x[1]);
      const start = x.index! + x[0].indexOf(x[1]);
      if (age >= 14 && age <= 100) hits.push({ start, end: start + x[1].length, value: age });
    }
  }
  // "umur lima puluh enam", "fifty-eight years old"
  for (const p of phrases) {
    const age = p.value.toNumber();
    if (!Number.isInteger(age) || age < 14 || age > 100) continue;
    if (AGE_WORD_BEFORE.test(text.slice(Math.max(0, p.start - 20), p.start)) || AGE_WORD_AFTER.test(text.slice(p.end, p.end + 24))) {
      hits.push({ start: p.start, end: p.end, value: age });
    }
  }
  return keepFree(hits, taken);
}
