// Builds the understanding pipeline from the data files: normaliser -> language -> entities -> classifier,
// and answers understand()/classify() with it.
import { IntentClassifier, type BuildOptions } from './classifier';
import { DomainVocabulary } from './domain';
import { extractEntities } from './entities';
import { DEFAULT_FEATURES, extractFeatures, type FeatureOptions } from './features';
import { INTENT_IDS, OUT_OF_SCOPE, toIntentIds, type IntentId } from './ids';
import { LanguageDetector } from './langdetect';
import { LEXICON_DIR, loadLangSwitch, loadLangWords, loadShortforms, loadTopics, type ShortformLexicon } from './lexicon';
import { cacheEnabled, cacheKey, readCachedModel, writeCachedModel } from './model-cache';
import type { TrainOptions } from './model';
import { Normaliser } from './normalise';
import { SpellCorrector } from './spelling';
import { TopicMatcher } from './topics';
import { DEFAULT_DATA_DIR, loadTrainingData } from './training-data';
import type { Classification, Entities, Ranked, Understander, UnderstandContext, Understanding } from './types';
import { fromRoot } from '../project-root';

export interface Tuning {
  features: FeatureOptions;
  train: Partial<TrainOptions>;
  build: Omit<BuildOptions, 'train' | 'holdout'>;
  holdout: number;
  /** Keep the trained model on disk between starts (model-cache.ts). */
  cache: boolean;
  rejectBelow: number;
  oovFeatures: boolean;
  topicFeatures: boolean;
}

export interface UnderstanderOptions {
  dataDir?: string;
  /** The intent ids to learn: the catalogue's (default: the shipped knowledge/intents.yaml). */
  intents?: readonly IntentId[];
  lexiconDir?: string;
  /** For experiments only; the defaults are what ships. */
  tuning?: Partial<Tuning>;
}

export interface BuildStats {
  buildMs: number;
  phases: Record<string, number>;
  trainingLines: number;
  temperature: number;
  /** The model came from the disk cache instead of being trained. */
  cached: boolean;
}

/** Below this calibrated probability the best intent is not trusted: the message is out of scope. */
export const REJECT_BELOW = 0.25;

const DEFAULT_TUNING: Tuning = { features: DEFAULT_FEATURES, train: {}, build: {}, holdout: 0.15, cache: true, rejectBelow: REJECT_BELOW, oovFeatures: true, topicFeatures: true };

const now = (): number => Number(process.hrtime.bigint()) / 1e6;

export function createUnderstander(options: UnderstanderOptions = {}): Understander & { stats: BuildStats } {
  const tune: Tuning = { ...DEFAULT_TUNING, ...options.tuning };
  const phases: Record<string, number> = {};
  const start = now();
  let mark = start;
  const phase = (name: string): void => {
    const t = now();
    phases[name] = Math.round((t - mark) * 10) / 10;
    mark = t;
  };

  const lex = loadShortforms(options.lexiconDir);
  const words = loadLangWords(options.lexiconDir);
  const switches = loadLangSwitch(options.lexiconDir);
  const topicLists = loadTopics(options.lexiconDir);
  const intents = options.intents ?? INTENT_IDS;
  const examples = loadTrainingData(options.dataDir, intents);
  phase('load');

  const normaliser = new Normaliser(lex, [...words.strong.ms, ...words.words.ms, ...words.strong.en, ...words.words.en, ...words.neutral]);
  const tokens = examples.map((e) => normaliser.normalise(e.text).tokens);
  for (const t of tokens) normaliser.addKnown(t);
  normaliser.useSpeller(new SpellCorrector(wordCounts(tokens, lex)));
  const detector = new LanguageDetector(words, switches, (s) => normaliser.normalise(s).text);
  const domain = new DomainVocabulary();
  const topics = new TopicMatcher(topicLists, (s) => normaliser.normalise(s).text);
  examples.forEach((e, i) => {
    if (e.lang !== 'mixed') detector.learn(tokens[i], e.lang);
    if (e.intent !== OUT_OF_SCOPE) domain.add(tokens[i]);
  });
  detector.finishLearning();
  phase('normalise');

  const extras = (toks: string[], ownLine: boolean): string[] => [
    ...(tune.oovFeatures ? domain.features(toks, ownLine) : []),
    ...(tune.topicFeatures ? topics.features(toks, toks.join(' ')) : []),
  ];
  const useCache = tune.cache && cacheEnabled();
  const key = useCache
    ? cacheKey(
        [
          { dir: options.dataDir ?? DEFAULT_DATA_DIR, ext: '.json' },
          { dir: options.lexiconDir ?? LEXICON_DIR, ext: '.json' },
          { dir: fromRoot('intents'), ext: '.ts' },
        ],
        [JSON.stringify(tune), 'understander', intents.join(',')] /* the same key from dist/ and from the sources */,
      )
    : '';
  const snap = useCache ? readCachedModel(key) : null;
  let classifier: IntentClassifier;
  if (snap) {
    classifier = IntentClassifier.fromSnapshot(snap);
    phase('load model');
  } else {
    const items = examples.map((e, i) => ({
      bag: extractFeatures(tokens[i], extractEntities(e.text), tune.features, extras(tokens[i], e.intent !== OUT_OF_SCOPE)),
      label: e.intent,
    }));
    phase('features');
    classifier = IntentClassifier.build(items, [...intents], { ...tune.build, train: tune.train, holdout: tune.holdout });
    phase('train');
    if (useCache) writeCachedModel(key, classifier.snapshot());
  }

  // The classifier's labels are the catalogue's ids it was trained on (or a cached model of the same ids).
  const labels = toIntentIds(classifier.labels);
  const rank = (toks: string[], entities: Entities): Classification => {
    if (!toks.length) return { intent: OUT_OF_SCOPE, confidence: 1, ranking: [{ intent: OUT_OF_SCOPE, confidence: 1 }] };
    const p = classifier.probabilities(extractFeatures(toks, entities, tune.features, extras(toks, false)));
    const ranked = topK(labels, p, 4);
    const top = ranked[0];
    if (top.intent !== OUT_OF_SCOPE && top.confidence < tune.rejectBelow) {
      // no intent is likely enough to answer: say out of scope, keep the candidates as runners-up
      const oos = { intent: OUT_OF_SCOPE, confidence: 1 - top.confidence };
      return { intent: OUT_OF_SCOPE, confidence: round(oos.confidence), ranking: [oos, ...ranked.filter((r) => r.intent !== OUT_OF_SCOPE)].slice(0, 3).map(roundR) };
    }
    return { intent: top.intent, confidence: round(top.confidence), ranking: ranked.slice(0, 3).map(roundR) };
  };

  const understand = (text: string, context: UnderstandContext = {}): Understanding => {
    const raw = typeof text === 'string' ? text : String(text ?? '');
    const n = normaliser.normalise(raw);
    const entities = extractEntities(raw, context.now);
    const langSwitch = detector.switchRequest(n.text, n.tokens);
    const lang = langSwitch ?? detector.sticky(n.tokens, context.lang);
    let c = rank(n.tokens, entities);
    if (langSwitch) {
      // the core answers the switch itself; the menu is the sensible thing to show next
      const menu = { intent: 'help_menu' as IntentId, confidence: 1 };
      c = { intent: menu.intent, confidence: 1, ranking: [menu, ...c.ranking.filter((r) => r.intent !== menu.intent)].slice(0, 3) };
    }
    const langEvidence = langSwitch !== null || !detector.detect(n.tokens).ambiguous;
    return { ...c, text: raw, normalised: n.text, lang, langSwitch, langEvidence, entities };
  };

  const stats: BuildStats = { buildMs: Math.round(now() - start), phases, trainingLines: examples.length, temperature: classifier.temperature, cached: snap !== null };
  return {
    stats,
    understand,
    classify(text: string) {
      const u = understand(text);
      return { intent: u.intent, confidence: u.confidence, ranking: u.ranking, lang: u.lang };
    },
  };
}

/** How often each word occurs in the training lines; the lexicon's own spellings count once. */
function wordCounts(lines: string[][], lex: ShortformLexicon): Map<string, number> {
  const counts = new Map<string, number>();
  for (const toks of lines) for (const t of toks) counts.set(t, (counts.get(t) ?? 0) + 1);
  for (const words of lex.tokens.values()) for (const w of words) if (!counts.has(w)) counts.set(w, 1);
  return counts;
}

/** The k most likely intents, best first (a scan, not a sort of all 24). */
function topK(labels: readonly IntentId[], p: ArrayLike<number>, k: number): Ranked[] {
  const best: number[] = [];
  for (let i = 0; i < p.length; i++) {
    let at = best.length;
    while (at > 0 && p[best[at - 1]] < p[i]) at--;
    if (at < k) {
      best.splice(at, 0, i);
      if (best.length > k) best.pop();
    }
  }
  return best.map((i) => ({ intent: labels[i], confidence: p[i] }));
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;
const roundR = (r: Ranked): Ranked => ({ intent: r.intent, confidence: round(r.confidence) });
