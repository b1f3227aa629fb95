/**
 * The bot's own UI phrases (welcome, safety warnings, form prompts...), read from phrases.yaml.
 * PHRASE_KEYS is the contract: a key used in code but missing from the file, or a key in the file that
 * no code knows (a typo), stops the start.
 */
import type { Lang } from './types';
import { LANGS } from './types';
import { YamlFile } from './yamlFile';

export const PHRASE_KEYS = [
  'welcome',
  'salam_reply',
  'error_reply',
  'clarify',
  'out_of_scope_second_miss',
  'too_long',
  'empty_message',
  'unsupported_attachment',
  'textfile_attach_ask',
  'rate_limited',
  'safety_password',
  'safety_mykad',
  'safety_bank',
  'phishing_url',
  'language_switched',
  'more_button',
  'menu_button',
  'cancelled',
  'handoff_offer',
  'handoff_privacy',
  'ask_employer_code',
  'ask_company_name',
  'ask_rep_name',
  'ask_mykad',
  'ask_problem',
  'invalid_employer_code',
  'invalid_company_name',
  'invalid_rep_name',
  'invalid_mykad',
  'invalid_problem',
  'ticket_filed',
  'quote_ask_wage',
  'quote_invalid_wage',
  'quote_disclaimer',
  'workers_heading',
  'workers_totals',
  'workers_too_many',
  'form_back_to_question',
  'confirm_problem',
  'feedback_ask',
  'feedback_thanks',
  'feedback_what_missing',
  'feedback_missing_thanks',
  'ask_contact',
  'invalid_contact',
  'contact_skip',
  'summary_heading',
  'summary_send',
  'summary_change',
  'summary_cancel',
  'summary_pick_field',
  'summary_choose',
  'field_employer_code',
  'field_company_name',
  'field_rep_name',
  'field_mykad',
  'field_problem',
  'field_contact',
  'summary_not_given',
  'reply_by_email',
  'reply_by_phone',
  'reply_no_contact',
] as const;

export type PhraseKey = (typeof PHRASE_KEYS)[number];

/** Placeholders each phrase may use, written {name} in the file; any other placeholder is a typo. */
export const PHRASE_VARS: Readonly<Partial<Record<PhraseKey, readonly string[]>>> = {
  too_long: ['max'],
  ticket_filed: ['reference'],
  workers_heading: ['count', 'month'],
  workers_totals: ['employer', 'employee', 'total'],
  workers_too_many: ['count', 'max'],
  confirm_problem: ['value'],
  reply_by_email: ['contact'],
  reply_by_phone: ['contact'],
  reply_no_contact: ['reference'],
};

export type PhraseTable = Record<PhraseKey, Record<Lang, string>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

function isPhraseKey(key: string): key is PhraseKey {
  return (PHRASE_KEYS as readonly string[]).includes(key);
}

/** Reads and validates phrases.yaml; problems are appended, and a table is returned only when there are none. */
export function loadPhrases(file: string, problems: string[]): PhraseTable | null {
  const before = problems.length;
  const y = YamlFile.read(file, problems);
  if (y.data === undefined) return null;
  if (typeof y.data !== 'object' || y.data === null || Array.isArray(y.data)) {
    y.problem([], 'must be a mapping of phrase keys to {ms, en} texts');
    return null;
  }
  const data = y.data as Record<string, unknown>;
  const table: Partial<PhraseTable> = {};
  for (const key of Object.keys(data)) {
    if (!isPhraseKey(key)) y.problem([key], `is not a known phrase key (known: ${PHRASE_KEYS.join(', ')})`);
  }
  for (const key of PHRASE_KEYS) {
    const entry = data[key];
    if (entry === undefined) {
      y.problem([], `phrase "${key}" is missing`);
      continue;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      y.problem([key], 'must have ms and en texts');
      continue;
    }
    const texts = entry as Record<string, unknown>;
    for (const extra of Object.keys(texts)) {
      if (!(LANGS as readonly string[]).includes(extra)) y.problem([key, extra], 'is not a language (use ms or en)');
    }
    const out: Partial<Record<Lang, string>> = {};
    for (const lang of LANGS) {
      const text = texts[lang];
      if (text === undefined || text === null) {
        y.problem([key, lang], 'is missing');
      } else if (typeof text !== 'string' || text.trim() === '') {
        y.problem([key, lang], 'is empty');
      } else {
        const allowed = PHRASE_VARS[key] ?? [];
        for (const m of text.matchAll(PLACEHOLDER)) {
          if (!allowed.includes(m[1])) {
            y.problem([key, lang], `uses an unknown placeholder {${m[1]}}${allowed.length ? ` (allowed: ${allowed.map((v) => `{${v}}`).join(', ')})` : ' (this phrase takes none)'}`);
          }
        }
        out[lang] = text.trim();
      }
    }
    table[key] = out as Record<Lang, string>;
  }
  return problems.length === before ? (table as PhraseTable) : null;
}

/** Fills {name} placeholders; a placeholder without a value is a programming error and throws. */
export function fillPlaceholders(text: string, vars: Record<string, string>, what: string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`${what}: no value given for {${name}}`);
    return value;
  });
}
