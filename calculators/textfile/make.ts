// `hanna textfile make`: payroll CSV -> a V2 combined text file, every amount from the calculator. A CSV with any
// bad line gives errors (line + reason) and no file: a file missing a worker must never reach ASSIST.
import Decimal from 'decimal.js';
import type { Bilingual } from '../errors';
import { QuoteError } from '../errors';
import { parseMoney } from '../money';
import { currentWageMonth, monthName, parseMonth } from '../months';
import { computeQuote, Quote } from '../quote';
import { ringgitToSen } from './amounts';
import { parseCsv } from './csv';
import { FieldKey, layout } from './layout';
import { maskId } from './mask';
import type { IdValidators, Totals } from './types';

export interface MakeRequest {
  csv: string;
  month: string;
  employerCode: string;
  now: Date;
  ids: IdValidators;
}

export interface MakeError extends Bilingual {
  /** 1-based CSV line, or null for the command's own options. */
  line: number | null;
}

export interface MakeResult {
  /** The file, CRLF line ends; null when there was any error. */
  file: string | null;
  errors: MakeError[];
  workers: number;
  month: string;
  totals: Totals;
}

const REQUIRED = ['id', 'name', 'wage'] as const;
const OPTIONAL = ['age', 'foreign', 'opted_out', 'first_insured_age'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

const TRUE = new Set(['true', 'yes', 'y', 'ya', '1']);
const FALSE = new Set(['false', 'no', 'n', 'tidak', 'tak', '0', '']);

function bool(value: string, column: string): boolean | undefined | Bilingual {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  return { ms: `${column} "${value.slice(0, 20)}" mesti ya/tidak (true/false, 1/0).`, en: `${column} "${value.slice(0, 20)}" must be yes/no (true/false, 1/0).` };
}

function wholeNumber(value: string, column: string): number | undefined | Bilingual {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^\d{1,3}$/.test(v)) return { ms: `${column} "${v.slice(0, 20)}" mesti nombor bulat (tahun).`, en: `${column} "${v.slice(0, 20)}" must be a whole number of years.` };
  return Number(v);
}

const isText = (x: unknown): x is Bilingual => typeof x === 'object' && x !== null && 'ms' in x;

function years(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = on.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Pads a value into its field: text left-justified, numbers right-justified with spaces (FACTS §5.4 recommendation). */
function put(values: Partial<Record<FieldKey, string>>): string {
  return layout().fields.map((f) => {
    const v = values[f.key] ?? '';
    return f.padding === 'right' ? v.padStart(f.length, ' ') : v.padEnd(f.length, ' ');
  }).join('');
}

const zeroTotals = (): Record<keyof Totals, Decimal> => ({
  wages: new Decimal(0), socsoEmployer: new Decimal(0), socsoEmployee: new Decimal(0), eisEmployer: new Decimal(0),
  eisEmployee: new Decimal(0), skbbkEmployee: new Decimal(0), employer: new Decimal(0), employee: new Decimal(0), total: new Decimal(0),
});

export function makeTextFile(req: MakeRequest): MakeResult {
  const errors: MakeError[] = [];
  const fail = (line: number | null, text: Bilingual) => errors.push({ line, ...text });
  const sums = zeroTotals();
  const result = (file: string | null, workers: number, month: string): MakeResult => ({
    file: errors.length ? null : file, errors, workers, month,
    totals: Object.fromEntries(Object.entries(sums).map(([k, v]) => [k, v.toFixed(2)])) as unknown as Totals,
  });

  let month = '';
  try {
    month = parseMonth(req.month);
  } catch (e) {
    fail(null, e as QuoteError);
  }
  if (month && month > currentWageMonth(req.now)) {
    fail(null, { ms: `Bulan ${monthName(month, 'ms')} belum tiba: fail dibuat untuk bulan upah yang sudah bermula.`, en: `${monthName(month, 'en')} has not come yet: a file is made for a wage month that has begun.` });
  }
  const code = req.ids.validateEmployerCode(req.employerCode ?? '');
  if (!code.ok) {
    fail(null, { ms: `Kod majikan "${String(req.employerCode ?? '').slice(0, 20)}" tidak sah: satu huruf, sepuluh digit, satu huruf (contoh A3100001237X).`, en: `The employer code "${String(req.employerCode ?? '').slice(0, 20)}" is not valid: one letter, ten digits, one letter (for example A3100001237X).` });
  }

  const parsed = parseCsv(req.csv);
  if (parsed.error) fail(parsed.error.line, { ms: 'Medan berpetik tidak ditutup (tanda " tiada pasangan).', en: 'A quoted field is not closed (a " without its pair).' });
  const [head, ...rows] = parsed.rows;
  if (!head) {
    fail(null, { ms: 'CSV kosong: baris pertama mesti tajuk lajur id,name,wage.', en: 'The CSV is empty: the first line must be the header id,name,wage.' });
    return result(null, 0, month);
  }
  const columns = head.cells.map((c) => c.trim().toLowerCase());
  const index = new Map<Column, number>();
  columns.forEach((c, i) => {
    if (!([...REQUIRED, ...OPTIONAL] as string[]).includes(c)) {
      fail(head.line, { ms: `Lajur "${c.slice(0, 30)}" tidak dikenali. Lajur yang dibenarkan: ${[...REQUIRED, ...OPTIONAL].join(', ')}.`, en: `Unknown column "${c.slice(0, 30)}". Allowed columns: ${[...REQUIRED, ...OPTIONAL].join(', ')}.` });
    } else if (index.has(c as Column)) fail(head.line, { ms: `Lajur "${c}" ada dua kali.`, en: `The column "${c}" appears twice.` });
    else index.set(c as Column, i);
  });
  for (const r of REQUIRED) if (!index.has(r)) fail(head.line, { ms: `Lajur "${r}" tiada dalam tajuk (perlu: id,name,wage).`, en: `The header has no "${r}" column (needed: id,name,wage).` });
  if (errors.length) return result(null, 0, month);
  if (rows.length === 0) fail(null, { ms: 'CSV tiada baris pekerja selepas tajuk.', en: 'The CSV has no employee lines after the header.' });

  const out: string[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const n = row.line;
    const bad = (t: Bilingual) => fail(n, t);
    if (row.cells.length !== columns.length) { bad({ ms: `Baris ini ada ${row.cells.length} lajur, tajuk ada ${columns.length}. Letak nama yang ada koma dalam tanda petik.`, en: `This line has ${row.cells.length} columns, the header ${columns.length}. Put a name containing a comma in double quotes.` }); continue; }
    const cell = (c: Column) => (index.has(c) ? row.cells[index.get(c) as number] : '');
    const before = errors.length;

    const rawId = cell('id').trim();
    const compact = rawId.replace(/[\s-]/g, '');
    let id = '';
    let birthDate: string | null = null;
    let isMyKad = false;
    if (rawId === '') bad({ ms: 'id kosong: beri No. MyKad atau No. pasport.', en: 'id is empty: give the MyKad or passport number.' });
    else if (/^\d+$/.test(compact)) {
      const v = req.ids.validateMyKad(compact, req.now);
      if (!v.ok) bad({ ms: `No. MyKad ${maskId(compact)} tidak sah (${v.reason === 'format' ? '12 digit diperlukan' : v.reason === 'date' ? 'tarikh lahir tidak wujud' : 'kod tempat lahir tidak sah'}).`, en: `The MyKad number ${maskId(compact)} is not valid (${v.reason === 'format' ? '12 digits needed' : v.reason === 'date' ? 'no such birth date' : 'invalid place-of-birth code'}).` });
      else { id = v.digits; birthDate = v.birthDate; isMyKad = true; }
    } else if (/^[A-Za-z0-9]{6,12}$/.test(rawId) && /\d/.test(rawId)) id = rawId.toUpperCase();
    else bad({ ms: 'id bukan MyKad (12 digit) atau No. pasport/SSFW (6–12 huruf dan digit, tanpa ruang).', en: 'id is neither a MyKad (12 digits) nor a passport/SSFW number (6–12 letters and digits, no spaces).' });

    const name = cell('name').trim().replace(/\s+/g, ' ').toUpperCase();
    if (name === '') bad({ ms: 'name kosong.', en: 'name is empty.' });
    else if (/[^\x20-\x7e]/.test(name)) bad({ ms: 'name ada huruf beraksen atau simbol bukan ASCII; tulis tanpa aksen (contoh JOSE, bukan JOSÉ).', en: 'name has accented letters or non-ASCII symbols; write it without accents (for example JOSE, not JOSÉ).' });
    else if (name.length > layout().byKey.name.length) bad({ ms: `name terlalu panjang (${name.length} aksara; had ${layout().byKey.name.length}).`, en: `name is too long (${name.length} characters; the limit is ${layout().byKey.name.length}).` });

    let wage = '';
    try { wage = parseMoney(cell('wage')).toFixed(2); } catch (e) { if (e instanceof QuoteError) bad(e); else throw e; }
    const age = wholeNumber(cell('age'), 'age');
    const firstAge = wholeNumber(cell('first_insured_age'), 'first_insured_age');
    const foreignCell = bool(cell('foreign'), 'foreign');
    const optOut = bool(cell('opted_out'), 'opted_out');
    for (const v of [age, firstAge, foreignCell, optOut]) if (isText(v)) bad(v);
    let foreign = foreignCell === true;
    if (id && !isMyKad && foreignCell === false) bad({ ms: 'Pekerja tempatan perlu No. MyKad 12 digit; ID ini bukan MyKad (tandakan foreign=ya jika pekerja asing).', en: 'A local worker needs a 12-digit MyKad number; this ID is not one (set foreign=yes for a foreign worker).' });
    if (id && !isMyKad) foreign = true;
    if (isMyKad && foreign) bad({ ms: 'foreign=ya tetapi ID ialah MyKad: pekerja asing guna No. pasport atau SSFW.', en: 'foreign=yes but the ID is a MyKad: a foreign worker uses a passport or SSFW number.' });

    // The checker reads the age from the MyKad: the CSV's age must agree, or the file would not pass its check.
    let useAge = typeof age === 'number' ? age : undefined;
    if (birthDate && month) {
      const [y, m] = month.split('-').map(Number);
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const a0 = years(birthDate, `${month}-01`);
      const a1 = years(birthDate, `${month}-${last}`);
      if (useAge !== undefined && useAge !== a0 && useAge !== a1) bad({ ms: `age ${useAge} tidak sepadan dengan tarikh lahir pada MyKad (umur ${a0} pada ${monthName(month, 'ms')}).`, en: `age ${useAge} does not match the MyKad birth date (age ${a0} in ${monthName(month, 'en')}).` });
      else if (useAge === undefined) useAge = a0;
      if (useAge !== undefined && (useAge < 1 || useAge > 100)) bad({ ms: `Tarikh lahir pada MyKad memberi umur ${useAge}; semak No. MyKad.`, en: `The MyKad birth date gives age ${useAge}; check the MyKad number.` });
    }
    if (id) {
      const first = seen.get(id);
      if (first !== undefined) bad({ ms: `ID ${maskId(id)} sudah ada pada baris ${first}. Satu pekerja satu baris.`, en: `The ID ${maskId(id)} is already on line ${first}. One line per employee.` });
      else seen.set(id, n);
    }
    if (errors.length > before || !month || !code.ok) continue;

    let q: Quote;
    try {
      q = computeQuote({ wage, month, age: useAge, firstInsuredAge: firstAge as number | undefined, foreign, skbbkOptOut: optOut as boolean | undefined }, req.now);
    } catch (e) {
      if (e instanceof QuoteError) { bad(e); continue; }
      throw e;
    }
    const [yyyy, mm] = month.split('-');
    out.push(put({
      employer_code: code.code, id, name, month: `${mm}${yyyy}`,
      wage: ringgitToSen(q.wage),
      socso_employer: ringgitToSen(q.act4.employer), socso_employee: ringgitToSen(q.act4.employee),
      eis_employer: ringgitToSen(q.eis?.employer ?? '0'), eis_employee: ringgitToSen(q.eis?.employee ?? '0'),
      skbbk_employee: ringgitToSen(q.skbbk?.employee ?? '0'),
    }));
    sums.wages = sums.wages.plus(q.wage);
    sums.socsoEmployer = sums.socsoEmployer.plus(q.act4.employer);
    sums.socsoEmployee = sums.socsoEmployee.plus(q.act4.employee);
    sums.eisEmployer = sums.eisEmployer.plus(q.eis?.employer ?? 0);
    sums.eisEmployee = sums.eisEmployee.plus(q.eis?.employee ?? 0);
    sums.skbbkEmployee = sums.skbbkEmployee.plus(q.skbbk?.employee ?? 0);
    sums.employer = sums.employer.plus(q.employer_total);
    sums.employee = sums.employee.plus(q.employee_total);
    sums.total = sums.total.plus(q.total);
  }
  return result(out.map((l) => `${l}\r\n`).join(''), out.length, month);
}
