// Loads and validates the normaliser's data files (intents/lexicon/*.json) so that a support
// officer's typo fails at start-up with the file and the field, not as a wrong answer later.
import * as fs from 'fs';
import * as path from 'path';
import type { Lang } from './types';
import { fromRoot } from '../project-root';

export const LEXICON_DIR = fromRoot('intents', 'lexicon');

export interface ShortformLexicon {
  /** token -> replacement words */
  tokens: Map<string, string[]>;
  /** multi-word spelling -> replacement, applied after the token step */
  phrases: Map<string, string>;
}

export interface LangWords {
  strong: Record<Lang, string[]>;
  words: Record<Lang, string[]>;
  neutral: string[];
}

export interface LangSwitchLexicon {
  maxWords: number;
  phrases: Record<Lang, string[]>;
  alone: Record<Lang, string[]>;
}

function readJson(file: string): Record<string, unknown> {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read (${(e as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected a JSON object`);
  return data as Record<string, unknown>;
}

function stringMap(file: string, field: string, value: unknown): Map<string, string> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${file}: "${field}" must be an object of strings`);
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v !== 'string' || !v.trim()) throw new Error(`${file}: "${field}.${k}" must be a non-empty string`);
    if (k !== k.toLowerCase().trim() || !k) throw new Error(`${file}: "${field}" key "${k}" must be lower-case and trimmed`);
    out.set(k, v.toLowerCase().trim());
  }
  return out;
}

function stringList(file: string, field: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new Error(`${file}: "${field}" must be an array of strings`);
  return value.map((v, i) => {
    if (typeof v !== 'string' || !v.trim()) throw new Error(`${file}: "${field}[${i}]" must be a non-empty string`);
    return v.toLowerCase().trim();
  });
}

export function loadShortforms(dir = LEXICON_DIR): ShortformLexicon {
  const file = path.join(dir, 'shortforms.json');
  const data = readJson(file);
  const tokens = new Map<string, string[]>();
  for (const [k, v] of stringMap(file, 'tokens', data.tokens)) {
    if (/\s/.test(k)) throw new Error(`${file}: "tokens" key "${k}" must be one word (put it under "phrases")`);
    tokens.set(k, v.split(/\s+/));
  }
  return { tokens, phrases: stringMap(file, 'phrases', data.phrases) };
}

export function loadLangWords(dir = LEXICON_DIR): LangWords {
  const file = path.join(dir, 'langwords.json');
  const data = readJson(file);
  const side = (lang: Lang): { strong: string[]; words: string[] } => {
    const v = data[lang];
    if (!v || typeof v !== 'object') throw new Error(`${file}: "${lang}" must be an object with "strong" and "words"`);
    const o = v as Record<string, unknown>;
    return { strong: stringList(file, `${lang}.strong`, o.strong), words: stringList(file, `${lang}.words`, o.words) };
  };
  const ms = side('ms');
  const en = side('en');
  const neutral = stringList(file, 'neutral', data.neutral);
  const msAll = new Set([...ms.strong, ...ms.words]);
  for (const w of [...en.strong, ...en.words]) {
    if (msAll.has(w)) throw new Error(`${file}: "${w}" is listed for both ms and en (move it to "neutral")`);
  }
  return { strong: { ms: ms.strong, en: en.strong }, words: { ms: ms.words, en: en.words }, neutral };
}

export function loadLangSwitch(dir = LEXICON_DIR): LangSwitchLexicon {
  const file = path.join(dir, 'langswitch.json');
  const data = readJson(file);
  const maxWords = data.maxWords;
  if (typeof maxWords !== 'number' || !Number.isInteger(maxWords) || maxWords < 1) throw new Error(`${file}: "maxWords" must be a positive integer`);
  const side = (lang: Lang): { phrases: string[]; alone: string[] } => {
    const v = data[lang];
    if (!v || typeof v !== 'object') throw new Error(`${file}: "${lang}" must be an object with "phrases" and "alone"`);
    const o = v as Record<string, unknown>;
    return { phrases: stringList(file, `${lang}.phrases`, o.phrases), alone: stringList(file, `${lang}.alone`, o.alone) };
  };
  const ms = side('ms');
  const en = side('en');
  return { maxWords, phrases: { ms: ms.phrases, en: en.phrases }, alone: { ms: ms.alone, en: en.alone } };
}

/** Topic name -> words and phrases (intents/lexicon/topics.json). */
export type Topics = Map<string, string[]>;

export function loadTopics(dir = LEXICON_DIR): Topics {
  const file = path.join(dir, 'topics.json');
  const data = readJson(file);
  const out: Topics = new Map();
  for (const [k, v] of Object.entries(data)) {
    if (k === 'about') continue;
    if (!/^[a-z_]+$/.test(k)) throw new Error(`${file}: topic name "${k}" must be lower-case letters and _`);
    out.set(k, stringList(file, k, v));
  }
  return out;
}
