/**
 * The calculators' own sentences (the quote explanation, the late-interest estimate, the text-file checker's
 * problems and notes), read from texts.yaml beside this file. They are not in knowledge/phrases.yaml because
 * the calculators import nothing from knowledge/ (they also run alone, in `hanna quote` and `hanna textfile`).
 * TEXT_KEYS is the contract: a key missing from the file, a language missing, a placeholder the code does not
 * fill, or placeholders that differ between ms and en stop the start (createCalculator loads the file) with
 * the key named.
 */
import fs from 'fs';
import path from 'path';
import { parse } from 'yaml';
import { LANGS, type Bilingual, type Lang } from '../locale';
import { fromRoot } from '../project-root';

export const TEXTS_FILE = fromRoot('calculators', 'texts.yaml');

/** Each key with the placeholders it takes, written {name} in the file. */
const TEXT_SPEC = {
  'explain.heading': ['wage', 'month'],
  'explain.act4': [],
  'explain.cat1': [],
  'explain.cat2': [],
  'explain.eis': [],
  'explain.skbbk': [],
  'explain.employer': [],
  'explain.employee': [],
  'explain.none': [],
  'explain.totals': ['er', 'ee', 'total'],
  'explain.band': ['from', 'to', 'schedule'],
  'explain.first_band': ['to', 'schedule'],
  'explain.ceiling': ['ceiling'],
  'explain.why': [],
  'explain.assumed': [],
  'explain.change': [],
  'explain.source': [],
  'late_interest.heading': [],
  'late_interest.contribution': ['amount', 'month', 'due'],
  'late_interest.late': ['paid', 'days'],
  'late_interest.by_days': ['amount', 'days'],
  'late_interest.not_late': [],
  'late_interest.on_time': ['paid'],
  'late_interest.interest': ['interest'],
  'late_interest.minimum': ['interest'],
  'late_interest.caveat': [],
  'late_interest.todo': ['portal'],
  'late_interest.source': [],
  'late_interest.date_invalid': [],
  'late_interest.request_invalid': [],
  'late_interest.amount_what': [],
  'late_interest.days_invalid': ['max'],
  'textfile.hedge': [],
  'textfile.bom': [],
  'textfile.empty': [],
  'textfile.line_end_all': ['found', 'lines'],
  'textfile.line_end': ['found'],
  'textfile.blank_line': [],
  'textfile.bad_char_non_ascii': ['code'],
  'textfile.bad_char_control': ['code'],
  'textfile.length_trimmed': ['len', 'want'],
  'textfile.length_trailing': ['extra', 'len', 'want'],
  'textfile.length_bytes': ['bytes', 'want'],
  'textfile.length_shifted_long': ['diff', 'len', 'want'],
  'textfile.length_shifted_short': ['diff', 'len', 'want'],
  'textfile.not_left': [],
  'textfile.not_right': [],
  'textfile.employer_missing': [],
  'textfile.employer_invalid': ['shown'],
  'textfile.employer_mixed': ['main', 'shown'],
  'textfile.id_missing': [],
  'textfile.mykad_digits': ['n'],
  'textfile.mykad_dashes': [],
  'textfile.mykad_date': ['masked'],
  'textfile.mykad_place': ['masked'],
  'textfile.foreign_id_shape': [],
  'textfile.duplicate_id': ['first', 'masked'],
  'textfile.name_missing': [],
  'textfile.name_lower': [],
  'textfile.month_format': ['shown'],
  'textfile.month_hint_yyyymm': [],
  'textfile.month_hint_separator': [],
  'textfile.month_future': ['current', 'month'],
  'textfile.wage_missing': [],
  'textfile.not_sen': ['shown', 'what'],
  'textfile.wage_looks_ringgit': ['ringgit', 'sen'],
  'textfile.not_number': ['what'],
  'textfile.amount_missing': ['what'],
  'textfile.amount_mismatch': ['basis', 'expected', 'file', 'what'],
  'textfile.skbbk_before_start': ['amount', 'month'],
  'textfile.skbbk_missing': [],
  'textfile.v1_after_cutoff': ['where'],
  'textfile.v1_where_this_line': [],
  'textfile.v1_where_all_lines': ['lines'],
  'textfile.filler_not_blank': [],
  'textfile.padding_mixed': ['file_style', 'style'],
  'textfile.padding_zeros': [],
  'textfile.padding_spaces': [],
  'textfile.month_no_table': ['reason'],
  'textfile.basis': ['because', 'category', 'month', 'schedule', 'wage'],
  'textfile.basis_because': ['reason'],
  'textfile.cat1': [],
  'textfile.cat2': [],
  'textfile.basis_zero_wage': [],
  'textfile.worker_foreign': [],
  'textfile.worker_age_unknown': [],
  'textfile.worker_age': ['age'],
  'textfile_notes.second_category_first_insured_55': ['n'],
  'textfile_notes.second_category_age_unknown': ['n'],
  'textfile_notes.eis_exempt_57': ['n'],
  'textfile_notes.eis_age_unknown': ['n'],
  'textfile_notes.skbbk_opted_out': ['n'],
  'textfile_notes.layout': ['hedge', 'layout', 'padding'],
  'textfile_notes.zero_wage': ['n'],
  'textfile_notes.zero_padding': [],
  'textfile_notes.v1_until': [],
  'coverage.reason_age_60': [],
  'coverage.reason_first_insured_55': [],
  'coverage.reason_foreign_before_july_2024': [],
  'coverage.reason_foreign_from_july_2024': [],
  'coverage.reason_eis_foreign': [],
  'coverage.reason_eis_age': [],
  'coverage.reason_eis_first_insured_57': [],
  'coverage.reason_skbbk_foreign': [],
  'coverage.reason_skbbk_june_2026': [],
  'coverage.reason_skbbk_opted_out': [],
  'coverage.assumed_age': [],
  'coverage.assumed_current_age': [],
  'coverage.assumed_first_insured_before_55': [],
  'coverage.assumed_citizen': [],
  'coverage.assumed_not_opted_out': [],
  'coverage.age_label': [],
  'coverage.first_insured_age_label': [],
  'coverage.age_invalid': ['what'],
  'coverage.first_insured_above_age': ['age', 'first'],
  'money.wage_label': [],
  'money.missing': ['what'],
  'money.precision': ['what'],
  'money.negative': ['what'],
  'money.zero': ['what'],
  'money.not_number': ['shown', 'what'],
  'money.too_large': ['max', 'what'],
  'months.month_invalid': ['shown'],
  'months.wage_request_invalid': [],
  'months.month_assumed': ['month'],
  'months.covered': ['from', 'to'],
  'months.before_tables': ['covered', 'month'],
  'months.after_tables': ['covered', 'last', 'month'],
  'textfile_report.line': [],
  'textfile_report.column': [],
  'textfile_report.field': [],
  'textfile_report.whole_line': [],
  'textfile_report.summary': [],
  'textfile_report.lines': [],
  'textfile_report.workers': [],
  'textfile_report.months': [],
  'textfile_report.version': [],
  'textfile_report.employer': [],
  'textfile_report.socso': [],
  'textfile_report.eis': [],
  'textfile_report.skbbk': [],
  'textfile_report.total': [],
  'textfile_report.er': [],
  'textfile_report.ee': [],
  'textfile_report.all': [],
  'textfile_report.wages': [],
  'textfile_report.ready': [],
  'textfile_report.yes': [],
  'textfile_report.no': [],
  'textfile_report.notes': [],
  'textfile_report.problems': ['lines', 'n'],
  'textfile_report.more': ['n'],
  'textfile_make.not_yes_no': ['column', 'value'],
  'textfile_make.not_whole_years': ['column', 'value'],
  'textfile_make.month_future': ['month'],
  'textfile_make.employer_invalid': ['code'],
  'textfile_make.quote_not_closed': [],
  'textfile_make.csv_empty': [],
  'textfile_make.column_unknown': ['allowed', 'column'],
  'textfile_make.column_twice': ['column'],
  'textfile_make.column_missing': ['column'],
  'textfile_make.no_rows': [],
  'textfile_make.cell_count': ['cells', 'columns'],
  'textfile_make.id_empty': [],
  'textfile_make.mykad_invalid': ['masked', 'why'],
  'textfile_make.mykad_why_format': [],
  'textfile_make.mykad_why_date': [],
  'textfile_make.mykad_why_place': [],
  'textfile_make.id_neither': [],
  'textfile_make.name_empty': [],
  'textfile_make.name_accents': [],
  'textfile_make.name_too_long': ['length', 'max'],
  'textfile_make.local_needs_mykad': [],
  'textfile_make.foreign_with_mykad': [],
  'textfile_make.age_mismatch': ['age', 'month', 'mykad_age'],
  'textfile_make.age_out_of_range': ['age'],
  'textfile_make.duplicate_id': ['first', 'masked'],
} as const satisfies Record<string, readonly string[]>;

export type TextKey = keyof typeof TEXT_SPEC;
export const TEXT_KEYS = Object.keys(TEXT_SPEC) as TextKey[];
type VarsOf<K extends TextKey> = (typeof TEXT_SPEC)[K][number];
/** The values a text's placeholders take. */
export type TextVars<K extends TextKey> = Partial<Record<VarsOf<K>, string>>;

export type TextTable = Record<TextKey, Bilingual>;

const PLACEHOLDER = /\{([^{}]*)\}/g;
const placeholdersOf = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads and checks a texts file: the table, or every problem found (each naming the file and the key). */
export function loadTexts(file: string = TEXTS_FILE): { table: TextTable | null; problems: string[] } {
  const label = path.relative(process.cwd(), file) || file;
  const problems: string[] = [];
  let data: unknown;
  try {
    data = parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return { table: null, problems: [`${label}: cannot be read (${(err as Error).message.split('\n')[0]})`] };
  }
  if (!isMapping(data)) return { table: null, problems: [`${label}: must be a mapping of groups of {ms, en} texts`] };
  const found = new Map<string, unknown>();
  for (const [group, entries] of Object.entries(data)) {
    if (!isMapping(entries)) {
      problems.push(`${label}: ${group} must be a group of texts, each with ms and en`);
      continue;
    }
    for (const [key, entry] of Object.entries(entries)) {
      const full = `${group}.${key}`;
      if (!(full in TEXT_SPEC)) problems.push(`${label}: ${full} is not a known text (the list is in calculators/texts.ts)`);
      else found.set(full, entry);
    }
  }
  const table: Partial<TextTable> = {};
  for (const key of TEXT_KEYS) {
    const entry = found.get(key);
    if (entry === undefined) {
      problems.push(`${label}: text "${key}" is missing`);
      continue;
    }
    if (!isMapping(entry)) {
      problems.push(`${label}: ${key} must have ms and en texts`);
      continue;
    }
    const allowed: readonly string[] = TEXT_SPEC[key];
    const pair: Partial<Bilingual> = {};
    for (const lang of LANGS) {
      const text = entry[lang];
      if (typeof text !== 'string' || text.trim() === '') {
        problems.push(`${label}: ${key}.${lang} is ${text === undefined || text === null ? 'missing' : 'empty'}`);
        continue;
      }
      for (const name of placeholdersOf(text)) {
        if (!allowed.includes(name)) problems.push(`${label}: ${key}.${lang} uses an unknown placeholder {${name}} (${allowed.length ? `allowed: ${allowed.map((v) => `{${v}}`).join(', ')}` : 'this text takes none'})`);
      }
      pair[lang] = text.trim();
    }
    if (pair.ms !== undefined && pair.en !== undefined && placeholdersOf(pair.ms).join() !== placeholdersOf(pair.en).join()) {
      problems.push(`${label}: ${key} has different placeholders in ms and en; both languages must use the same ones`);
    }
    table[key] = pair as Bilingual;
  }
  return problems.length === 0 ? { table: table as TextTable, problems } : { table: null, problems };
}

let loaded: TextTable | undefined;

/** The shipped texts, loaded and checked once; a broken file throws with every problem listed. */
export function calculatorTexts(): TextTable {
  if (!loaded) {
    const { table, problems } = loadTexts();
    if (!table) throw new Error(problems.length === 1 ? problems[0] : `${problems.length} problems in the calculator texts:\n- ${problems.join('\n- ')}`);
    loaded = table;
  }
  return loaded;
}

/** One text in one language, its placeholders filled; a placeholder without a value is a programming error. */
export function text<K extends TextKey>(key: K, lang: Lang, vars: Partial<Record<VarsOf<K>, string>> = {}): string {
  const values = vars as Record<string, string | undefined>;
  return calculatorTexts()[key][lang].replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`calculator text ${key}: no value given for {${name}}`);
    return value;
  });
}

/** The text in both languages, filled with values that may differ by language (a month's name, a phrase). */
export function textPairBy<K extends TextKey>(key: K, vars: (lang: Lang) => TextVars<K>): Bilingual {
  return { ms: text(key, 'ms', vars('ms')), en: text(key, 'en', vars('en')) };
}

/** The text in both languages, filled. */
export function textPair<K extends TextKey>(key: K, vars: Partial<Record<VarsOf<K>, string>> = {}): Bilingual {
  return { ms: text(key, 'ms', vars), en: text(key, 'en', vars) };
}
