// The combined SOCSO + EIS text-file layout (FACTS.md §5.4) as data: combined-layout.json, checked when loaded so that a
// (Not layout.json: require("./layout") would then load the JSON instead of this module.)
// mistyped position fails loudly with the field's number instead of shifting every later check.
import fs from 'fs';
import { fromRoot } from '../../project-root';

export type FieldKey =
  | 'employer_code' | 'mycoid' | 'id' | 'name' | 'month' | 'wage'
  | 'socso_employer' | 'socso_employee' | 'eis_employer' | 'eis_employee' | 'skbbk_employee' | 'filler';
export type Padding = 'left' | 'right' | 'none';
export type Format = 'employer_code' | 'optional_text' | 'id' | 'name' | 'mmyyyy' | 'sen' | 'sen_v2' | 'filler';

export interface Field {
  number: number;
  key: FieldKey;
  ms: string;
  en: string;
  /** 1-based column of the first character. */
  start: number;
  length: number;
  /** left = text left-justified, space-padded; right = number right-justified. */
  padding: Padding;
  format: Format;
}

export interface Layout {
  lineLength: number;
  confidence: { layout: string; padding: string };
  /** Upload date from which only V2 is accepted (FACTS §5.4, M). */
  v2MandatoryFrom: string;
  skbbkFirstWageMonth: string;
  fields: Field[];
  byKey: Record<FieldKey, Field>;
}

export const LAYOUT_FILE = fromRoot('calculators', 'textfile', 'combined-layout.json');
const KEYS: readonly FieldKey[] = [
  'employer_code', 'mycoid', 'id', 'name', 'month', 'wage',
  'socso_employer', 'socso_employee', 'eis_employer', 'eis_employee', 'skbbk_employee', 'filler',
];
const PADDINGS: readonly Padding[] = ['left', 'right', 'none'];
const FORMATS: readonly Format[] = ['employer_code', 'optional_text', 'id', 'name', 'mmyyyy', 'sen', 'sen_v2', 'filler'];

export class LayoutError extends Error {
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'LayoutError';
  }
}

/** Fields must be numbered 1..n in order, follow on without gap or overlap, and fill the line exactly. */
export function validateLayout(raw: unknown, file = LAYOUT_FILE): Layout {
  const fail = (problem: string): never => { throw new LayoutError(file, problem); };
  if (typeof raw !== 'object' || raw === null) fail('must be a JSON object');
  const o = raw as Record<string, unknown>;
  const lineLength = o.lineLength;
  if (typeof lineLength !== 'number' || !Number.isInteger(lineLength) || lineLength < 1) fail('lineLength must be a positive whole number');
  const conf = (o.confidence ?? {}) as Record<string, unknown>;
  if (typeof conf.layout !== 'string' || typeof conf.padding !== 'string') fail('confidence.layout and confidence.padding must be strings (H/M/L)');
  if (typeof o.v2MandatoryFrom !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(o.v2MandatoryFrom)) fail('v2MandatoryFrom must be a date YYYY-MM-DD');
  if (typeof o.skbbkFirstWageMonth !== 'string' || !/^\d{4}-\d{2}$/.test(o.skbbkFirstWageMonth)) fail('skbbkFirstWageMonth must be a month YYYY-MM');
  if (!Array.isArray(o.fields) || o.fields.length === 0) fail('fields must be a non-empty list');
  let next = 1;
  const fields = (o.fields as unknown[]).map((f, i): Field => {
    const where = `field ${i + 1}`;
    if (typeof f !== 'object' || f === null) fail(`${where} must be an object`);
    const e = f as Record<string, unknown>;
    if (e.number !== i + 1) fail(`${where}: number must be ${i + 1} (fields in order), found ${JSON.stringify(e.number)}`);
    if (!KEYS.includes(e.key as FieldKey)) fail(`${where}: key ${JSON.stringify(e.key)} is not one of ${KEYS.join(', ')}`);
    if (typeof e.ms !== 'string' || typeof e.en !== 'string' || !e.ms || !e.en) fail(`${where}: needs both ms and en labels`);
    if (e.start !== next) fail(`${where}: start must be ${next} (right after the previous field), found ${JSON.stringify(e.start)}`);
    if (typeof e.length !== 'number' || !Number.isInteger(e.length) || e.length < 1) fail(`${where}: length must be a positive whole number`);
    if (!PADDINGS.includes(e.padding as Padding)) fail(`${where}: padding must be one of ${PADDINGS.join(', ')}`);
    if (!FORMATS.includes(e.format as Format)) fail(`${where}: format must be one of ${FORMATS.join(', ')}`);
    next = (e.start as number) + (e.length as number);
    return { number: i + 1, key: e.key as FieldKey, ms: e.ms as string, en: e.en as string, start: e.start as number, length: e.length as number, padding: e.padding as Padding, format: e.format as Format };
  });
  if (next - 1 !== lineLength) fail(`the fields end at column ${next - 1} but lineLength is ${lineLength}`);
  const byKey = {} as Record<FieldKey, Field>;
  for (const f of fields) {
    if (byKey[f.key]) fail(`key ${f.key} is used twice`);
    byKey[f.key] = f;
  }
  for (const k of KEYS) if (!byKey[k]) fail(`field ${k} is missing`);
  return {
    lineLength: lineLength as number,
    confidence: { layout: conf.layout as string, padding: conf.padding as string },
    v2MandatoryFrom: o.v2MandatoryFrom as string,
    skbbkFirstWageMonth: o.skbbkFirstWageMonth as string,
    fields,
    byKey,
  };
}

let cached: Layout | null = null;

/** The layout, read and validated once. */
export function layout(): Layout {
  if (!cached) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(LAYOUT_FILE, 'utf8'));
    } catch (e) {
      throw new LayoutError(LAYOUT_FILE, `cannot be read as JSON (${(e as Error).message})`);
    }
    cached = validateLayout(raw);
  }
  return cached;
}

/** The text of a field in a line (the line padded with spaces if it is short). */
export function sliceField(line: string, f: Field): string {
  return line.slice(f.start - 1, f.start - 1 + f.length).padEnd(f.length, ' ');
}
