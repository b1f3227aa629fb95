/**
 * Answer parts: the pieces of a long answer that a sub-question asks about ("foreign workers?",
 * "age 65?", "how to opt out?"). An answer file lists them under `parts:`, each with trigger words in
 * both languages; when the user's message contains a trigger, that part leads the reply and the answer's
 * `brief` follows, with the rest behind the "more" button.
 *
 *   parts:
 *     - id: foreign                        # a-z, 0-9 and _, unique in the file
 *       triggers:                          # words or phrases, matched on whole words, case-insensitive
 *         ms: [pekerja asing, warga asing]
 *         en: [foreign*, expat*]           # * at the start or end: any letters there; # one digit
 *       ms: Pekerja asing ...              # at most MAX_PART_WORDS words
 *       en: Foreign workers ...
 *       sources: [{title, url}]            # optional: shown before the answer's own sources
 *
 * Triggers of both languages are tried whatever the reply language, since employers mix them.
 */
import type { Lang, Source } from './types';
import { LANGS } from './types';
import type { FieldPath, YamlFile } from './yamlFile';
import { countWords } from './words';

export const MAX_PART_WORDS = 70;
export const MAX_BRIEF_WORDS = 40;
/** At most this many parts lead one reply, so that it stays chat-sized. */
export const MAX_PARTS_SHOWN = 2;

export interface AnswerPart {
  id: string;
  triggers: Record<Lang, string[]>;
  text: Record<Lang, string>;
  sources: Source[];
  /** Compiled from every trigger of both languages. */
  pattern: RegExp;
}

/** Lower case, accents dropped, anything but letters and digits a single space: the form triggers match in. */
export function normaliseForTriggers(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9*#]+/g, ' ')
    .trim();
}

/** Why a trigger cannot be used, or null. */
function triggerProblem(raw: string): string | null {
  const t = normaliseForTriggers(raw);
  if (t.replace(/[*#\s]/g, '').length < 2) return `"${raw}" is too short (at least two letters or digits)`;
  if (/\*/.test(t.slice(1, -1))) return `"${raw}" has * in the middle (use it only at the start or the end)`;
  return null;
}

function triggerSource(raw: string): string {
  const t = normaliseForTriggers(raw);
  const lead = t.startsWith('*') ? '[a-z0-9]*' : '';
  const tail = t.endsWith('*') ? '[a-z0-9]*' : '';
  const core = t
    .replace(/^\*|\*$/g, '')
    .split('')
    .map((c) => (c === '#' ? '\\d' : c === ' ' ? ' ' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return `${lead}${core}${tail}`;
}

export function compileTriggers(triggers: readonly string[]): RegExp {
  return new RegExp(`(?<![a-z0-9])(?:${triggers.map(triggerSource).join('|')})(?![a-z0-9])`);
}

/** The parts whose triggers occur in the message, in file order, at most MAX_PARTS_SHOWN. */
export function partsAskedAbout(parts: readonly AnswerPart[], message: string): AnswerPart[] {
  const text = normaliseForTriggers(message).replace(/[*#]/g, ' ');
  if (!text) return [];
  return parts.filter((p) => p.pattern.test(text)).slice(0, MAX_PARTS_SHOWN);
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const PART_KEYS = ['id', 'triggers', 'ms', 'en', 'sources'];

/**
 * Validates the `parts:` list of an answer file. `parseSources` is the file's own source parser, so
 * part sources follow the same rules as the answer's.
 */
export function parseParts(
  y: YamlFile,
  value: unknown,
  parseSources: (at: FieldPath, value: unknown) => Source[] | null,
): AnswerPart[] {
  if (!Array.isArray(value)) {
    y.problem(['parts'], 'must be a list of {id, triggers: {ms, en}, ms, en}');
    return [];
  }
  const out: AnswerPart[] = [];
  const ids = new Set<string>();
  const triggerOwner = new Map<string, string>();
  value.forEach((item, i) => {
    const at: FieldPath = ['parts', i];
    const p = asRecord(item);
    if (!p) {
      y.problem(at, 'must have id, triggers, ms and en');
      return;
    }
    const start = y.problemCount;
    for (const key of Object.keys(p)) if (!PART_KEYS.includes(key)) y.problem([...at, key], `is not a known field (use ${PART_KEYS.join(', ')})`);

    const id = typeof p.id === 'string' ? p.id.trim() : '';
    if (!/^[a-z][a-z0-9_]*$/.test(id)) y.problem([...at, 'id'], p.id === undefined ? 'is missing' : 'must be lower-case letters, digits and _ (e.g. opt_out)');
    else if (ids.has(id)) y.problem([...at, 'id'], `"${id}" is used by another part`);
    ids.add(id);

    const triggers: Partial<Record<Lang, string[]>> = {};
    const t = asRecord(p.triggers);
    if (!t) y.problem([...at, 'triggers'], 'must have ms and en, each a list of words or phrases');
    else {
      for (const key of Object.keys(t)) if (!(LANGS as readonly string[]).includes(key)) y.problem([...at, 'triggers', key], 'is not a language (use ms or en)');
      for (const lang of LANGS) {
        const list = t[lang];
        if (!Array.isArray(list) || list.length === 0) {
          y.problem([...at, 'triggers', lang], 'must be a non-empty list of words or phrases (both languages: employers write both)');
          continue;
        }
        const words: string[] = [];
        list.forEach((w, j) => {
          if (typeof w !== 'string') {
            y.problem([...at, 'triggers', lang, j], 'must be a word or phrase written as text');
            return;
          }
          const problem = triggerProblem(w);
          if (problem) {
            y.problem([...at, 'triggers', lang, j], problem);
            return;
          }
          const key = normaliseForTriggers(w);
          const owner = triggerOwner.get(key);
          if (owner !== undefined && owner !== id) y.problem([...at, 'triggers', lang, j], `"${w}" is also a trigger of part "${owner}"`);
          triggerOwner.set(key, id);
          words.push(w);
        });
        triggers[lang] = words;
      }
    }

    const text: Partial<Record<Lang, string>> = {};
    for (const lang of LANGS) {
      const s = typeof p[lang] === 'string' ? (p[lang] as string).trim() : '';
      if (!s) y.problem([...at, lang], p[lang] === undefined ? 'is missing (every part needs both ms and en)' : 'must be a non-empty text');
      else if (countWords(s) > MAX_PART_WORDS) y.problem([...at, lang], `has ${countWords(s)} words; the limit for a part is ${MAX_PART_WORDS}`);
      text[lang] = s;
    }
    const sources = p.sources === undefined || p.sources === null ? [] : parseSources([...at, 'sources'], p.sources) ?? [];

    if (y.problemCount > start || !triggers.ms || !triggers.en || !text.ms || !text.en) return;
    out.push({ id, triggers: { ms: triggers.ms, en: triggers.en }, text: { ms: text.ms, en: text.en }, sources, pattern: compileTriggers([...triggers.ms, ...triggers.en]) });
  });
  return out;
}
