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
  // a word repeated in a message counts twice (term frequency); that is fine for the classifier
  const units = tokens.map((t) => (/\d/.test(t) ? numberShape(t) : t));
  const names: string[] = [];
  const values: number[] = [];
  const group = (from: number, w: number): void => {
    const n = names.length - from;
    if (!n) return;
    const v = w / Math.sqrt(n);
    for (let i = from; i < names.length; i++) values.push(v);
  };
  const perToken = units.map((u) => tokenFeatures(u, opts));
  let from = 0;
  for (const f of perToken) for (const w of f.words) names.push(w);
  group(from, opts.weights.word);
  from = names.length;
  if (units.length) names.push('b:^_' + units[0]);
  for (let i = 0; i + 1 < units.length; i++) names.push('b:' + units[i] + '_' + units[i + 1]);
  group(from, opts.weights.bigram);
  from = names.length;
  for (const f of perToken) for (const c of f.chars) names.push(c);
  group(from, opts.weights.char);
  from = names.length;
  if (entities) {
    if (entities.wages.length) names.push('e:wage');
    if (entities.ages.length) names.push('e:age');
    if (entities.months.length) names.push('e:month');
    if (entities.agency) names.push('e:agency', 'e:agency:' + entities.agency);
    // another agency's contribution for a wage ("EPF for RM3,000") is not a PERKESO quote
    if (entities.agency && entities.wages.length) names.push('e:agency+wage');
    if (entities.urls.length) names.push('e:url');
    if (entities.emails.length) names.push('e:email');
    if (entities.phones.length) names.push('e:phone');
    if (entities.employerCodes.length) names.push('e:empcode');
    if (entities.foreign !== null) names.push('e:foreign');
  }
  names.push(units.length <= 2 ? 'len:short' : units.length <= 6 ? 'len:mid' : 'len:long');
  for (const x of extra) names.push(x);
  group(from, opts.weights.entity);
  return { names, values };
}
