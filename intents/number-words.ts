// Numbers as employers type them in words or half in words: "dua ribu tiga ratus", "2 ribu setengah",
// "dua setengah ribu", "one thousand eight hundred and fifty", "3 ribu 200". The words come from
// intents/lexicon/numbers.json; values are decimal.js (halves make fractions before a multiplier).
import * as fs from 'fs';
import * as path from 'path';
import Decimal from 'decimal.js';
import { LEXICON_DIR } from './lexicon';

type WordKind = 'value' | 'tens' | 'teens' | 'multiplier' | 'half' | 'and';

interface Word {
  kind: WordKind;
  value: number;
}

export interface NumberWords {
  words: Map<string, Word>;
  /** alias -> the words it stands for ("seribu" -> ["satu", "ribu"]). */
  aliases: Map<string, string[]>;
  /** Quick test: does a text hold any number word at all (values below ten excepted: they alone make no wage). */
  any: RegExp;
}

const SIDES = ['ms', 'en'] as const;

export function loadNumberWords(dir = LEXICON_DIR): NumberWords {
  const file = path.join(dir, 'numbers.json');
  const fail = (msg: string): never => {
    throw new Error(`${file}: ${msg}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return fail(`cannot read or parse (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail('expected a JSON object');
  const words = new Map<string, Word>();
  const rawAliases = new Map<string, string>();
  const key = (w: unknown, where: string): string => {
    if (typeof w !== 'string' || !/^[a-z]+$/.test(w)) fail(`${where}: "${String(w)}" must be lower-case letters only`);
    if (words.has(w as string) || rawAliases.has(w as string)) fail(`${where}: "${String(w)}" is listed twice`);
    return w as string;
  };
  for (const side of SIDES) {
    const s = (data as Record<string, unknown>)[side];
    if (!s || typeof s !== 'object') fail(`"${side}" must be an object`);
    const o = s as Record<string, unknown>;
    const obj = (field: string): Record<string, unknown> => {
      const v = o[field];
      if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(`"${side}.${field}" must be an object`);
      return v as Record<string, unknown>;
    };
    const list = (field: string): unknown[] => {
      const v = o[field];
      if (!Array.isArray(v)) return fail(`"${side}.${field}" must be an array`);
      return v;
    };
    for (const [w, v] of Object.entries(obj('values'))) {
      if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 99) fail(`"${side}.values.${w}" must be a whole number 0-99`);
      if ((v as number) >= 20 && (v as number) % 10 !== 0) fail(`"${side}.values.${w}": from 20 up only whole tens (twenty, thirty)`);
      words.set(key(w, `${side}.values`), { kind: 'value', value: v as number });
    }
    for (const [w, v] of Object.entries(obj('multipliers'))) {
      if (!Number.isInteger(v) || (v as number) < 100 || !/^10+$/.test(String(v))) fail(`"${side}.multipliers.${w}" must be 100, 1000, 1000000...`);
      words.set(key(w, `${side}.multipliers`), { kind: 'multiplier', value: v as number });
    }
    for (const kind of ['tens', 'teens', 'half', 'and'] as const) {
      for (const w of list(kind)) words.set(key(w, `${side}.${kind}`), { kind, value: kind === 'tens' ? 10 : kind === 'teens' ? 10 : 0 });
    }
    for (const [w, v] of Object.entries(obj('aliases'))) {
      if (typeof v !== 'string' || !v.trim()) fail(`"${side}.aliases.${w}" must be a non-empty string`);
      rawAliases.set(key(w, `${side}.aliases`), (v as string).trim());
    }
  }
  const aliases = new Map<string, string[]>();
  for (const [w, v] of rawAliases) {
    const parts = v.split(/\s+/);
    for (const p of parts) if (!words.has(p)) fail(`alias "${w}": "${p}" is not a number word of the file`);
    aliases.set(w, parts);
  }
  // a lone small value or "and" never makes a wage: the quick test looks only for words that can
  const strong = [...words].filter(([, w]) => w.kind === 'multiplier' || w.kind === 'tens' || w.kind === 'teens' || (w.kind === 'value' && w.value >= 10)).map(([k]) => k);
  // letters on both sides end a word, digits do not: "2ribu500"
  const any = new RegExp(String.raw`(?<![a-z])(?:${[...strong, ...aliases.keys()].sort((a, b) => b.length - a.length).join('|')})(?![a-z])`, 'i');
  return { words, aliases, any };
}

export interface NumberPhrase {
  start: number;
  end: number;
  value: Decimal;
  /** At least one word ("2 ribu"), not digits alone. */
  words: boolean;
}

type Kind = 'unit' | 'teenword' | 'tensword' | 'digits' | 'tens' | 'teens' | 'hundred' | 'scale' | 'half' | 'and' | 'a' | 'other';

interface Tok {
  start: number;
  end: number;
  kind: Kind;
  value: Decimal;
  word: boolean;
}

const TOKEN = /\d+(?:[.,]\d+)*|[a-z]+/gi;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^\d+(?:\.\d+)?$/;
const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const HALF = new Decimal(0.5);

function kindOf(def: Word): Kind {
  switch (def.kind) {
    case 'value':
      return def.value < 10 ? 'unit' : def.value < 20 ? 'teenword' : 'tensword';
    case 'multiplier':
      return def.value === 100 ? 'hundred' : 'scale';
    default:
      return def.kind;
  }
}

function tokens(text: string, nw: NumberWords): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const s = m.index!;
    const e = s + m[0].length;
    const raw = m[0];
    if (/^\d/.test(raw)) {
      const ok = THOUSANDS.test(raw) || PLAIN.test(raw);
      out.push({ start: s, end: e, kind: ok ? 'digits' : 'other', value: ok ? new Decimal(raw.replace(/,/g, '')) : ZERO, word: false });
      continue;
    }
    const lower = raw.toLowerCase();
    if (lower === 'a' || lower === 'an') {
      out.push({ start: s, end: e, kind: 'a', value: ONE, word: false });
      continue;
    }
    const parts = nw.aliases.get(lower) ?? [lower];
    for (const w of parts) {
      const def = nw.words.get(w);
      if (!def) {
        out.push({ start: s, end: e, kind: 'other', value: ZERO, word: false });
        break;
      }
      out.push({ start: s, end: e, kind: kindOf(def), value: new Decimal(def.value), word: def.kind !== 'and' });
    }
  }
  return out;
}

/**
 * Every number of the text written with at least one number word ("dua ribu", "2 ribu", "fifty"),
 * each read as one value: "seribu lapan ratus" 1800, "3 ribu 200" 3200. Two numbers side by side
 * ("dua ribu tiga ribu", "1500 dan 2300") stay two. Numbers in digits alone are left to the callers.
 */
export function findNumberPhrases(text: string, nw: NumberWords = NUMBER_WORDS): NumberPhrase[] {
  if (!nw.any.test(text)) return [];
  const toks = tokens(text, nw);
  const out: NumberPhrase[] = [];
  let i = 0;
  while (i < toks.length) {
    const r = readPhrase(text, toks, i);
    if (r.end > i) {
      const used = toks.slice(i, r.end);
      if (used.some((t) => t.word)) out.push({ start: used[0].start, end: used[used.length - 1].end, value: r.value, words: true });
      i = r.end;
    } else i++;
  }
  return out;
}

interface Read {
  /** Index after the last token used. */
  end: number;
  value: Decimal;
}

/** Reads one number from toks[i]; end === i when toks[i] cannot start one. */
function readPhrase(text: string, toks: Tok[], i: number): Read {
  let total = ZERO; // what the multipliers from a thousand up have made
  let cur = ZERO; // the part below the last such multiplier
  let lastUnit = ZERO;
  let last: Kind | null = null;
  let lastMult = 0; // the multiplier last applied (for "2 ribu setengah", "three hundred and ten")
  let bigScale = Infinity;
  let joined = false; // an "and"/"dan" was just read
  // after each multiplier from a thousand up: where to end if what follows turns out to be another number
  let safe: Read = { end: i, value: ZERO };
  let j = i;
  for (; j < toks.length; j++) {
    const t = toks[j];
    if (j > i && !/^[\s-]*$/.test(text.slice(toks[j - 1].end, t.start))) break;
    const v = t.value;
    const next = toks[j + 1];
    let ok = true;
    switch (t.kind) {
      case 'other':
        ok = false;
        break;
      case 'a': // "a thousand", "and a half"
        if (last === null && next && (next.kind === 'hundred' || next.kind === 'scale')) cur = ONE;
        else if (joined && next?.kind === 'half') continue;
        else ok = false;
        break;
      case 'and': {
        const after = next?.kind === 'a' ? toks[j + 2] : next;
        ok =
          !!after &&
          !joined &&
          last !== null &&
          last !== 'half' &&
          (after.kind === 'half' ||
            ((last === 'hundred' || last === 'scale') && ['unit', 'teenword', 'tensword', 'digits'].includes(after.kind) && after.value.lt(lastMult)));
        if (ok) {
          joined = true;
          continue;
        }
        break;
      }
      case 'digits':
        if (last === null) cur = v;
        else if (last === 'scale' && cur.eq(0) && v.lt(lastMult)) cur = v;
        else if (last === 'hundred' && v.lt(100)) cur = cur.plus(v);
        else ok = false;
        lastUnit = v;
        break;
      case 'unit':
      case 'teenword':
      case 'tensword':
        if (last === null || last === 'scale' || last === 'hundred' || ((last === 'tensword' || last === 'tens') && t.kind === 'unit')) {
          cur = cur.plus(v);
          lastUnit = v;
        } else ok = false;
        break;
      case 'tens': // puluh: "dua puluh" 20
        if (last === 'unit' && !joined) cur = cur.plus(lastUnit.times(9));
        else ok = false;
        break;
      case 'teens': // belas: "dua belas" 12
        if (last === 'unit' && !joined) cur = cur.plus(10);
        else ok = false;
        break;
      case 'hundred':
        if (cur.gt(0) && cur.lt(100) && !joined && last !== 'scale' && last !== 'hundred') {
          cur = cur.times(100);
          lastMult = 100;
        } else ok = false;
        break;
      case 'scale':
        if (cur.gt(0) && v.lt(bigScale) && !joined && last !== 'scale') {
          total = total.plus(cur.times(v));
          cur = ZERO;
          bigScale = v.toNumber();
          lastMult = bigScale;
        } else ok = false;
        break;
      case 'half':
        if (last === 'scale') total = total.plus(HALF.times(lastMult)); // "2 ribu setengah" 2500
        else if (last === 'hundred') cur = cur.plus(50); // "dua ratus setengah" 250
        else if (last === null) cur = HALF; // "setengah juta"
        else if (last === 'unit' || last === 'teenword' || last === 'tensword' || last === 'tens' || last === 'teens') cur = cur.plus(HALF); // "dua setengah ribu"
        else ok = false;
        break;
    }
    if (!ok) {
      // "dua ribu tiga ribu": the second multiplier starts a new number, from the last safe point
      if ((t.kind === 'scale' || t.kind === 'hundred') && safe.end > i && safe.end < j) return safe;
      break;
    }
    joined = false;
    last = t.kind === 'digits' ? (cur.gte(100) && last !== null ? 'digits' : 'unit') : t.kind === 'a' ? 'unit' : t.kind;
    if (t.kind === 'scale' || (t.kind === 'half' && toks[j - 1]?.kind === 'scale')) safe = { end: j + 1, value: total.plus(cur) };
  }
  // a trailing joiner belongs to what follows
  while (j > i && (toks[j - 1].kind === 'and' || toks[j - 1].kind === 'a')) j--;
  return { end: j, value: total.plus(cur) };
}

/** The default words (intents/lexicon/numbers.json), read and checked once when the module loads. */
export const NUMBER_WORDS: NumberWords = loadNumberWords();

/** The whole text read as one number ("dua", "sepuluh", "two", "20"), or null. For counts before a unit: "dua minggu". */
export function readNumber(text: string, nw: NumberWords = NUMBER_WORDS): Decimal | null {
  const toks = tokens(text.trim(), nw);
  if (!toks.length) return null;
  const r = readPhrase(text.trim(), toks, 0);
  return r.end === toks.length ? r.value : null;
}
