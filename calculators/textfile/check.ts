// `hanna textfile check`: reads a combined SOCSO + EIS text file (FACTS.md §5.4) and lists every problem ASSIST is
// likely to reject, line by line and field by field, with a summary. Pure: the clock and ID validators come in.
import Decimal from 'decimal.js';
import type { Bilingual } from '../errors';
import { QuoteError } from '../errors';
import { currentWageMonth, klDate } from '../months';
import { textPair } from '../texts';
import { AMOUNT_KEYS, AmountKey, Candidate, expectedAmounts, senToRinggit, Worker } from './amounts';
import { Field, FieldKey, Layout, layout, sliceField } from './layout';
import { asBytes, RawLine, splitLines } from './lines';
import { maskId } from './mask';
import { basis, M } from './messages';
import { summarise } from './summary';
import type { CheckDeps, CheckResult, Confidence, Problem } from './types';

type Style = 'zero' | 'space';

/** What one line told, for the file-wide checks and the totals. */
export interface LineFacts {
  line: number;
  employerCode: string | null;
  id: string | null;
  month: string | null;
  wageSen: string | null;
  /** Sen digits per amount field; absent when blank or unreadable. */
  amounts: Partial<Record<AmountKey, string>>;
  skbbkBlank: boolean;
  padding: Array<{ field: Field; style: Style }>;
  assumed: string[];
  zeroWage: boolean;
}

interface Ctx {
  L: Layout;
  deps: CheckDeps;
  today: string;
  currentMonth: string;
  problems: Problem[];
  monthsWithoutTables: Set<string>;
}

function add(ctx: Ctx, line: number, field: Field | null, column: number | null, code: string, confidence: Confidence, text: Bilingual): void {
  ctx.problems.push({ line, field: field ? field.number : null, column: column ?? (field ? field.start : null), code, confidence, ms: text.ms, en: text.en });
}

const label = (f: Field): Bilingual => ({ ms: f.ms, en: f.en });

/** A text field: blank, or its trimmed value after the left-justification check. */
function readText(ctx: Ctx, n: number, raw: string, f: Field): string {
  const t = raw.trim();
  if (t !== '' && raw.startsWith(' ')) add(ctx, n, f, f.start, 'not_left_justified', 'L', M.notLeft());
  return t;
}

/** A number field in sen: its digits, '' when blank, or null when unreadable (a problem is added). */
function readSen(ctx: Ctx, n: number, raw: string, f: Field, facts: LineFacts): string | null {
  const t = raw.trim();
  if (t === '') return '';
  if (/[.,]/.test(t) && /^[\d.,\s]+$/.test(t)) {
    add(ctx, n, f, f.start + raw.search(/[.,]/), f.key === 'wage' ? 'wage_not_sen' : 'amount_not_sen', 'M', M.notSen(label(f), t));
    return null;
  }
  if (!/^\d+$/.test(t)) {
    add(ctx, n, f, f.start + raw.search(/[^\d ]|\d +\d/), f.key === 'wage' ? 'wage_format' : 'amount_format', 'M', M.notNumber(label(f)));
    return null;
  }
  if (raw.endsWith(' ')) add(ctx, n, f, f.start, 'not_right_justified', 'L', M.notRight());
  else if (raw.startsWith(' ')) facts.padding.push({ field: f, style: 'space' });
  else if (raw.startsWith('0') && raw.length > 1) facts.padding.push({ field: f, style: 'zero' });
  return t;
}

function checkEmployerCode(ctx: Ctx, n: number, raw: string, f: Field, facts: LineFacts): void {
  const t = readText(ctx, n, raw, f);
  if (t === '') { add(ctx, n, f, f.start, 'employer_code_missing', 'M', M.employerMissing()); return; }
  const v = ctx.deps.ids.validateEmployerCode(t);
  // The validator forgives case and spaces for chat; the file must carry the code exactly.
  if (!v.ok || v.code !== t) { add(ctx, n, f, f.start, 'employer_code_invalid', 'M', M.employerInvalid(t)); return; }
  facts.employerCode = t;
}

/** The worker as far as the ID tells: a valid MyKad gives the birth date; anything else is a foreign ID. */
function checkId(ctx: Ctx, n: number, raw: string, f: Field, facts: LineFacts): { foreign: boolean; birthDate: string | null } | null {
  const t = readText(ctx, n, raw, f);
  if (t === '') { add(ctx, n, f, f.start, 'id_missing', 'M', M.idMissing()); return null; }
  facts.id = t;
  if (/^\d+$/.test(t)) {
    if (t.length !== 12) { add(ctx, n, f, f.start, 'mykad_format', 'H', M.mykadDigits(t.length)); return { foreign: false, birthDate: null }; }
    const v = ctx.deps.ids.validateMyKad(t, ctx.deps.now);
    if (!v.ok) {
      if (v.reason === 'date') add(ctx, n, f, f.start, 'mykad_date', 'H', M.mykadDate(maskId(t)));
      else add(ctx, n, f, f.start + 6, 'mykad_place', 'H', M.mykadPlace(maskId(t)));
      return { foreign: false, birthDate: null };
    }
    return { foreign: false, birthDate: v.birthDate };
  }
  if (/^[\d\s-]+$/.test(t)) { add(ctx, n, f, f.start + raw.search(/[\s-](?=.*\d)/), 'mykad_dashes', 'H', M.mykadDashes()); return { foreign: false, birthDate: null }; }
  if (!/^[A-Z0-9]{6,12}$/.test(t) || !/\d/.test(t)) {
    add(ctx, n, f, f.start, 'foreign_id_invalid', 'M', M.foreignIdShape());
  }
  return { foreign: true, birthDate: null };
}

function checkName(ctx: Ctx, n: number, raw: string, f: Field): void {
  const t = readText(ctx, n, raw, f);
  if (t === '') { add(ctx, n, f, f.start, 'name_missing', 'M', M.nameMissing()); return; }
  const lower = raw.search(/[a-z]/);
  if (lower >= 0) add(ctx, n, f, f.start + lower, 'name_not_upper', 'M', M.nameLower());
}

function checkMonth(ctx: Ctx, n: number, raw: string, f: Field): string | null {
  const m = /^(0[1-9]|1[0-2])(\d{4})$/.exec(raw);
  if (!m) {
    const hint = /^(19|20)\d{2}(0[1-9]|1[0-2])$/.test(raw) ? 'yyyymm' : /[-/. ]/.test(raw.trim()) ? 'separator' : 'other';
    add(ctx, n, f, f.start, 'month_format', 'M', M.monthFormat(raw.trim(), hint));
    return null;
  }
  const month = `${m[2]}-${m[1]}`;
  if (month > ctx.currentMonth) { add(ctx, n, f, f.start, 'month_future', 'H', M.monthFuture(month, ctx.currentMonth)); return null; }
  return month;
}

function wholeYears(birth: string, onDate: string): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [y, m, d] = onDate.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

function worker(who: { foreign: boolean; birthDate: string | null } | null, month: string): Worker {
  if (!who || who.birthDate === null) return { foreign: who?.foreign ?? false, ageStart: null, ageEnd: null };
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { foreign: who.foreign, ageStart: wholeYears(who.birthDate, `${month}-01`), ageEnd: wholeYears(who.birthDate, `${month}-${last}`) };
}

function describe(w: Worker): Bilingual {
  if (w.foreign) return textPair('textfile.worker_foreign');
  if (w.ageStart === null) return textPair('textfile.worker_age_unknown');
  return textPair('textfile.worker_age', { age: String(w.ageStart) });
}

/** Compares a line's amounts with the calculator's, accepting any coverage the file leaves open. */
function checkAmounts(ctx: Ctx, n: number, facts: LineFacts, w: Worker, month: string): void {
  const L = ctx.L;
  const wageSen = facts.wageSen as string;
  const keys = AMOUNT_KEYS.filter((k) => facts.amounts[k] !== undefined && (k !== 'skbbk_employee' || month >= L.skbbkFirstWageMonth));
  const file = Object.fromEntries(keys.map((k) => [k, senToRinggit(facts.amounts[k] as string)])) as Record<AmountKey, string>;
  // Both sides are canonical two-decimal text ("42.85", "0.00"), so text equality is exact equality.
  const matches = (c: Candidate): number => keys.filter((k) => c.amounts[k] === file[k]).length;

  if (/^0+$/.test(wageSen)) {
    // No wages this month: nothing is payable; the calculator itself refuses a zero wage.
    facts.zeroWage = true;
    for (const k of keys) {
      if (!new Decimal(file[k]).isZero()) add(ctx, n, L.byKey[k], null, 'amount_mismatch', 'H', M.amountMismatch(label(L.byKey[k]), file[k], '0.00', textPair('textfile.basis_zero_wage')));
    }
    return;
  }
  const wage = senToRinggit(wageSen);
  let expected;
  try {
    expected = expectedAmounts(wage, month, w, ctx.deps.now);
  } catch (err) {
    if (!(err instanceof QuoteError)) throw err;
    if (err.code === 'amount_too_large') add(ctx, n, L.byKey.wage, null, 'wage_too_large', 'H', M.wageTooLarge(err));
    else if (!ctx.monthsWithoutTables.has(month)) {
      ctx.monthsWithoutTables.add(month);
      add(ctx, n, L.byKey.month, null, 'month_out_of_range', 'H', M.monthNoTable(err));
    }
    return;
  }
  const exact = expected.candidates.find((c) => matches(c) === keys.length);
  if (exact) { facts.assumed.push(...exact.assumed); return; }

  // Wages written in ringgit instead of sen: the amounts then fit wages a hundred times larger.
  if (new Decimal(wageSen).lessThanOrEqualTo(1000000)) {
    try {
      const asRinggit = expectedAmounts(new Decimal(wageSen).toFixed(2), month, w, ctx.deps.now);
      if (asRinggit.candidates.some((c) => matches(c) === keys.length)) {
        add(ctx, n, L.byKey.wage, null, 'wage_not_sen', 'H', M.wageLooksRinggit(wageSen));
        return;
      }
    } catch { /* not a readable ringgit amount either: report the amounts */ }
  }
  let best = expected.candidates[0];
  for (const c of expected.candidates) if (matches(c) > matches(best)) best = c;
  const why = basis(wage, month, best.category, expected.schedule, describe(w));
  for (const k of keys) {
    if (best.amounts[k] !== file[k]) {
      add(ctx, n, L.byKey[k], null, 'amount_mismatch', k === 'skbbk_employee' ? 'M' : 'H', M.amountMismatch(label(L.byKey[k]), file[k], best.amounts[k], why));
    }
  }
}

function checkLine(ctx: Ctx, raw: RawLine): LineFacts | null {
  const L = ctx.L;
  const n = raw.number;
  const facts: LineFacts = { line: n, employerCode: null, id: null, month: null, wageSen: null, amounts: {}, skbbkBlank: true, padding: [], assumed: [], zeroWage: false };
  let text = raw.text;
  if (text.trim() === '') { add(ctx, n, null, null, 'blank_line', 'M', M.blankLine()); return null; }

  const bad = text.search(/[^\x20-\x7e]/);
  if (bad >= 0) {
    const field = L.fields.find((f) => bad + 1 >= f.start && bad + 1 < f.start + f.length) ?? null;
    add(ctx, n, field, bad + 1, 'bad_character', 'M', M.badChar(text.charCodeAt(bad)));
  }
  const want = L.lineLength;
  if (bad >= 0 && text.length !== want) {
    // An accented letter typed into a 150-character name: right in characters, too long in bytes. Check the fields
    // as the characters stand, with the letter shown as '?'.
    const chars = Buffer.from(text, 'latin1').toString('utf8');
    if (chars.length === want && !chars.includes('\ufffd')) {
      add(ctx, n, null, want + 1, 'line_length', 'M', M.lengthBytes(text.length, want));
      text = chars.replace(/[^\x00-\x7f]/g, '?');
    }
  }
  if (text.length !== want) {
    // Only trailing filler lost or added keeps the fields in place; anything else moves them.
    // An editor that strips trailing spaces leaves the line ending at its last digit: column 238 (V1) to 244 (V2).
    const v1End = L.byKey.skbbk_employee.start - 1;
    const v2End = L.byKey.filler.start - 1;
    if (text.length >= v1End && text.length <= v2End && !text.endsWith(' ')) {
      add(ctx, n, null, text.length + 1, 'line_length', 'M', M.lengthTrimmed(text.length, want));
      text = text.padEnd(want, ' ');
    } else if (text.length > want && text.slice(v2End).trim() === '' && /^\d{6}$/.test(sliceField(text, L.byKey.month))) {
      add(ctx, n, null, want + 1, 'line_length', 'M', M.lengthTrailing(text.length, want));
      text = text.slice(0, want);
    } else {
      add(ctx, n, null, Math.min(text.length, want) + 1, 'line_length', 'M', M.lengthShifted(text.length, want));
      return null;
    }
  }
  const get = (k: FieldKey): string => sliceField(text, L.byKey[k]);

  checkEmployerCode(ctx, n, get('employer_code'), L.byKey.employer_code, facts);
  readText(ctx, n, get('mycoid'), L.byKey.mycoid);
  const who = checkId(ctx, n, get('id'), L.byKey.id, facts);
  checkName(ctx, n, get('name'), L.byKey.name);
  const month = checkMonth(ctx, n, get('month'), L.byKey.month);
  facts.month = month;

  const wage = readSen(ctx, n, get('wage'), L.byKey.wage, facts);
  if (wage === '') add(ctx, n, L.byKey.wage, null, 'wage_missing', 'M', M.wageMissing());
  facts.wageSen = wage || null;
  let amountsReadable = true;
  for (const k of AMOUNT_KEYS) {
    const f = L.byKey[k];
    const v = readSen(ctx, n, get(k), f, facts);
    if (v === null) { amountsReadable = false; if (k === 'skbbk_employee') facts.skbbkBlank = false; continue; }
    if (v === '') {
      if (k !== 'skbbk_employee') { add(ctx, n, f, null, 'amount_missing', 'M', M.amountMissing(label(f))); amountsReadable = false; }
      continue;
    }
    facts.amounts[k] = v;
    if (k === 'skbbk_employee') facts.skbbkBlank = false;
  }
  const filler = get('filler');
  const junk = filler.search(/[^ ]/);
  if (junk >= 0) add(ctx, n, L.byKey.filler, L.byKey.filler.start + junk, 'filler_not_blank', 'M', M.fillerNotBlank());

  if (month && facts.amounts.skbbk_employee !== undefined && month < L.skbbkFirstWageMonth && !new Decimal(facts.amounts.skbbk_employee).isZero()) {
    add(ctx, n, L.byKey.skbbk_employee, null, 'skbbk_before_start', 'H', M.skbbkBeforeStart(month, senToRinggit(facts.amounts.skbbk_employee)));
  }
  if (month && facts.wageSen !== null && amountsReadable) checkAmounts(ctx, n, facts, worker(who, month), month);
  return facts;
}

/** File-wide rules: one employer, one line per worker and month, one padding style, one layout version. */
function checkFile(ctx: Ctx, all: LineFacts[]): LineFacts[] {
  const L = ctx.L;
  const codes = new Map<string, number>();
  for (const f of all) if (f.employerCode) codes.set(f.employerCode, (codes.get(f.employerCode) ?? 0) + 1);
  const mainCode = [...codes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  for (const f of all) {
    if (f.employerCode && mainCode && f.employerCode !== mainCode) add(ctx, f.line, L.byKey.employer_code, null, 'employer_code_mixed', 'M', M.employerMixed(f.employerCode, mainCode));
  }

  const seen = new Map<string, number>();
  for (const f of all) {
    if (!f.id) continue;
    const key = `${f.id}|${f.month ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) add(ctx, f.line, L.byKey.id, null, 'duplicate_id', 'M', M.duplicateId(maskId(f.id), first));
    else seen.set(key, f.line);
  }

  const styleCount: Record<Style, number> = { zero: 0, space: 0 };
  for (const f of all) for (const p of f.padding) styleCount[p.style]++;
  const fileStyle: Style = styleCount.zero > styleCount.space ? 'zero' : 'space';
  for (const f of all) {
    const odd = f.padding.find((p) => p.style !== fileStyle);
    if (odd) add(ctx, f.line, odd.field, null, 'padding_mixed', 'L', M.paddingMixed(odd.style, fileStyle));
  }

  const v1 = all.filter((f) => f.skbbkBlank);
  if (v1.length > 0 && v1.length < all.length) {
    for (const f of v1) add(ctx, f.line, L.byKey.skbbk_employee, null, 'skbbk_missing', 'M', M.skbbkMissing());
  } else if (v1.length > 0 && ctx.today >= L.v2MandatoryFrom) {
    add(ctx, v1[0].line, L.byKey.skbbk_employee, null, 'v1_after_cutoff', 'M', M.v1AfterCutoff(v1.length));
  }
  return all;
}

export function checkTextFile(content: Buffer | string, deps: CheckDeps): CheckResult {
  const L = layout();
  const ctx: Ctx = { L, deps, today: klDate(deps.now), currentMonth: currentWageMonth(deps.now), problems: [], monthsWithoutTables: new Set() };
  const { lines, bom } = splitLines(asBytes(content));
  if (bom) add(ctx, 1, null, 1, 'bom', 'M', M.bom());
  if (lines.length === 0) add(ctx, 1, null, null, 'empty_file', 'H', M.empty());

  // A file saved with Unix or old-Mac line ends gets one problem, not one per line; stray ones get theirs.
  const ended = lines.filter((l) => l.end !== 'none');
  const wrong = ended.filter((l) => l.end !== 'CRLF');
  const name = (e: string) => (e === 'LF' ? 'LF (Unix)' : 'CR');
  if (wrong.length > 0 && wrong.length === ended.length && ended.length > 1) add(ctx, wrong[0].number, null, wrong[0].text.length + 1, 'line_end', 'M', M.lineEndAll(name(wrong[0].end), ended.length));
  else for (const l of wrong) add(ctx, l.number, null, l.text.length + 1, 'line_end', 'M', M.lineEnd(name(l.end)));

  const facts: LineFacts[] = [];
  for (const raw of lines) {
    const f = checkLine(ctx, raw);
    if (f) facts.push(f);
  }
  checkFile(ctx, facts);
  const problems = ctx.problems.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  return { problems, summary: summarise(L, lines.length, facts, problems, ctx.today) };
}
