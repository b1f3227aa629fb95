// `hanna quote --csv FILE|-`: a payroll in, one line per worker and a totals line out. Input columns
// name,wage,age,month,foreign,skbbk_opt_out,first_insured_age (wage required, the rest optional, any
// order). A worker the calculator cannot quote keeps its line with the reason in `error`; the totals
// are exact sums (decimal.js) of the lines that could be quoted.
import { computeQuotes, type QuoteRequest } from '../../calculators';
import { csvLine, parseCsv } from './csv';

export const CSV_INPUT_COLUMNS = ['name', 'wage', 'age', 'month', 'foreign', 'skbbk_opt_out', 'first_insured_age'] as const;
export const CSV_OUTPUT_COLUMNS = [
  'name', 'wage', 'month', 'schedule', 'act4_category', 'act4_employer', 'act4_employee',
  'eis_employer', 'eis_employee', 'skbbk_employee', 'employer_total', 'employee_total', 'total', 'error',
] as const;
export const TOTALS_NAME = 'TOTAL';

export class CsvInputError extends Error {}

const TRUE = new Set(['true', 'yes', 'ya', 'y', '1']);
const FALSE = new Set(['false', 'no', 'tidak', 'tak', 'n', '0', '']);

type Row = { name: string; request: QuoteRequest } | { name: string; request: QuoteRequest; error: string };

function flag(value: string, column: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  throw new Error(`${column} must be true or false, not "${value}"`);
}

function years(value: string, column: string): number | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (!/^\d{1,3}$/.test(v)) throw new Error(`${column} must be a whole number of years, not "${value}"`);
  return Number(v);
}

function toRow(cells: Record<string, string>): Row {
  const name = cells.name?.trim() ?? '';
  const request: QuoteRequest = { wage: (cells.wage ?? '').trim() };
  try {
    const month = cells.month?.trim();
    if (month) request.month = month;
    const age = years(cells.age ?? '', 'age');
    if (age !== undefined) request.age = age;
    const first = years(cells.first_insured_age ?? '', 'first_insured_age');
    if (first !== undefined) request.firstInsuredAge = first;
    const foreign = flag(cells.foreign ?? '', 'foreign');
    if (foreign !== undefined) request.foreign = foreign;
    const optOut = flag(cells.skbbk_opt_out ?? '', 'skbbk_opt_out');
    if (optOut !== undefined) request.skbbkOptOut = optOut;
    return { name, request };
  } catch (err) {
    return { name, request, error: (err as Error).message };
  }
}

/** The output CSV (header, a line per worker, the totals line). Throws CsvInputError for a file it cannot read as a payroll. */
export function quoteCsv(input: string, now: Date): string {
  const [header, ...lines] = parseCsv(input);
  if (!header) throw new CsvInputError('the file is empty: give a header line such as name,wage,age,month');
  const columns = header.map((h) => h.trim().toLowerCase());
  const unknown = columns.filter((c) => !(CSV_INPUT_COLUMNS as readonly string[]).includes(c));
  if (unknown.length > 0) throw new CsvInputError(`unknown column(s) ${unknown.join(', ')}; the columns are ${CSV_INPUT_COLUMNS.join(',')}`);
  if (!columns.includes('wage')) throw new CsvInputError(`the header has no "wage" column; the columns are ${CSV_INPUT_COLUMNS.join(',')}`);

  const rows = lines.map((cells) => toRow(Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']))));
  const readable = rows.filter((r) => !('error' in r));
  const batch = computeQuotes(readable.map((r) => r.request), now);
  const out = [csvLine([...CSV_OUTPUT_COLUMNS])];
  let next = 0;
  for (const r of rows) {
    if ('error' in r) {
      out.push(csvLine([r.name, String(r.request.wage), '', '', '', '', '', '', '', '', '', '', '', r.error]));
      continue;
    }
    const b = batch.rows[next++];
    if (!b.ok) {
      out.push(csvLine([r.name, String(r.request.wage), '', '', '', '', '', '', '', '', '', '', '', b.error.en]));
      continue;
    }
    const q = b.quote;
    out.push(csvLine([
      r.name, q.wage, q.month, q.schedule, String(q.act4.category), q.act4.employer, q.act4.employee,
      q.eis?.employer ?? '', q.eis?.employee ?? '', q.skbbk?.employee ?? '', q.employer_total, q.employee_total, q.total, '',
    ]));
  }
  out.push(csvLine([TOTALS_NAME, '', '', '', '', '', '', '', '', '', batch.totals.employer, batch.totals.employee, batch.totals.total, '']));
  return out.join('\n') + '\n';
}
