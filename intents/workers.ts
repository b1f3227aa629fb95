// Several workers in one message, each with its own name, age and status: "Ahmad 2,100 umur 30, Ravi 2,650
// umur 62", "4 staff: 1.2k, 3k, 7.5k, 2.2k", or a pasted list of lines "nama, gaji, umur" (comma, tab,
// semicolon or bar between fields, with or without a header line). No cap on the number of lines: the
// core decides what to do past 50.
import Decimal from 'decimal.js';
import type { WorkerEntry } from './types';
import { foreignIn } from './quote-details';
import { overlapsTaken, type Hit, type Taken } from './spans';
import { NOT_A_NAME, NOT_MONEY_AFTER } from './wages';

// ---- one line of text: segments around each amount ----

const SEPARATOR = /[,;|\n+]|\b(?:dan|and|&)\b|&/g;
const NAME_BEFORE = /((?:[A-Za-z][A-Za-z'./]*\s+){0,3}[A-Za-z][A-Za-z'.]*)\s*[:=–-]?\s*$/;
const WAGE_WORD_END = /\s+(?:gaji|gajinya|salary|wage|upah|earns?|earning|bergaji)\s*[:=]?\s*$/i;
const BARE_AGE = /(?<![\w.,])(\d{2})(?![\w.,]|\s*(?:%|k\b|ribu))/g;

/** The name written right before an amount ("Ahmad 2,100", "Siti Aminah: RM2,100"), not "gaji" or "staff". */
function nameBefore(text: string): string | null {
  // "ali gaji 1800", "Siti salary: 2,650": the name stands before the wage word
  const m = NAME_BEFORE.exec(text.replace(WAGE_WORD_END, ''));
  if (!m) return null;
  const words = m[1].split(/\s+/);
  // keep the words nearest the amount that are not ordinary words of the message
  let k = words.length;
  while (k > 0 && !NOT_A_NAME.has(words[k - 1].toLowerCase().replace(/[.:]$/, ''))) k--;
  const name = words.slice(k).join(' ').trim();
  return name && /[a-z]{2}/i.test(name) ? name : null;
}

/**
 * Workers from a message with two or more amounts: the text is cut at the separator before each
 * amount (or before the name that precedes it), and each part gives its amount the name, age and
 * status written in it. Empty with fewer than two amounts.
 */
export function groupWorkers(text: string, wages: Hit<string>[], ages: Hit<number>[], taken: Taken): WorkerEntry[] {
  if (wages.length < 2) return [];
  // each separator as [start, end): a part starts after the whole separator ("and", not "nd")
  const seps = [...text.matchAll(SEPARATOR)].map((m) => [m.index!, m.index! + m[0].length] as const).filter(([i]) => !overlapsTaken(taken, i, i + 1));
  const bounds = [0];
  for (let i = 1; i < wages.length; i++) {
    const prevEnd = wages[i - 1].end;
    const start = wages[i].start;
    const between = seps.filter(([s]) => s >= prevEnd && s < start);
    if (between.length) bounds.push(between[between.length - 1][1]);
    else {
      const name = nameBefore(text.slice(prevEnd, start));
      bounds.push(name ? text.lastIndexOf(name, start) : start);
    }
  }
  bounds.push(text.length);
  return wages.map((w, i) => {
    const [from, to] = [bounds[i], bounds[i + 1]];
    const part = text.slice(from, to);
    let age = ages.find((a) => a.start >= from && a.end <= to)?.value ?? null;
    if (age === null) {
      // "Ahmad 2100 30": a bare two-digit number beside one worker's amount is that worker's age
      for (const m of part.matchAll(BARE_AGE)) {
        const s = from + m.index!;
        const n = Number(m[1]);
        if (n >= 15 && !overlapsTaken(taken, s, s + 2) && !NOT_MONEY_AFTER.test(text.slice(s + 2, s + 18))) {
          age = n;
          break;
        }
      }
    }
    return { name: nameBefore(text.slice(from, w.start)), wage: w.value, age, foreign: foreignIn(part) };
  });
}

// ---- a pasted list of lines ----

type Column = 'name' | 'wage' | 'age' | 'foreign' | 'citizen' | 'other';

const HEADER: Array<[Column, RegExp]> = [
  ['wage', /\b(?:gaji|salary|wages?|upah|pay|amount|jumlah|rm|pendapatan|income)\b/i],
  ['age', /\b(?:umur|age|usia)\b/i],
  ['foreign', /\b(?:asing|foreign|foreigner)\b/i],
  ['citizen', /\b(?:warganegara|warga|citizen|citizenship|nationality|kerakyatan|status|local|tempatan)\b/i],
  ['name', /\b(?:nama|name|pekerja|worker|employee|staff|nama pekerja)\b/i],
];
const YES = /^(?:ya|yes|y|true|1|✓)$/i;
const NO = /^(?:tidak|tak|no|n|false|0|x|-)$/i;
const LOCAL_VALUE = /^(?:malaysia|malaysian|m'?sia|m'?sian|warganegara|citizen|local|tempatan|pr|permanent resident|pemastautin tetap|mys|my)$/i;
const FOREIGN_VALUE = /^(?:indonesia|indon|bangladesh|bangla|nepal|myanmar|burma|india|vietnam|philippines|filipina|pakistan|cambodia|kemboja|thailand|sri lanka|china|laos|asing|foreign|foreigner|bukan warganegara|non-citizen|idn|bgd|npl|mmr|ind|vnm|phl|pak)$/i;
const MONEY_FIELD = /^(?:(?:rm|myr)\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(k|ribu)?$/i;
const AGE_FIELD = /^(?:(?:umur|age|usia)\s*:?\s*)?(\d{1,3})(?:\s*(?:tahun|thn|years?(?:\s+old)?|yrs?|yo))?$/i;
const LIST_MARK = /^\s*(?:\d{1,3}[.)]\s+|[-*•]\s*)/;

/** Fields of a line; a comma between digits that groups thousands ("2,100") does not split. */
function fields(line: string, sep: string): string[] {
  if (sep !== ',') return line.split(sep).map((f) => f.trim());
  return line.split(/,(?!\d{3}(?!\d))|(?<!\d),/).map((f) => f.trim());
}

function money(field: string): string | null {
  const m = MONEY_FIELD.exec(field);
  if (!m) return null;
  const v = new Decimal(m[1].replace(/,/g, '')).times(m[2] ? 1000 : 1);
  return v.gte(100) && v.lt(10_000_000) ? v.toFixed(2) : null;
}

function ageOf(field: string): number | null {
  const m = AGE_FIELD.exec(field);
  const n = m ? Number(m[1]) : NaN;
  return n >= 14 && n <= 100 ? n : null;
}

function statusOf(field: string, col: Column): boolean | null {
  if (col === 'foreign' && YES.test(field)) return true;
  if (col === 'foreign' && NO.test(field)) return false;
  if (col === 'citizen' && YES.test(field)) return false;
  if (col === 'citizen' && NO.test(field)) return true;
  if (LOCAL_VALUE.test(field)) return false;
  if (FOREIGN_VALUE.test(field)) return true;
  return /[a-z]/i.test(field) ? foreignIn(field) : null;
}

/**
 * A list of two or more lines that each give a worker, fields split by tab, semicolon, bar or comma.
 * Null when the text is not such a list.
 */
export function parseWorkerTable(text: string): WorkerEntry[] | null {
  if (!text.includes('\n')) return null;
  const lines = text.split(/\r?\n/).map((l) => l.replace(LIST_MARK, '')).filter((l) => l.trim());
  const sep = ['\t', ';', '|', ','].find((s) => lines.filter((l) => /\d/.test(l) && fields(l, s).length >= 2).length >= 2);
  if (!sep) return null;
  let columns: Column[] | null = null;
  const rows: WorkerEntry[] = [];
  for (const line of lines) {
    const fs = fields(line, sep);
    if (fs.length < 2) continue;
    if (!/\d/.test(line)) {
      // a header line: "nama, gaji, umur"
      const cols = fs.map((f) => HEADER.find(([, re]) => re.test(f))?.[0] ?? 'other');
      if (!columns && cols.includes('wage')) columns = cols;
      continue;
    }
    const row = columns ? byHeader(fs, columns) : byShape(fs);
    if (row) rows.push(row);
  }
  return rows.length >= 2 ? rows : null;
}

function byHeader(fs: string[], cols: Column[]): WorkerEntry | null {
  const at = (c: Column): string | undefined => fs[cols.indexOf(c)];
  const wage = at('wage') !== undefined ? money(at('wage')!) : null;
  if (!wage) return byShape(fs);
  const status = cols.includes('foreign') ? statusOf(at('foreign') ?? '', 'foreign') : cols.includes('citizen') ? statusOf(at('citizen') ?? '', 'citizen') : null;
  const name = at('name');
  return { name: name && /[a-z]/i.test(name) ? name : null, wage, age: at('age') !== undefined ? ageOf(at('age')!) : null, foreign: status };
}

/** Without a header: the amount is the money field, the age a whole number 14-100, the name the first field of words. */
function byShape(fs: string[]): WorkerEntry | null {
  let wage: string | null = null;
  let age: number | null = null;
  let name: string | null = null;
  let foreign: boolean | null = null;
  for (const f of fs) {
    const a = ageOf(f);
    if (a !== null && age === null && !/^(?:rm|myr)/i.test(f) && !/\d{3}/.test(f)) {
      age = a;
      continue;
    }
    const w: string | null = wage === null ? money(f) : null;
    if (w) {
      wage = w;
      continue;
    }
    if (/\d/.test(f)) continue;
    const s = statusOf(f, 'other');
    if (s !== null && (LOCAL_VALUE.test(f) || FOREIGN_VALUE.test(f) || name !== null)) foreign = s;
    else if (name === null && /[a-z]{2}/i.test(f)) name = f;
  }
  return wage ? { name, wage, age, foreign } : null;
}
