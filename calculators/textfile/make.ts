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
import { textPair, textPairBy } from '../texts';
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
  return textPair('textfile_make.not_yes_no', { column, value: value.slice(0, 20) });
}

function wholeNumber(value: string, column: string): number | undefined | Bilingual {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^\d{1,3}$/.test(v)) return textPair('textfile_make.not_whole_years', { column, value: v.slice(0, 20) });
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
    fail(null, textPairBy('textfile_make.month_future', (lang) => ({ month: monthName(month, lang) })));
  }
  const code = req.ids.validateEmployerCode(req.employerCode ?? '');
  if (!code.ok) {
    fail(null, textPair('textfile_make.employer_invalid', { code: String(req.employerCode ?? '').slice(0, 20) }));
  }

  const parsed = parseCsv(req.csv);
  if (parsed.error) fail(parsed.error.line, textPair('textfile_make.quote_not_closed'));
  const [head, ...rows] = parsed.rows;
  if (!head) {
    fail(null, textPair('textfile_make.csv_empty'));
    return result(null, 0, month);
  }
  const columns = head.cells.map((c) => c.trim().toLowerCase());
  const index = new Map<Column, number>();
  columns.forEach((c, i) => {
    if (!([...REQUIRED, ...OPTIONAL] as string[]).includes(c)) {
      fail(head.line, textPair('textfile_make.column_unknown', { column: c.slice(0, 30), allowed: [...REQUIRED, ...OPTIONAL].join(', ') }));
    } else if (index.has(c as Column)) fail(head.line, textPair('textfile_make.column_twice', { column: c }));
    else index.set(c as Column, i);
  });
  for (const r of REQUIRED) if (!index.has(r)) fail(head.line, textPair('textfile_make.column_missing', { column: r }));
  if (errors.length) return result(null, 0, month);
  if (rows.length === 0) fail(null, textPair('textfile_make.no_rows'));

  const out: string[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const n = row.line;
    const bad = (t: Bilingual) => fail(n, t);
    if (row.cells.length !== columns.length) { bad(textPair('textfile_make.cell_count', { cells: String(row.cells.length), columns: String(columns.length) })); continue; }
    const cell = (c: Column) => (index.has(c) ? row.cells[index.get(c) as number] : '');
    const before = errors.length;

    const rawId = cell('id').trim();
    const compact = rawId.replace(/[\s-]/g, '');
    let id = '';
    let birthDate: string | null = null;
    let isMyKad = false;
    if (rawId === '') bad(textPair('textfile_make.id_empty'));
    else if (/^\d+$/.test(compact)) {
      const v = req.ids.validateMyKad(compact, req.now);
      if (!v.ok) {
        const why = textPair(v.reason === 'format' ? 'textfile_make.mykad_why_format' : v.reason === 'date' ? 'textfile_make.mykad_why_date' : 'textfile_make.mykad_why_place');
        bad(textPairBy('textfile_make.mykad_invalid', (lang) => ({ masked: maskId(compact), why: why[lang] })));
      } else { id = v.digits; birthDate = v.birthDate; isMyKad = true; }
    } else if (/^[A-Za-z0-9]{6,12}$/.test(rawId) && /\d/.test(rawId)) id = rawId.toUpperCase();
    else bad(textPair('textfile_make.id_neither'));

    const name = cell('name').trim().replace(/\s+/g, ' ').toUpperCase();
    if (name === '') bad(textPair('textfile_make.name_empty'));
    else if (/[^\x20-\x7e]/.test(name)) bad(textPair('textfile_make.name_accents'));
    else if (name.length > layout().byKey.name.length) bad(textPair('textfile_make.name_too_long', { length: String(name.length), max: String(layout().byKey.name.length) }));

    let wage = '';
    try { wage = parseMoney(cell('wage')).toFixed(2); } catch (e) { if (e instanceof QuoteError) bad(e); else throw e; }
    const age = wholeNumber(cell('age'), 'age');
    const firstAge = wholeNumber(cell('first_insured_age'), 'first_insured_age');
    const foreignCell = bool(cell('foreign'), 'foreign');
    const optOut = bool(cell('opted_out'), 'opted_out');
    for (const v of [age, firstAge, foreignCell, optOut]) if (isText(v)) bad(v);
    let foreign = foreignCell === true;
    if (id && !isMyKad && foreignCell === false) bad(textPair('textfile_make.local_needs_mykad'));
    if (id && !isMyKad) foreign = true;
    if (isMyKad && foreign) bad(textPair('textfile_make.foreign_with_mykad'));

    // The checker reads the age from the MyKad: the CSV's age must agree, or the file would not pass its check.
    let useAge = typeof age === 'number' ? age : undefined;
    if (birthDate && month) {
      const [y, m] = month.split('-').map(Number);
      const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const a0 = years(birthDate, `${month}-01`);
      const a1 = years(birthDate, `${month}-${last}`);
      if (useAge !== undefined && useAge !== a0 && useAge !== a1) bad(textPairBy('textfile_make.age_mismatch', (lang) => ({ age: String(useAge), mykad_age: String(a0), month: monthName(month, lang) })));
      else if (useAge === undefined) useAge = a0;
      if (useAge !== undefined && (useAge < 1 || useAge > 100)) bad(textPair('textfile_make.age_out_of_range', { age: String(useAge) }));
    }
    if (id) {
      const first = seen.get(id);
      if (first !== undefined) bad(textPair('textfile_make.duplicate_id', { masked: maskId(id), first: String(first) }));
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
