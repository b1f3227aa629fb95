/**
 * One answer file (answers/<intent>.yaml): the schema a support officer edits, and its validation.
 *
 *   intent: login_how            # an id from intents.json
 *   variant: kwsp                # only for intents with variants (intents.yaml)
 *   verified: 2026-11-26         # when the text was last checked against the fact sheet
 *   sources: [{title, url}]      # shown as links; at least one unless the intent is sourceless (intents.yaml)
 *   suggestions: [forgot_password, {ms: {title, value}, en: {title, value}}]
 *   ms: {text, more?, brief?, sources?}  # text: chat-sized; more: shown after the "more" button;
 *   en: {text, more?, brief?, sources?}  # brief: what follows a part (required with parts)
 *   parts: [{id, triggers: {ms, en}, ms, en, sources?}]  # optional: what a sub-question leads with (answerParts.ts)
 */
import type { Lang, Source, Suggestion } from './types';
import { LANGS } from './types';
import { parseSuggestionPair } from './buttons';
import { isIsoDate } from './clock';
import type { IntentCatalogue } from './catalogue';
import { findUrls, urlProblem } from './urls';
import { countWords } from './words';
import { MAX_BRIEF_WORDS, parseParts, type AnswerPart } from './answerParts';
import { YamlFile } from './yamlFile';
import type { FieldPath } from './yamlFile';

export const MAX_TEXT_WORDS = 80;
export const MAX_MORE_WORDS = 120;

/** Placeholders an answer may contain (intents with the trait shows_hotline must use it). */
export const ANSWER_PLACEHOLDERS = ['hotline_status'] as const;

export type SuggestionSpec = { intent: string } | { fixed: Record<Lang, Suggestion> };

export interface LangAnswer {
  text: string;
  more: string | null;
  /** The answer in a sentence or two, shown after a part that leads the reply; set when the file has parts. */
  brief: string | null;
  sources: Source[];
}

export interface AnswerRecord {
  file: string;
  intent: string;
  variant: string | null;
  verified: string;
  suggestions: SuggestionSpec[];
  ms: LangAnswer;
  en: LangAnswer;
  /** Sub-question parts (empty for most answers). */
  parts: AnswerPart[];
}

export interface AnswerContext {
  knownIntents: readonly string[];
  /** The intent catalogue (intents.yaml): variants, sourceless and shows_hotline. */
  catalogue: IntentCatalogue;
  /** Intents that have a button label (intents.yaml), so they can be offered as suggestions. */
  buttonIntents: ReadonlySet<string>;
  /** The longest text each placeholder can expand to, for the word limit. */
  placeholderSample: Record<Lang, Record<string, string>>;
}

const TOP_KEYS = ['intent', 'variant', 'verified', 'sources', 'suggestions', 'ms', 'en', 'parts'];
const LANG_KEYS = ['text', 'more', 'brief', 'sources'];

function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

function parseSources(y: YamlFile, at: FieldPath, value: unknown): Source[] | null {
  if (!Array.isArray(value)) {
    y.problem(at, 'must be a list of {title, url}');
    return null;
  }
  const out: Source[] = [];
  value.forEach((item, i) => {
    const s = asRecord(item);
    if (!s) {
      y.problem([...at, i], 'must have title and url');
      return;
    }
    for (const key of Object.keys(s)) if (key !== 'title' && key !== 'url') y.problem([...at, i, key], 'is not a known field (use title and url)');
    const title = typeof s.title === 'string' ? s.title.trim() : '';
    if (!title) y.problem([...at, i, 'title'], s.title === undefined ? 'is missing' : 'is empty');
    const problem = typeof s.url === 'string' ? urlProblem(s.url) : s.url === undefined ? 'is missing' : 'must be a URL written as text';
    if (problem) y.problem([...at, i, 'url'], problem);
    if (title && !problem) out.push({ title, url: s.url as string });
  });
  return out;
}

function checkText(y: YamlFile, at: FieldPath, text: string, maxWords: number, sample: Record<string, string>): void {
  for (const m of text.matchAll(/\{([^{}]*)\}/g)) {
    if (!(ANSWER_PLACEHOLDERS as readonly string[]).includes(m[1])) {
      y.problem(at, `uses an unknown placeholder {${m[1]}} (allowed: ${ANSWER_PLACEHOLDERS.map((p) => `{${p}}`).join(', ')})`);
    }
  }
  const expanded = text.replace(/\{([^{}]*)\}/g, (whole, name: string) => sample[name] ?? whole);
  const words = countWords(expanded);
  if (words > maxWords) {
    const extra = /\{/.test(text) ? ' including the longest hotline status' : '';
    y.problem(at, `has ${words} words${extra}; the limit is ${maxWords}${at[at.length - 1] === 'text' ? ' (move the rest to more)' : ''}`);
  }
  for (const url of findUrls(text)) {
    const problem = urlProblem(url);
    if (problem) y.problem(at, `contains a URL that ${problem}`);
  }
}

/** Validates one parsed answer file; problems are reported through `y`, and a record is returned only when there are none. */
export function parseAnswerFile(y: YamlFile, file: string, ctx: AnswerContext): AnswerRecord | null {
  const start = y.problemCount;
  const data = asRecord(y.data);
  if (!data) {
    if (y.data !== undefined) y.problem([], 'must be a mapping with intent, verified, sources, suggestions, ms and en');
    return null;
  }
  for (const key of Object.keys(data)) {
    if (!TOP_KEYS.includes(key)) y.problem([key], `is not a known field (use ${TOP_KEYS.join(', ')})`);
  }

  const intent = typeof data.intent === 'string' ? data.intent.trim() : '';
  if (!intent) y.problem(['intent'], data.intent === undefined ? 'is missing' : 'is empty');
  else if (!ctx.knownIntents.includes(intent)) y.problem(['intent'], `"${intent}" is not a known intent (see intents.yaml)`);

  let variant: string | null = null;
  if (data.variant !== undefined) {
    const allowed = ctx.catalogue.variants(intent);
    variant = typeof data.variant === 'string' ? data.variant.trim() : '';
    if (allowed.length === 0) y.problem(['variant'], `is not used for intent "${intent}"`);
    else if (!allowed.includes(variant)) y.problem(['variant'], `"${variant}" is not a variant of ${intent} (use ${allowed.join(', ')})`);
  }

  const verified = typeof data.verified === 'string' ? data.verified : '';
  if (!isIsoDate(verified)) {
    y.problem(['verified'], data.verified === undefined ? 'is missing (the date the answer was checked, YYYY-MM-DD)' : 'must be a real date written YYYY-MM-DD');
  }
  // No "not in the future" check: it would make the start depend on the machine's clock.

  const shared = data.sources === undefined || data.sources === null ? [] : parseSources(y, ['sources'], data.sources) ?? [];

  const suggestions: SuggestionSpec[] = [];
  if (data.suggestions !== undefined && data.suggestions !== null) {
    if (!Array.isArray(data.suggestions)) {
      y.problem(['suggestions'], 'must be a list of intent ids or {ms: {title, value}, en: {title, value}}');
    } else {
      data.suggestions.forEach((s, i) => {
        if (typeof s === 'string') {
          if (!ctx.knownIntents.includes(s)) y.problem(['suggestions', i], `"${s}" is not a known intent`);
          else if (!ctx.buttonIntents.has(s)) y.problem(['suggestions', i], `"${s}" has no button label in intents.yaml`);
          else suggestions.push({ intent: s });
        } else {
          const fixed = parseSuggestionPair(y, ['suggestions', i], s);
          if (fixed) suggestions.push({ fixed });
        }
      });
    }
  }

  let parts: AnswerPart[] = [];
  if (data.parts !== undefined && data.parts !== null) {
    if (variant !== null) y.problem(['parts'], 'is not supported for variant answers');
    else parts = parseParts(y, data.parts, (at, value) => parseSources(y, at, value));
  }

  const langs: Partial<Record<Lang, LangAnswer>> = {};
  const unsourced: Lang[] = [];
  for (const lang of LANGS) {
    const block = data[lang];
    if (block === undefined || block === null) {
      y.problem([lang], 'is missing (every answer needs both ms and en)');
      continue;
    }
    const b = asRecord(block);
    if (!b) {
      y.problem([lang], 'must have text (and optionally more, sources)');
      continue;
    }
    for (const key of Object.keys(b)) if (!LANG_KEYS.includes(key)) y.problem([lang, key], `is not a known field (use ${LANG_KEYS.join(', ')})`);
    const text = typeof b.text === 'string' ? b.text.trim() : '';
    if (!text) {
      y.problem([lang, 'text'], b.text === undefined || b.text === null ? 'is missing' : 'is empty');
    } else {
      checkText(y, [lang, 'text'], text, MAX_TEXT_WORDS, ctx.placeholderSample[lang]);
      if (ctx.catalogue.has(intent, 'shows_hotline') && !text.includes('{hotline_status}')) {
        y.problem([lang, 'text'], 'must include {hotline_status} (the live open/closed line)');
      }
    }
    let more: string | null = null;
    if (b.more !== undefined && b.more !== null) {
      more = typeof b.more === 'string' ? b.more.trim() : '';
      if (!more) y.problem([lang, 'more'], 'is empty (remove it or write the continuation)');
      else if (variant !== null) y.problem([lang, 'more'], 'is not supported for variant answers (keep them within the text)');
      else checkText(y, [lang, 'more'], more, MAX_MORE_WORDS, ctx.placeholderSample[lang]);
    }
    let brief: string | null = null;
    if (b.brief !== undefined && b.brief !== null) {
      brief = typeof b.brief === 'string' ? b.brief.trim() : '';
      if (!brief) y.problem([lang, 'brief'], 'is empty (remove it or write the answer in a sentence or two)');
      else if (data.parts === undefined || data.parts === null) y.problem([lang, 'brief'], 'is only used with parts (add parts or remove it)');
      else checkText(y, [lang, 'brief'], brief, MAX_BRIEF_WORDS, ctx.placeholderSample[lang]);
    } else if (data.parts !== undefined && data.parts !== null) {
      y.problem([lang, 'brief'], 'is missing (an answer with parts needs the answer in a sentence or two, shown after the part)');
    }
    const sources = b.sources === undefined || b.sources === null ? shared : parseSources(y, [lang, 'sources'], b.sources) ?? [];
    if (sources.length === 0) unsourced.push(lang);
    langs[lang] = { text, more: more || null, brief: brief || null, sources };
  }
  if (unsourced.length > 0 && intent && !ctx.catalogue.has(intent, 'sourceless')) {
    y.problem(['sources'], `${data.sources === undefined ? 'is missing' : 'is empty'}: ${unsourced.join(' and ')} need at least one source (title and url)`);
  }

  if (y.problemCount > start || !langs.ms || !langs.en) return null;
  return { file, intent, variant, verified, suggestions, ms: langs.ms, en: langs.en, parts };
}
