/**
 * Every sentence the bot says of its own (welcome, safety warnings, form questions, quote wording...), read
 * from phrases.yaml. PHRASE_KEYS is the contract: a key used in code but missing from the file, a language
 * missing, a placeholder that differs between the languages, or a key in the file that no code knows (a typo)
 * stops the start with the file, line and key. Grouped phrases are written in the file as
 * `<group>:` / `  <key>:` and named `<group>.<key>` here.
 */
import path from 'path';
import type { Bilingual, Lang } from '../locale';
import { fromRoot } from '../project-root';
import { KnowledgeError } from './errors';
import { LANGS } from './types';
import { YamlFile } from './yamlFile';

export const PHRASE_KEYS = [
  'welcome',
  'salam_reply',
  'error_reply',
  'clarify',
  'out_of_scope_second_miss',
  'too_long',
  'message_too_long',
  'empty_message',
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
  'source_label',
  'nothing_to_cancel',
  'quote_buttons.age_60',
  'quote_buttons.age_under_60',
  'quote_buttons.foreign',
  'quote_buttons.local',
  'quote_buttons.opted_out',
  'quote_buttons.why',
  'quote.employer_pays',
  'quote.deduct',
  'quote.total',
  'quote.act4',
  'quote.cat1',
  'quote.cat2',
  'quote.eis',
  'quote.skbbk',
  'quote.employer',
  'quote.employee',
  'quote.none',
  'quote.ceiling',
  'quote.assumed',
  'quote.foreign_no_opt_out',
  'quote.source',
  'quote_assumed.age',
  'quote_assumed.age_under_60',
  'quote_assumed.first_insured',
  'quote_assumed.nationality',
  'quote_assumed.skbbk_opt_out',
  'quote_assumed.month',
  'quote_given.age',
  'quote_given.first_insured',
  'quote_given.foreign',
  'quote_given.local',
  'quote_given.opted_out',
  'quote_card.wage',
  'quote_card.employer_pays',
  'quote_card.deduct',
  'quote_card.total',
  'quote_card.month',
  'quote_card.act4',
  'quote_card.eis',
  'quote_card.skbbk',
  'quote_card.employer',
  'quote_card.employee',
  'quote_card.none',
  'workers_row.worker',
  'workers_row.age',
  'workers_row.foreign',
  'workers_row.wage',
  'workers_row.act4',
  'workers_row.act4_employer',
  'workers_row.act4_employee',
  'workers_row.eis',
  'workers_row.skbbk',
  'workers_row.employer',
  'workers_row.employee',
  'workers_row.none',
  'workers_row.cat2',
  'textfile_reply.too_big',
  'textfile_reply.not_text',
  'textfile_reply.binary',
  'textfile_reply.intro_ready',
  'textfile_reply.outro',
  'textfile_reply.intro_problems',
  'textfile_reply.intro_first_problems',
  'textfile_reply.report_name',
  'late_interest.amount',
  'late_interest.amount_help',
  'late_interest.amount_bad',
  'late_interest.month',
  'late_interest.month_help',
  'late_interest.month_bad',
  'late_interest.date',
  'late_interest.date_help',
  'late_interest.date_bad',
  'late_interest.today',
  'late_interest.button',
  'escalation.privacy_detail',
  'escalation.help_employer_code',
  'escalation.help_company_name',
  'escalation.help_rep_name',
  'escalation.help_mykad',
  'escalation.help_problem',
  'escalation.mykad_bad_date',
  'escalation.mykad_bad_place',
  'escalation.mykad_received',
  'form.try_again',
  'form.skip',
  'form.skip_hint',
  'form.cancel_hint',
  'form.intro_more',
  'form.confirm_yes',
  'ticket.next_open',
  'ticket.next_closed',
  'ticket.quota_reached',
  'ticket.too_many_from_here',
  'widget.open',
  'widget.close',
  'widget.dialog',
  'widget.subtitle',
  'widget.placeholder',
  'widget.loading',
  'widget.missing',
  'widget.unavailable',
  'widget.not_official',
  'demo_page.heading',
  'demo_page.intro',
  'demo_page.embed_heading',
  'demo_page.embed_text',
  'demo_page.other_language',
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
  'quote.employer_pays': ['wage', 'details', 'amount'],
  'quote.deduct': ['amount'],
  'quote.total': ['amount'],
  'quote.ceiling': ['ceiling'],
  'quote_assumed.month': ['month'],
  'quote_given.age': ['n'],
  'quote_given.first_insured': ['n'],
  'quote_card.wage': ['wage'],
  'escalation.mykad_received': ['masked'],
  'textfile_reply.intro_first_problems': ['count'],
  'ticket.next_open': ['careline', 'reference', 'status', 'reply'],
  'ticket.next_closed': ['careline', 'reference', 'status', 'reply'],
  'ticket.quota_reached': ['max', 'references'],
  'ticket.too_many_from_here': ['careline'],
  'widget.open': ['name'],
  'widget.dialog': ['name'],
  'demo_page.heading': ['name'],
};

export type PhraseTable = Record<PhraseKey, Record<Lang, string>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

function isPhraseKey(key: string): key is PhraseKey {
  return (PHRASE_KEYS as readonly string[]).includes(key);
}

const GROUPS: ReadonlySet<string> = new Set(PHRASE_KEYS.filter((k) => k.includes('.')).map((k) => k.split('.')[0]));

type Mapping = Record<string, unknown>;
const isMapping = (v: unknown): v is Mapping => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The phrase entries of the file by key (`<group>.<key>` for grouped ones), each with its path in the file. */
function entriesOf(y: YamlFile, data: Mapping): Map<string, { at: string[]; entry: unknown }> {
  const out = new Map<string, { at: string[]; entry: unknown }>();
  for (const [key, value] of Object.entries(data)) {
    if (!GROUPS.has(key)) {
      if (!isPhraseKey(key)) y.problem([key], `is not a known phrase key (known: ${PHRASE_KEYS.filter((k) => !k.includes('.')).join(', ')}, and the groups ${[...GROUPS].join(', ')})`);
      else out.set(key, { at: [key], entry: value });
      continue;
    }
    if (!isMapping(value)) {
      y.problem([key], 'must be a group of phrases, each with ms and en texts');
      continue;
    }
    for (const [inner, entry] of Object.entries(value)) {
      const full = `${key}.${inner}`;
      if (!isPhraseKey(full)) y.problem([key, inner], `is not a known phrase of the group ${key} (known: ${PHRASE_KEYS.filter((k) => k.startsWith(`${key}.`)).map((k) => k.slice(key.length + 1)).join(', ')})`);
      else out.set(full, { at: [key, inner], entry });
    }
  }
  return out;
}

const placeholdersOf = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();

/** Reads and validates phrases.yaml; problems are appended, and a table is returned only when there are none. */
export function loadPhrases(file: string, problems: string[]): PhraseTable | null {
  const before = problems.length;
  const y = YamlFile.read(file, problems);
  if (y.data === undefined) return null;
  if (!isMapping(y.data)) {
    y.problem([], 'must be a mapping of phrase keys to {ms, en} texts');
    return null;
  }
  const entries = entriesOf(y, y.data);
  const table: Partial<PhraseTable> = {};
  for (const key of PHRASE_KEYS) {
    const found = entries.get(key);
    if (found === undefined) {
      y.problem([], `phrase "${key}" is missing`);
      continue;
    }
    const { at, entry } = found;
    if (!isMapping(entry)) {
      y.problem(at, 'must have ms and en texts');
      continue;
    }
    for (const extra of Object.keys(entry)) {
      if (!(LANGS as readonly string[]).includes(extra)) y.problem([...at, extra], 'is not a language (use ms or en)');
    }
    const out: Partial<Record<Lang, string>> = {};
    for (const lang of LANGS) {
      const text = entry[lang];
      if (text === undefined || text === null) {
        y.problem([...at, lang], 'is missing');
      } else if (typeof text !== 'string' || text.trim() === '') {
        y.problem([...at, lang], 'is empty');
      } else {
        const allowed = PHRASE_VARS[key] ?? [];
        for (const name of placeholdersOf(text)) {
          if (!allowed.includes(name)) {
            y.problem([...at, lang], `uses an unknown placeholder {${name}}${allowed.length ? ` (allowed: ${allowed.map((v) => `{${v}}`).join(', ')})` : ' (this phrase takes none)'}`);
          }
        }
        out[lang] = text.trim();
      }
    }
    // Both languages must show the same values: a placeholder left out of one language loses a figure there.
    if (out.ms !== undefined && out.en !== undefined) {
      const ms = placeholdersOf(out.ms).join(', ');
      const en = placeholdersOf(out.en).join(', ');
      if (ms !== en) y.problem(at, `has different placeholders in ms ({${ms || 'none'}}) and en ({${en || 'none'}}); both languages must use the same ones`);
    }
    table[key] = out as Record<Lang, string>;
  }
  return problems.length === before ? (table as PhraseTable) : null;
}

let shipped: PhraseTable | undefined;

/** Called by the knowledge loader when it has read and checked the shipped phrases.yaml: it is not read twice. */
export function rememberShippedPhrases(file: string, table: PhraseTable): void {
  if (path.resolve(file) === fromRoot('knowledge', 'phrases.yaml')) shipped = table;
}

/**
 * The phrases of the knowledge folder that ships with the bot, loaded and validated once. The conversation
 * core's tables (bot/core/strings.ts and the forms) read their texts here; createCoreDeps loads them at
 * start-up, so a broken file stops the start rather than a turn.
 */
export function shippedPhrases(): PhraseTable {
  if (!shipped) {
    const problems: string[] = [];
    const table = loadPhrases(fromRoot('knowledge', 'phrases.yaml'), problems);
    if (!table) throw new KnowledgeError(problems.length > 0 ? problems : ['knowledge/phrases.yaml could not be loaded']);
    shipped = table;
  }
  return shipped;
}

/**
 * A {ms, en} pair read from the shipped phrases.yaml when it is first used, so that tables of phrases can
 * be module constants (`S.tooLong[lang]`) while the words stay in the YAML.
 */
export function phrasePair(key: PhraseKey): Bilingual {
  // Looked up once: a quote turn reads some fifty of these, and the table is a large dictionary.
  let pair: Bilingual | undefined;
  const get = (): Bilingual => (pair ??= shippedPhrases()[key]);
  return {
    get ms() {
      return get().ms;
    },
    get en() {
      return get().en;
    },
  };
}

/** A table of pairs by the code's own names: phrasePairs({ tooLong: 'too_long' }).tooLong.ms. */
export function phrasePairs<K extends string>(keys: Record<K, PhraseKey>): Record<K, Bilingual> {
  const out = {} as Record<K, Bilingual>;
  for (const name of Object.keys(keys) as K[]) out[name] = phrasePair(keys[name]);
  return out;
}

/** Fills {name} placeholders; a placeholder without a value is a programming error and throws. */
export function fillPlaceholders(text: string, vars: Record<string, string>, what: string): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`${what}: no value given for {${name}}`);
    return value;
  });
}
