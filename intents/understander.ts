// Builds the understanding pipeline from the data files: normaliser -> language -> entities -> classifier.
import { IntentClassifier, type BuildOptions } from './classifier';
import { extractEntities } from './entities';
import { DEFAULT_FEATURES, extractFeatures, type FeatureOptions } from './features';
import type { TrainOptions } from './model';
import { INTENT_IDS, OUT_OF_SCOPE } from './ids';
import { LanguageDetector } from './langdetect';
import { loadLangSwitch, loadLangWords, loadShortforms } from './lexicon';
import { Normaliser } from './normalise';
import { loadTrainingData, type Example } from './training-data';
import type { Classification, Entities, Lang, Ranked, Understander, Understanding } from './types';

export interface Tuning {
  features: FeatureOptions;
  train: Partial<TrainOptions>;
  build: Omit<BuildOptions, 'train' | 'holdout'>;
  holdout: number;
  rejectBelow: number;
  oovFeatures: boolean;
}

export interface UnderstanderOptions {
  dataDir?: string;
  lexiconDir?: string;
  /** For experiments (scripts/eval.ts --tune); the defaults are what ships. */
  tuning?: Partial<Tuning>;
}

/** Below this calibrated probability the best intent is not trusted and the message is out of scope. */
export const REJECT_BELOW = 0.25;

interface Analysed {
  tokens: string[];
  text: string;
  entities: Entities;
}

export function createUnderstander(options: UnderstanderOptions = {}): Understander {
  const tune: Tuning = { features: DEFAULT_FEATURES, train: {}, build: {}, holdout: 0.15, rejectBelow: REJECT_BELOW, oovFeatures: true, ...options.tuning };
  const lex = loadShortforms(options.lexiconDir);
  const words = loadLangWords(options.lexiconDir);
  const switches = loadLangSwitch(options.lexiconDir);
  const examples = loadTrainingData(options.dataDir);

  const normaliser = new Normaliser(lex, [...words.strong.ms, ...words.words.ms, ...words.strong.en, ...words.words.en, ...words.neutral]);
  const first = examples.map((e) => normaliser.normalise(e.text).tokens);
  const freq = new Map<string, number>();
  for (const toks of first) for (const t of toks) freq.set(t, (freq.get(t) ?? 0) + 1);
  normaliser.addKnown(freq.keys());

  const detector = new LanguageDetector(words, switches, (s) => normaliser.normalise(s).text);
  examples.forEach((e, i) => {
    if (e.lang !== 'mixed') detector.learn(first[i], e.lang);
  });
  detector.finishLearning();

  const analyse = (text: string): Analysed => {
    const n = normaliser.normalise(text);
    return { tokens: n.tokens, text: n.text, entities: extractEntities(text) };
  };
  // How many words of a message no in-scope training line uses. For a training line its own words
  // are discounted (leave-one-out), so the model sees what an unseen in-scope question looks like.
  const domainDf = new Map<string, number>();
  examples.forEach((e, i) => {
    if (e.intent !== OUT_OF_SCOPE) for (const t of new Set(first[i])) domainDf.set(t, (domainDf.get(t) ?? 0) + 1);
  });
  const oovExtra = (tokens: string[], self: boolean): string[] => {
    if (!tune.oovFeatures) return [];
    const words = [...new Set(tokens)].filter((t) => !/\d/.test(t));
    const unseen = words.filter((t) => (domainDf.get(t) ?? 0) - (self ? 1 : 0) <= 0).length;
    const out = [`oov:${Math.min(unseen, 3)}`];
    if (words.length && unseen / words.length >= 0.5) out.push('oov:most');
    return out;
  };
  const items = examples.map((e: Example, i) => ({
    bag: extractFeatures(first[i], extractEntities(e.text), tune.features, oovExtra(first[i], e.intent !== OUT_OF_SCOPE)),
    label: e.intent,
  }));
  const classifier = IntentClassifier.build(items, [...INTENT_IDS], { ...tune.build, train: tune.train, holdout: tune.holdout });

  const rank = (a: Analysed): Classification => {
    if (!a.tokens.length) return { intent: OUT_OF_SCOPE, confidence: 1, ranking: [{ intent: OUT_OF_SCOPE, confidence: 1 }] };
    const bag = extractFeatures(a.tokens, a.entities, tune.features, oovExtra(a.tokens, false));
    const p = classifier.probabilities(bag);
    const ranked: Ranked[] = classifier.labels
      .map((intent, i) => ({ intent, confidence: p[i] }))
      .sort((x, y) => y.confidence - x.confidence);
    let top = ranked[0];
    if (top.intent !== OUT_OF_SCOPE && top.confidence < tune.rejectBelow) {
      const oos = ranked.find((r) => r.intent === OUT_OF_SCOPE)!;
      top = { intent: OUT_OF_SCOPE, confidence: Math.max(oos.confidence, 1 - top.confidence) };
      const rest = ranked.filter((r) => r.intent !== OUT_OF_SCOPE);
      return { intent: top.intent, confidence: round(top.confidence), ranking: [top, ...rest].slice(0, 3).map(roundR) };
    }
    return { intent: top.intent, confidence: round(top.confidence), ranking: ranked.slice(0, 3).map(roundR) };
  };

  const understand = (text: string, context: { lang?: Lang } = {}): Understanding => {
    const a = analyse(String(text ?? ''));
    const langSwitch = detector.switchRequest(a.text, a.tokens);
    const lang = langSwitch ?? detector.sticky(a.tokens, context.lang);
    let c = rank(a);
    if (langSwitch) c = { intent: 'help_menu', confidence: 1, ranking: [{ intent: 'help_menu', confidence: 1 }, ...c.ranking.filter((r) => r.intent !== 'help_menu')].slice(0, 3) };
    return { ...c, text, normalised: a.text, lang, langSwitch, entities: a.entities };
  };

  return {
    understand,
    classify(text: string) {
      const u = understand(text);
      return { intent: u.intent, confidence: u.confidence, ranking: u.ranking, lang: u.lang };
    },
  };
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const roundR = (r: Ranked): Ranked => ({ intent: r.intent, confidence: round(r.confidence) });
