/** Button labels that lead to an intent (buttons.yaml): used for follow-up suggestions, menus and clarifying questions. */
import type { Lang, Suggestion } from './types';
import { LANGS } from './types';
import { YamlFile } from './yamlFile';

export type ButtonTable = Map<string, Record<Lang, Suggestion>>;

/** Reads buttons.yaml; problems are appended. Entries with problems are left out. */
export function loadButtons(file: string, knownIntents: readonly string[], problems: string[]): ButtonTable {
  const table: ButtonTable = new Map();
  const y = YamlFile.read(file, problems);
  if (y.data === undefined) return table;
  if (typeof y.data !== 'object' || y.data === null || Array.isArray(y.data)) {
    y.problem([], 'must map intent ids to {ms: {title, value}, en: {title, value}}');
    return table;
  }
  for (const [intent, entry] of Object.entries(y.data as Record<string, unknown>)) {
    if (!knownIntents.includes(intent)) {
      y.problem([intent], 'is not a known intent');
      continue;
    }
    const parsed = parseSuggestionPair(y, [intent], entry);
    if (parsed) table.set(intent, parsed);
  }
  return table;
}

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
