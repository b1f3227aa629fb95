/** A button in both languages ({ms: {title, value}, en: {title, value}}), as intents.yaml and answer files write it. */
import type { Lang, Suggestion } from './types';
import { LANGS } from './types';
import type { YamlFile } from './yamlFile';

/** Parses {ms: {title, value}, en: {title, value}}, reporting problems under `at`. */
export function parseSuggestionPair(y: YamlFile, at: ReadonlyArray<string | number>, entry: unknown): Record<Lang, Suggestion> | null {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    y.problem(at, 'must have ms and en, each with title and value');
    return null;
  }
  const e = entry as Record<string, unknown>;
  let ok = true;
  const out: Partial<Record<Lang, Suggestion>> = {};
  for (const key of Object.keys(e)) {
    if (!(LANGS as readonly string[]).includes(key)) {
      y.problem([...at, key], 'is not a language (use ms or en)');
      ok = false;
    }
  }
  for (const lang of LANGS) {
    const s = e[lang];
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      y.problem([...at, lang], 'is missing (give title and value)');
      ok = false;
      continue;
    }
    const { title, value } = s as Record<string, unknown>;
    for (const key of Object.keys(s)) {
      if (key !== 'title' && key !== 'value') {
        y.problem([...at, lang, key], 'is not a known field (use title and value; quote texts that contain a comma)');
        ok = false;
      }
    }
    for (const [field, v] of [['title', title], ['value', value]] as const) {
      if (typeof v !== 'string' || v.trim() === '') {
        y.problem([...at, lang, field], v === undefined ? 'is missing' : 'is empty');
        ok = false;
      }
    }
    if (typeof title === 'string' && typeof value === 'string') out[lang] = { title: title.trim(), value: value.trim() };
  }
  return ok ? (out as Record<Lang, Suggestion>) : null;
}
