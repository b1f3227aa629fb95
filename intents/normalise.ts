// Turns what users type into a canonical token list: lower case, no punctuation or emoji,
// shortforms/typos expanded from intents/lexicon/shortforms.json, stretched letters shortened
// ("hiii", "PEGAWAI!!!"), reduplication spelt out ("byk2", "banyak-banyak").
import type { ShortformLexicon } from './lexicon';
import { EMAIL_RE, URL_RE } from './patterns';
import type { SpellCorrector } from './spelling';

export interface Normalised {
  /** Tokens joined by single spaces. */
  text: string;
  tokens: string[];
}

const LETTER = /\p{L}/u;

const KEEP: Record<string, string> = { '.': '\uE000', '/': '\uE001', '-': '\uE002' };
const RESTORE: Record<string, string> = { '\uE000': '.', '\uE001': '/', '\uE002': '-' };

/** Lower-cases and strips everything but letters, digits and the separators inside numbers. */
export function cleanText(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  // an address's pieces are noise for the classifier; keep that one was given and the site's name
  if (s.includes('@')) s = s.replace(EMAIL_RE, ' email ');
  if (s.includes('.')) s = s.replace(URL_RE, (m) => ' url ' + m.replace(/^[a-z]+:\/\/|^www\./, '').split(/[/?#]/)[0].replace(/\./g, ' ') + ' ');
  s = s.replace(/['’`]/g, ''); // can't -> cant, that's -> thats (the lexicon expands them)
  s = s.replace(/(\d),(?=\d{3}(?!\d))/g, '$1'); // 2,500 -> 2500
  // keep separators between digits: 2.5k, 10/2024, 2024-10, 900101-14-5678
  s = s.replace(/(\d)([./-])(?=\d)/g, (_m, d: string, sep: string) => d + KEEP[sep]);
  // the few emoji that carry a message in a support chat: thumbs up / folded hands / OK hand mean thanks
  s = s.replace(/[\u{1F44D}\u{1F64F}\u{1F44C}]/gu, ' thanks ');
  s = s.replace(/[^\p{L}\p{N}\uE000-\uE002]+/gu, ' ');
  return s.replace(/[\uE000-\uE002]/g, (c) => RESTORE[c]).trim();
}

export class Normaliser {
  private readonly known = new Set<string>();
  private readonly phraseRe: RegExp | null;
  private speller: SpellCorrector | null = null;

  constructor(private readonly lex: ShortformLexicon, known: Iterable<string> = []) {
    for (const [k, v] of lex.tokens) {
      this.known.add(k);
      for (const w of v) this.known.add(w);
    }
    for (const v of lex.phrases.values()) for (const w of v.split(' ')) this.known.add(w);
    this.addKnown(known);
    const keys = [...lex.phrases.keys()].sort((a, b) => b.length - a.length);
    this.phraseRe = keys.length ? new RegExp(`(?<=^| )(?:${keys.map(escapeRe).join('|')})(?= |$)`, 'g') : null;
  }

  /** Words that must not be "corrected" when stretched letters are shortened. */
  addKnown(words: Iterable<string>): void {
    for (const w of words) this.known.add(w);
  }

  /** Corrects one-typo misspellings of known words from now on (set once the training vocabulary is known). */
  useSpeller(speller: SpellCorrector): void {
    this.speller = speller;
  }

  isKnown(word: string): boolean {
    return this.known.has(word);
  }

  normalise(text: string): Normalised {
    const out: string[] = [];
    const raw = tokeniseClean(text);
    raw.forEach((t, i) => {
      // "x" is chat for "tak", except between two numbers ("2500 x 12")
      if (t === 'x' && /\d$/.test(raw[i - 1] ?? '') && /^\d/.test(raw[i + 1] ?? '')) out.push(t);
      else for (const e of this.expandToken(t)) out.push(e);
    });
    let joined = out.join(' ');
    if (this.phraseRe) joined = joined.replace(this.phraseRe, (m) => this.lex.phrases.get(m) ?? m);
    const tokens = joined ? joined.split(' ') : [];
    return { text: joined, tokens };
  }

  private expandToken(raw: string): string[] {
    let t = raw;
    if (LETTER.test(t)) {
      t = this.shortenStretched(t);
      const redup = /^(\p{L}{2,})2$/u.exec(t);
      if (redup && !this.lex.tokens.has(t)) {
        const w = this.lex.tokens.get(redup[1])?.join(' ') ?? redup[1];
        return `${w} ${w}`.split(' ');
      }
    }
    const rep = this.lex.tokens.get(t);
    if (rep) return rep;
    if (this.speller && !this.known.has(t)) {
      const fixed = this.speller.correct(t);
      if (fixed) return this.lex.tokens.get(fixed) ?? [fixed];
    }
    return [t];
  }

  /** "hiii" -> "hi", "pleaseee" -> "please", "goood" -> "good": runs of 3+ become 2, then 1 if that is a known word. */
  private shortenStretched(t: string): string {
    if (this.known.has(t)) return t;
    let s = t.replace(/(\p{L})\1{2,}/gu, '$1$1');
    if (this.known.has(s) || this.lex.tokens.has(s)) return s;
    const single = s.replace(/(\p{L})\1/gu, '$1');
    if (single !== s && (this.known.has(single) || this.lex.tokens.has(single))) return single;
    if (s !== t) {
      // a word typed with stretched letters that is unknown either way: one letter is the likelier spelling
      s = single;
    }
    return s;
  }
}

/** Splits cleaned text into tokens; "rm 2500" becomes "rm2500" so that the amount stays one token. */
export function tokeniseClean(text: string): string[] {
  const parts = cleanText(text).split(/\s+/).filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'rm' && i + 1 < parts.length && /^\d/.test(parts[i + 1])) {
      out.push('rm' + parts[++i]);
    } else out.push(parts[i]);
  }
  return out;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
