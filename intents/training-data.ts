// Reads the training utterances (intents/data/<intent>.json: {"intent", "ms": [...], "en": [...], "mixed": [...]})
// and refuses, naming the file and the problem, anything a support officer might get wrong while editing.
import * as fs from 'fs';
import * as path from 'path';
import { INTENT_IDS, type IntentId } from './ids';
import { fromRoot } from '../project-root';

export const DEFAULT_DATA_DIR = fromRoot('intents', 'data');

export type DataLang = 'ms' | 'en' | 'mixed';
export const DATA_LANGS: readonly DataLang[] = ['ms', 'en', 'mixed'];

export interface Example {
  text: string;
  intent: IntentId;
  lang: DataLang;
  file: string;
}

/**
 * Reads every training file of `dir`. `intents` is the catalogue's id list (knowledge/intents.yaml): each
 * file must be for one of them, and each of them needs training lines.
 */
export function loadTrainingData(dir: string = DEFAULT_DATA_DIR, intents: readonly IntentId[] = INTENT_IDS): Example[] {
  const known = new Set<string>(intents);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json')).sort();
  } catch (e) {
    throw new Error(`${dir}: cannot read the training data folder (${(e as Error).message})`);
  }
  const examples: Example[] = [];
  const seen = new Map<string, string>(); // lower-cased text -> "file (lang)"
  const covered = new Set<string>();
  for (const name of names) {
    const file = path.join(dir, name);
    for (const ex of readFile(file, known)) {
      const key = ex.text.toLowerCase().replace(/\s+/g, ' ');
      const prev = seen.get(key);
      if (prev) throw new Error(`${file}: duplicate line "${ex.text}" (${ex.lang}; also in ${prev})`);
      seen.set(key, `${path.basename(ex.file)} (${ex.lang})`);
      covered.add(ex.intent);
      examples.push(ex);
    }
  }
  const missing = intents.filter((id) => !covered.has(id));
  if (missing.length) throw new Error(`${dir}: no training data for intent(s) ${missing.join(', ')} (listed in the intent catalogue)`);
  return examples;
}

function readFile(file: string, known: ReadonlySet<string>): Example[] {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected an object {"intent", "ms", "en", "mixed"}`);
  const o = data as Record<string, unknown>;
  if (typeof o.intent !== 'string') throw new Error(`${file}: missing "intent"`);
  if (!known.has(o.intent)) throw new Error(`${file}: unknown intent id "${o.intent}" (not in the intent catalogue, knowledge/intents.yaml)`);
  const expected = path.basename(file, '.json');
  if (o.intent !== expected) throw new Error(`${file}: "intent" is "${o.intent}" but the file is named for "${expected}"`);
  for (const k of Object.keys(o)) {
    if (k !== 'intent' && k !== 'about' && !(DATA_LANGS as readonly string[]).includes(k)) throw new Error(`${file}: unexpected key "${k}"`);
  }
  const out: Example[] = [];
  for (const lang of DATA_LANGS) {
    const lines = o[lang];
    if (lines === undefined) throw new Error(`${file}: missing language key "${lang}"`);
    if (!Array.isArray(lines)) throw new Error(`${file}: "${lang}" must be an array of strings`);
    lines.forEach((line, i) => {
      if (typeof line !== 'string') throw new Error(`${file}: "${lang}"[${i}] is not a string`);
      if (!line.trim()) throw new Error(`${file}: "${lang}"[${i}] is an empty line`);
      out.push({ text: line.trim(), intent: o.intent as IntentId, lang, file });
    });
  }
  return out;
}
