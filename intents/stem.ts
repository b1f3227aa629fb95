// Light stemming for both languages, cached: natural's Indonesian (Sastrawi) stemmer strips Malay affixes
// against its root-word list (pembayaran -> bayar, dikunci -> kunci), Porter handles English (payments -> payment).
import { PorterStemmer, StemmerId } from 'natural/lib/natural/stemmers';

const cache = new Map<string, string[]>();

/** The distinct stems of a word (Malay and English readings), without the word itself. */
export type StemMode = 'none' | 'porter' | 'malay' | 'both';

export function stems(word: string, mode: StemMode = 'both'): string[] {
  if (mode === 'none') return [];
  const key = mode + ':' + word;
  let out = cache.get(key);
  if (out) return out;
  out = [];
  if (word.length > 3 && /^\p{L}+$/u.test(word)) {
    const ms = mode === 'porter' ? word : StemmerId.stem(word);
    const en = mode === 'malay' ? word : PorterStemmer.stem(word);
    if (ms && ms !== word) out.push(ms);
    if (en && en !== word && en !== ms) out.push(en);
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(key, out);
  return out;
}
