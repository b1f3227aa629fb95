// Feature extraction for the classifier: words, their stems, word pairs, character n-grams inside
// word boundaries (they carry over spelling variants and Malay affixes), and entity flags
// (a wage or age in the message says "quote" whatever the words are).
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

function numberShape(t: string): string {
  if (/^rm\d/.test(t) || /^\d+(?:\.\d+)?k$/.test(t)) return '#money';
  if (/^\d{4}$/.test(t) && Number(t) >= 1990 && Number(t) <= 2099) return '#year';
  if (/^\d+$/.test(t)) return t.length >= 8 ? '#longnum' : '#num';
  return '#alnum';
}

export function extractFeatures(tokens: string[], entities?: Entities, opts: FeatureOptions = DEFAULT_FEATURES, extra: string[] = []): FeatureBag {
  const words: string[] = [];
  const bigrams: string[] = [];
  const chars = new Set<string>();
  const ents: string[] = [];
  const units: string[] = tokens.map((t) => (/\d/.test(t) ? numberShape(t) : t));
  for (const u of units) {
    words.push('w:' + u);
    if (u[0] === '#') continue;
    for (const s of stems(u, opts.stems)) words.push('s:' + s);
    const padded = `<${u}>`;
    for (let n = opts.charMin; n <= opts.charMax; n++) {
      for (let i = 0; i + n <= padded.length; i++) chars.add(padded.slice(i, i + n));
    }
  }
  for (let i = 0; i + 1 < units.length; i++) bigrams.push('b:' + units[i] + '_' + units[i + 1]);
  if (units.length) bigrams.push('b:^_' + units[0]);
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
  const add = (group: string[], w: number): void => {
    if (!group.length) return;
    const v = w / Math.sqrt(group.length);
    for (const g of group) {
      names.push(g);
      values.push(v);
    }
  };
  add(dedupe(words), opts.weights.word);
  add(dedupe(bigrams), opts.weights.bigram);
  add([...chars].map((c) => 'c:' + c), opts.weights.char);
  add(ents, opts.weights.entity);
  return { names, values };
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
