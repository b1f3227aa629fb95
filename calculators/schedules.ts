import fs from 'fs';
import path from 'path';
import Decimal from 'decimal.js';
import { ScheduleError } from './errors';
import { addMonths, isMonth } from './months';
import { fromRoot } from '../project-root';

/** Where the official tables live (data that support staff update, see schedules/README.md). */
export const SCHEDULES_DIR = fromRoot('calculators', 'schedules');
const INDEX_FILE = 'editions.json';

export interface Source {
  title: string;
  url: string;
}

/** One wage band: above `from` (exclusive) up to `to` (inclusive); `to` null = above the ceiling. */
export interface Band {
  from: Decimal;
  to: Decimal | null;
  line: number;
}

/** Amounts are kept as the exact two-decimal text of the official table. */
export interface Act4EisRow extends Band {
  act4Cat1Employer: string;
  act4Cat1Employee: string;
  act4Cat1Total: string;
  act4Cat2Employer: string;
  eisEmployer: string;
  eisEmployee: string;
}

export interface SkbbkRow extends Band {
  skbbkEmployee: string;
}

interface Range {
  edition: string;
  file: string;
  from: string;
  to: string | null;
  source: Source;
}

export interface Act4EisEdition extends Range {
  ceiling: Decimal;
  rows: Act4EisRow[];
}

export interface SkbbkEdition extends Range {
  to: string;
  phase: number;
  base: string;
  rows: SkbbkRow[];
}

export interface Schedules {
  act4Eis: Act4EisEdition[];
  skbbk: SkbbkEdition[];
}

const ACT4_EIS_HEADER = [
  'wage_from', 'wage_to', 'act4_cat1_employer', 'act4_cat1_employee', 'act4_cat1_total',
  'act4_cat2_employer', 'eis_employer', 'eis_employee',
] as const;
const SKBBK_HEADER = [
  'wage_from', 'wage_to', 'skbbk_employee', 'act4_cat1_employer', 'act4_cat1_employee_invalidity',
  'act4_cat1_total', 'act4_cat2_employer', 'act4_cat2_total',
] as const;

const AMOUNT_RE = /^\d+\.\d{2}$/;

type Record_<H extends readonly string[]> = { [K in H[number]]: string } & { line: number };

/** Reads a CSV with exactly the expected header; every amount must have two decimals. */
function readCsv<H extends readonly string[]>(dir: string, file: string, header: H): Array<Record_<H>> {
  const full = path.join(dir, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch {
    throw new ScheduleError(full, null, 'cannot be read');
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const got = (lines[0] ?? '').split(',').map((h) => h.trim());
  if (got.join(',') !== header.join(',')) {
    throw new ScheduleError(full, 1, `header must be "${header.join(',')}", found "${got.join(',')}"`);
  }
  return lines.slice(1).map((raw, i) => {
    const line = i + 2;
    const cells = raw.split(',').map((c) => c.trim());
    if (cells.length !== header.length) {
      throw new ScheduleError(full, line, `expected ${header.length} fields, found ${cells.length}`);
    }
    const rec = { line } as Record_<H>;
    header.forEach((name, k) => {
      const value = cells[k];
      const emptyAllowed = name === 'wage_to';
      if (!(AMOUNT_RE.test(value) || (emptyAllowed && value === ''))) {
        throw new ScheduleError(full, line, `${name} "${value}" is not an amount with two decimals`);
      }
      (rec as Record<string, string | number>)[name] = value;
    });
    return rec;
  });
}

/** Bands start at 0.00, join without gaps, and end with one open band at the ceiling. */
function checkBands(full: string, rows: Array<{ wage_from: string; wage_to: string; line: number }>): Decimal {
  if (rows.length < 2) throw new ScheduleError(full, null, 'needs at least two bands');
  let previousTo = new Decimal(0);
  rows.forEach((r, i) => {
    const from = new Decimal(r.wage_from);
    const last = i === rows.length - 1;
    if (!from.equals(previousTo)) {
      throw new ScheduleError(full, r.line, `wage_from ${r.wage_from} must equal the previous wage_to ${previousTo.toFixed(2)}`);
    }
    if (last !== (r.wage_to === '')) {
      throw new ScheduleError(full, r.line, last ? 'the last band must have an empty wage_to (above the ceiling)' : 'only the last band may have an empty wage_to');
    }
    if (!last) {
      const to = new Decimal(r.wage_to);
      if (!to.greaterThan(from)) throw new ScheduleError(full, r.line, `wage_to ${r.wage_to} must be above wage_from ${r.wage_from}`);
      previousTo = to;
    }
  });
  return previousTo; // the ceiling: the open band starts there
}

function sumIs(full: string, line: number, parts: string[], total: string, what: string): void {
  const sum = parts.reduce((acc, p) => acc.plus(p), new Decimal(0));
  if (!sum.equals(total)) throw new ScheduleError(full, line, `${what}: ${parts.join(' + ')} = ${sum.toFixed(2)}, but the total says ${total}`);
}

/** The open top band carries the amounts of the last capped band (FACTS §1.2). */
function checkTopBand<T extends object>(full: string, rows: T[], columns: Array<keyof T>, lineOf: (r: T) => number): void {
  const top = rows[rows.length - 1];
  const below = rows[rows.length - 2];
  for (const c of columns) {
    if (top[c] !== below[c]) {
      throw new ScheduleError(full, lineOf(top), `${String(c)} of the top band must equal the last capped band (${String(below[c])})`);
    }
  }
}

function toBand(r: { wage_from: string; wage_to: string; line: number }): Band {
  return { from: new Decimal(r.wage_from), to: r.wage_to === '' ? null : new Decimal(r.wage_to), line: r.line };
}

function loadAct4Eis(dir: string, entry: Range & { ceiling: string }): Act4EisEdition {
  const full = path.join(dir, entry.file);
  const recs = readCsv(dir, entry.file, ACT4_EIS_HEADER);
  const ceiling = checkBands(full, recs);
  if (!ceiling.equals(entry.ceiling)) {
    throw new ScheduleError(full, recs[recs.length - 1].line, `the open band starts at ${ceiling.toFixed(2)} but ${INDEX_FILE} says the ceiling is ${entry.ceiling}`);
  }
  const rows: Act4EisRow[] = recs.map((r) => {
    sumIs(full, r.line, [r.act4_cat1_employer, r.act4_cat1_employee], r.act4_cat1_total, 'act4_cat1 employer + employee');
    return {
      ...toBand(r),
      act4Cat1Employer: r.act4_cat1_employer,
      act4Cat1Employee: r.act4_cat1_employee,
      act4Cat1Total: r.act4_cat1_total,
      act4Cat2Employer: r.act4_cat2_employer,
      eisEmployer: r.eis_employer,
      eisEmployee: r.eis_employee,
    };
  });
  checkTopBand(full, rows, ['act4Cat1Employer', 'act4Cat1Employee', 'act4Cat2Employer', 'eisEmployer', 'eisEmployee'], (r) => r.line);
  return { ...entry, ceiling, rows };
}

function loadSkbbk(dir: string, entry: Omit<SkbbkEdition, 'rows'>, base: Act4EisEdition): SkbbkEdition {
  const full = path.join(dir, entry.file);
  const recs = readCsv(dir, entry.file, SKBBK_HEADER);
  checkBands(full, recs);
  if (recs.length !== base.rows.length) {
    throw new ScheduleError(full, null, `has ${recs.length} bands but its base edition ${base.edition} has ${base.rows.length}`);
  }
  const rows: SkbbkRow[] = recs.map((r, i) => {
    const b = base.rows[i];
    // The SKBBK table only adds the employee column: its bands and Act 4 amounts must be the base edition's.
    const same: Array<[string, string, string]> = [
      ['wage_from', r.wage_from, b.from.toFixed(2)],
      ['wage_to', r.wage_to, b.to === null ? '' : b.to.toFixed(2)],
      ['act4_cat1_employer', r.act4_cat1_employer, b.act4Cat1Employer],
      ['act4_cat1_employee_invalidity', r.act4_cat1_employee_invalidity, b.act4Cat1Employee],
      ['act4_cat2_employer', r.act4_cat2_employer, b.act4Cat2Employer],
    ];
    for (const [name, got, want] of same) {
      if (got !== want) throw new ScheduleError(full, r.line, `${name} ${got} differs from ${base.file} line ${b.line} (${want})`);
    }
    sumIs(full, r.line, [r.act4_cat1_employer, r.act4_cat1_employee_invalidity, r.skbbk_employee], r.act4_cat1_total, 'act4_cat1 total with SKBBK');
    sumIs(full, r.line, [r.act4_cat2_employer, r.skbbk_employee], r.act4_cat2_total, 'act4_cat2 total with SKBBK');
    return { ...toBand(r), skbbkEmployee: r.skbbk_employee };
  });
  checkTopBand(full, rows, ['skbbkEmployee'], (r) => r.line);
  return { ...entry, rows };
}

// ---- editions.json ----

function fail(dir: string, problem: string): never {
  throw new ScheduleError(path.join(dir, INDEX_FILE), null, problem);
}

function str(dir: string, where: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') fail(dir, `${where} must be a non-empty string`);
  return value;
}

function month(dir: string, where: string, value: unknown): string {
  if (!isMonth(value)) fail(dir, `${where} must be a month YYYY-MM, found ${JSON.stringify(value)}`);
  return value;
}

function range(dir: string, where: string, e: Record<string, unknown>, openEnd: boolean): Range {
  const file = str(dir, `${where}.file`, e.file);
  if (path.basename(file) !== file || !file.endsWith('.csv')) fail(dir, `${where}.file must be a .csv file name in the same folder`);
  const src = (e.source ?? {}) as Record<string, unknown>;
  const url = str(dir, `${where}.source.url`, src.url);
  if (!/^https:\/\//.test(url)) fail(dir, `${where}.source.url must start with https://`);
  const from = month(dir, `${where}.from`, e.from);
  const to = e.to === null && openEnd ? null : month(dir, `${where}.to`, e.to);
  if (to !== null && to < from) fail(dir, `${where}.to ${to} is before its from ${from}`);
  return { edition: month(dir, `${where}.edition`, e.edition), file, from, to, source: { title: str(dir, `${where}.source.title`, src.title), url } };
}

/** Consecutive ranges must follow on month by month: no overlap, no gap; only the last may be open. */
function checkSequence(dir: string, list: string, ranges: Range[]): void {
  ranges.forEach((r, i) => {
    if (i > 0) {
      const prev = ranges[i - 1];
      if (prev.to === null || addMonths(prev.to, 1) !== r.from) {
        fail(dir, `${list}[${i}] starts ${r.from} but the previous range ends ${prev.to ?? 'never'} (ranges must follow on without gap or overlap)`);
      }
    }
  });
}

function entries(dir: string, index: Record<string, unknown>, key: string): Array<Record<string, unknown>> {
  const list = index[key];
  if (!Array.isArray(list) || list.length === 0) fail(dir, `"${key}" must be a non-empty list`);
  return list.map((e, i) => {
    if (typeof e !== 'object' || e === null) fail(dir, `${key}[${i}] must be an object`);
    return e as Record<string, unknown>;
  });
}

/** Loads and checks every table; throws ScheduleError naming the file (and line) of the first problem. */
export function loadSchedules(dir: string = SCHEDULES_DIR): Schedules {
  let index: Record<string, unknown>;
  try {
    index = JSON.parse(fs.readFileSync(path.join(dir, INDEX_FILE), 'utf8')) as Record<string, unknown>;
  } catch (e) {
    fail(dir, `cannot be read as JSON (${(e as Error).message})`);
  }
  const act4Eis = entries(dir, index, 'act4_eis').map((e, i) => {
    const where = `act4_eis[${i}]`;
    const ceiling = str(dir, `${where}.ceiling`, e.ceiling);
    if (!AMOUNT_RE.test(ceiling)) fail(dir, `${where}.ceiling must be an amount with two decimals`);
    return { ...range(dir, where, e, true), ceiling };
  });
  checkSequence(dir, 'act4_eis', act4Eis);
  const loaded = act4Eis.map((e) => loadAct4Eis(dir, e));

  const skbbkEntries = entries(dir, index, 'skbbk').map((e, i) => {
    const where = `skbbk[${i}]`;
    const r = range(dir, where, e, false);
    const base = loaded.find((b) => b.edition === e.base);
    if (!base) fail(dir, `${where}.base ${JSON.stringify(e.base)} names no act4_eis edition`);
    if (r.from < base.from || (base.to !== null && (r.to as string) > base.to)) {
      fail(dir, `${where} (${r.from} to ${r.to}) must lie within its base edition ${base.edition}`);
    }
    if (typeof e.phase !== 'number') fail(dir, `${where}.phase must be a number`);
    return { entry: { ...r, to: r.to as string, phase: e.phase, base: base.edition }, base };
  });
  checkSequence(dir, 'skbbk', skbbkEntries.map((s) => s.entry));
  const skbbk = skbbkEntries.map(({ entry, base }) => loadSkbbk(dir, entry, base));
  return { act4Eis: loaded, skbbk };
}

let cache: Schedules | undefined;

/** The project's schedules, loaded and validated once per process. */
export function schedules(): Schedules {
  cache ??= loadSchedules();
  return cache;
}

/**
 * The band holding `wage` (> 0): above `from`, up to and including `to`. The first band starts at 0.00 and
 * holds every positive wage up to its `to`.
 */
export function findBand<T extends Band>(rows: readonly T[], wage: Decimal): T {
  const hit = rows.find((r) => wage.greaterThan(r.from) && (r.to === null || wage.lessThanOrEqualTo(r.to)));
  if (!hit) throw new Error(`no band holds ${wage.toFixed(2)}`); // unreachable for wage > 0 in a validated table
  return hit;
}
