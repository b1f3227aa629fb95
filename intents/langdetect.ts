// Language detection for messages as short as one or two words. Each normalised token votes
// (Malay positive, English negative): grammar words from intents/lexicon/langwords.json count most,
// English content words count less because Malay chat borrows them freely ("nak check payment"),
// words learned from the ms/en training lines fill the gaps, and spelling patterns decide the rest.
import Fuse from 'fuse.js';
import type { LangSwitchLexicon, LangWords } from './lexicon';
import type { Lang } from './types';

export interface LangGuess {
  lang: Lang;
  /** > 0 Malay, < 0 English, 0 no evidence. */
  score: number;
  /** Tokens that carried evidence. */
  voters: number;
  /** No evidence either way: the caller's default was used. */
  ambiguous: boolean;
}

const W_STRONG = 2;
const W_MS_WORD = 1;
const W_EN_WORD = 0.6;
const W_LEARNED_MAX = 1;
const W_SHAPE = 0.3;
/** Fuse.js score (0 = exact) up to which a misspelt language-switch phrase still counts. */
const FUZZY_SWITCH_SCORE = 0.2;
/** Tokens that could be a (misspelt) language name: the gate before the fuzzy switch search. */
const LANGUAGE_NAME = /^(?:eng|ing|mel|mal|bah|bhs)/;

export class LanguageDetector {
  private readonly weights = new Map<string, number>();
  private readonly neutral: Set<string>;
  private readonly counts: Record<Lang, Map<string, number>> = { ms: new Map(), en: new Map() };
  private readonly totals: Record<Lang, number> = { ms: 0, en: 0 };

  private readonly switches: LangSwitchLexicon;
  /** The switch phrases with a space each side, made once (they were rebuilt for every message). */
  private readonly paddedPhrases: Record<'ms' | 'en', string[]>;
  private readonly fuzzySwitch: Fuse<{ phrase: string; lang: Lang }>;

  constructor(words: LangWords, switches: LangSwitchLexicon, normalise: (s: string) => string = (s) => s) {
    this.neutral = new Set(words.neutral);
    for (const w of words.words.ms) this.weights.set(w, W_MS_WORD);
    for (const w of words.words.en) this.weights.set(w, -W_EN_WORD);
    for (const w of words.strong.ms) this.weights.set(w, W_STRONG);
    for (const w of words.strong.en) this.weights.set(w, -W_STRONG);
    // switch phrases are matched on normalised text, so normalise them the same way
    const norm = (xs: string[]): string[] => xs.map(normalise);
    this.switches = {
      maxWords: switches.maxWords,
      phrases: { ms: norm(switches.phrases.ms), en: norm(switches.phrases.en) },
      alone: { ms: norm(switches.alone.ms), en: norm(switches.alone.en) },
    };
    this.paddedPhrases = { ms: this.switches.phrases.ms.map((p) => ` ${p} `), en: this.switches.phrases.en.map((p) => ` ${p} `) };
    const all = (['ms', 'en'] as const).flatMap((lang) => [...this.switches.phrases[lang], ...this.switches.alone[lang]].map((phrase) => ({ phrase, lang })));
    this.fuzzySwitch = new Fuse(all, { keys: ['phrase'], includeScore: true, threshold: FUZZY_SWITCH_SCORE, ignoreLocation: true });
  }

  /** Adds word evidence from a training line known to be in one language. */
  learn(tokens: string[], lang: Lang): void {
    for (const t of tokens) {
      this.counts[lang].set(t, (this.counts[lang].get(t) ?? 0) + 1);
      this.totals[lang]++;
    }
  }

  /** Turns the learned counts into weights for words the lexicon does not list. */
  finishLearning(): void {
    const words = new Set([...this.counts.ms.keys(), ...this.counts.en.keys()]);
    const nMs = Math.max(1, this.totals.ms);
    const nEn = Math.max(1, this.totals.en);
    for (const w of words) {
      if (this.weights.has(w) || this.neutral.has(w) || /\d/.test(w)) continue;
      const ms = this.counts.ms.get(w) ?? 0;
      const en = this.counts.en.get(w) ?? 0;
      if (ms + en < 2) continue;
      const lo = Math.log((ms + 0.5) / nMs) - Math.log((en + 0.5) / nEn);
      // only words clearly used by one side; shared loanwords stay neutral
      if (Math.abs(lo) < 1.5) continue;
      this.weights.set(w, Math.max(-W_LEARNED_MAX, Math.min(W_LEARNED_MAX, lo / 3)));
    }
  }

  tokenWeight(t: string): number {
    const w = this.weights.get(t);
    if (w !== undefined) return w;
    if (this.neutral.has(t) || /\d/.test(t)) return 0;
    let s = this.shapes.get(t);
    if (s === undefined) {
      s = shapeWeight(t);
      if (this.shapes.size > 20_000) this.shapes.clear();
      this.shapes.set(t, s);
    }
    return s;
  }

  private readonly shapes = new Map<string, number>();

  detect(tokens: string[], fallback: Lang = 'ms'): LangGuess {
    let score = 0;
    let voters = 0;
    for (const t of tokens) {
      const w = this.tokenWeight(t);
      if (w !== 0) voters++;
      score += w;
    }
    if (Math.abs(score) < 0.25) return { lang: fallback, score, voters, ambiguous: true };
    return { lang: score > 0 ? 'ms' : 'en', score, voters, ambiguous: false };
  }

  /** "English please", "in english", "Bahasa Melayu", "cakap melayu", "BM please" -> the language asked for. */
  switchRequest(normalised: string, tokens: string[]): Lang | null {
    if (!tokens.length) return null;
    for (const lang of ['en', 'ms'] as const) {
      if (tokens.length === 1 && this.switches.alone[lang].includes(tokens[0])) return lang;
      if (tokens.length > this.switches.maxWords) continue;
      const padded = ` ${normalised} `;
      if (this.paddedPhrases[lang].some((p) => padded.includes(p))) return lang;
    }
    // typos ("englsh please", "bahasa melyu"): fuse.js, but only for short messages that name a language
    // at all, and only against a phrase of about the same length (fuse also matches substrings)
    if (tokens.length > 3 || normalised.length < 6 || !tokens.some((t) => LANGUAGE_NAME.test(t))) return null;
    const best = this.fuzzySwitch.search(normalised, { limit: 1 })[0];
    if (best && (best.score ?? 1) <= FUZZY_SWITCH_SCORE && Math.abs(best.item.phrase.length - normalised.length) <= 2) return best.item.lang;
    return null;
  }

  /**
   * The language of a turn in a conversation: the sticky language unless the message is clearly in the
   * other one (at least three words with language evidence, a strong score and none for the current language).
   */
  sticky(tokens: string[], current: Lang | undefined): Lang {
    const g = this.detect(tokens, current ?? 'ms');
    if (!current || g.ambiguous || g.lang === current) return current ?? g.lang;
    const forCurrent = tokens.some((t) => {
      const w = this.tokenWeight(t);
      return current === 'ms' ? w > 0 : w < 0;
    });
    return g.voters >= 3 && Math.abs(g.score) >= 3 && !forCurrent ? g.lang : current;
  }
}

/** Spelling cues for words no list knows: Malay affixes vs English letter patterns. */
function shapeWeight(t: string): number {
  if (t.length < 4 || !/^\p{L}+$/u.test(t)) return 0;
  if (/(?:kan|nya|lah|kah|annya)$/.test(t) || /^(?:meng|meny|mem|ber|per|peng|pem|di|ter)\p{L}{3,}(?:an|kan|i)$/u.test(t)) return W_SHAPE;
  if (/(?:tion|sion|ing|ness|ment|able|ible|ly|ed|ies|ous|ful|less)$/.test(t) || /th|wh|ph|ck|ee|oo|[qvxz]|([bdfglmnprst])\1/.test(t)) return -W_SHAPE;
  return 0;
}
