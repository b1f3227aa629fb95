// Light stemming for both languages: natural's Indonesian (Sastrawi) stemmer strips Malay affixes
// against its root-word list (pembayaran -> bayar, dikunci -> kunci), Porter handles English
// (payments -> payment). Sastrawi is slow (~50 us a word), so it only sees words that carry a Malay
// affix at all; callers cache the result per word.
import type { Stemmer } from 'natural/lib/natural/stemmers';

// Only the two stemmers used, each on first use: natural's stemmer index loads every language's.
let porter: Stemmer | undefined;
let malay: Stemmer | undefined;
const PorterStemmer = { stem: (w: string): string => (porter ??= require('natural/lib/natural/stemmers/porter_stemmer') as Stemmer).stem(w) };
const StemmerId = { stem: (w: string): string => (malay ??= require('natural/lib/natural/stemmers/indonesian/stemmer_id') as Stemmer).stem(w) };

export type StemMode = 'none' | 'porter' | 'malay' | 'both';

/** Words Sastrawi could change: a Malay prefix or suffix/particle is present. */
const MALAY_AFFIX = /^(?:di|ke|se|be|me|pe|te)|(?:lah|kah|tah|pun|ku|mu|nya|kan|an|i)$/;

/** The distinct stems of a word (Malay and/or English reading), without the word itself. */
export function stems(word: string, mode: StemMode = 'malay'): string[] {
  if (mode === 'none' || word.length <= 3 || !/^\p{L}+$/u.test(word)) return [];
  const out: string[] = [];
  if ((mode === 'malay' || mode === 'both') && MALAY_AFFIX.test(word)) {
    const ms = StemmerId.stem(word);
    if (ms && ms !== word) out.push(ms);
  }
  if (mode === 'porter' || mode === 'both') {
    const en = PorterStemmer.stem(word);
    if (en && en !== word && !out.includes(en)) out.push(en);
  }
  return out;
}
