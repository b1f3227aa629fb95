// Feature extraction for the classifier: words, their Malay/English stems, word pairs, character
// n-grams inside word boundaries (they carry over spelling variants and Malay affixes), entity flags
// (a wage or age in the message says "quote" whatever the words are) and caller-supplied extras.
import type { Entities } from './types';
import { stems, type StemMode } from './stem';

export interface FeatureBag {
  /** Feature names, each with its weight (groups are scaled so long messages do not dominate). */
  names: string[];
  values: number[];
}

export interface FeatureOptions {
  charMin: number;
  charMax: number;
  stems: StemMode;
  weights: { word: number; bigram: number; char: number; entity: number };
}

export const DEFAULT_FEATURES: FeatureOptions = {
  charMin: 3,
  charMax: 4,
  stems: 'malay',
  weights: { word: 1.0, bigram: 0.6, char: 1.0, entity: 0.8 },
};

interface TokenFeatures {
  words: string[];
  chars: string[];
}

// Per-token features are cached: the same words recur in every message, and reusing the same string
// objects keeps map lookups cheap (V8 caches a string's hash).
const tokenCache = new Map<string, TokenFeatures>();
let cacheKey = '';

function numberShape(t: string): string {
  if (/^rm\d/.test(t) || /^\d+(?:\.\d+)?k$/.test(t)) return '#money';
  if (/^\d{4}$/.test(t) && Number(t) >= 1990 && Number(t) <= 2099) return '#year';
  if (/^\d+$/.test(t)) return t.length >= 8 ? '#longnum' : '#num';
  return '#alnum';
}

function tokenFeatures(u: string, opts: FeatureOptions): TokenFeatures {
  const key = `${opts.charMin}:${opts.charMax}:${opts.stems}`;
  if (key !== cacheKey || tokenCache.size > 50_000) {
    tokenCache.clear();
    cacheKey = key;
  }
  let f = tokenCache.get(u);
  if (f) return f;
  const words = ['w:' + u];
  const chars: string[] = [];
  if (u[0] !== '#') {
    for (const s of stems(u, opts.stems)) words.push('s:' + s);
    const padded = `<${u}>`;
    for (let n = opts.charMin; n <= opts.charMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) chars.push('c:' + padded.slice(i, i + n));
    }
  }
  f = { words, chars };
  tokenCache.set(u, f);
  return f;
}

export function extractFeatures(tokens: string[], entities?: Entities, opts: FeatureOptions = DEFAULT_FEATURES, extra: string[] = []): FeatureBag {
  const units = tokens.map((t) => (/\d/.test(t) ? numberShape(t) : t));
  const words = new Set<string>();
  const chars = new Set<string>();
  for (const u of units) {
    const f = tokenFeatures(u, opts);
    for (const w of f.words) words.add(w);
    for (const c of f.chars) chars.add(c);
  }
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < units.length; i++) bigrams.add('b:' + units[i] + '_' + units[i + 1]);
  if (units.length) bigrams.add('b:^_' + units[0]);
  const ents: string[] = [];
  if (entities) {
    if (entities.wages.length) ents.push('e:wage');
    if (entities.ages.length) ents.push('e:age');
    if (entities.months.length) ents.push('e:month');
    if (entities.agency) ents.push('e:agency', 'e:agency:' + entities.agency);
    if (entities.urls.length) ents.push('e:url');
    if (entities.emails.length) ents.push('e:email');
    if (entities.phones.length) ents.push('e:phone');
    if (entities.employerCodes.length) ents.push('e:empcode');
    if (entities.foreign !== null) ents.push('e:foreign');
  }
  ents.push(units.length <= 2 ? 'len:short' : units.length <= 6 ? 'len:mid' : 'len:long', ...extra);
  const names: string[] = [];
  const values: number[] = [];
  const add = (group: Iterable<string>, size: number, w: number): void => {
    if (!size) return;
    const v = w / Math.sqrt(size);
    for (const g of group) {
      names.push(g);
      values.push(v);
    }
  };
  add(words, words.size, opts.weights.word);
  add(bigrams, bigrams.size, opts.weights.bigram);
  add(chars, chars.size, opts.weights.char);
  add(ents, ents.length, opts.weights.entity);
  return { names, values };
}
