// npm run eval: scores our classifier and NLP.js, trained on the same intents/data, on
//  - the public dev set (../shared/eval/dev_utterances.jsonl or EVAL_FILE; skipped with a note when absent, as
//    on a clean clone). Same figures as ../shared/checks/score_intents.py;
//  - the fresh first-message set written the way employers type (test/intents/fixtures/first-messages.jsonl or
//    FRESH_FILE): accuracy overall, per language, on 1-3-word messages, and recall of quote requests without a wage.
// npm run eval -- --stories: the conversation stories of test/stories, pass rate per class and each failure.
import * as fs from 'fs';
import * as path from 'path';
import { createUnderstander } from '../intents';
import { loadTrainingData } from '../intents/training-data';
import { createCoreDeps } from '../bot/app';
import { describeFailure, loadPending, loadStories, runStory } from '../test/stories/run-stories';

interface GoldLine {
  text: string;
  intent: string;
  lang: string;
  /** Fresh set only: the number of words, and for quote requests whether the message gives no wage. */
  words?: number;
  no_wage?: boolean;
}

interface Metrics {
  n: number;
  accuracy: number;
  byLang: Record<string, { n: number; accuracy: number }>;
  perIntent: Record<string, { precision: number; recall: number; f1: number; support: number }>;
  macroF1: number;
  oosRecall: number;
  oosPrecision: number;
  confusions: Array<[string, string, number]>;
}

const DEV = process.env.EVAL_FILE ?? path.resolve(__dirname, '..', '..', 'shared', 'eval', 'dev_utterances.jsonl');
const FRESH = process.env.FRESH_FILE ?? path.resolve(__dirname, '..', 'test', 'intents', 'fixtures', 'first-messages.jsonl');

/** Issue 11's targets, printed beside the figures. */
const TARGET = { accuracyPerLang: 0.95, quoteNoWageRecall: 0.9 };

export function readGold(file: string): GoldLine[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldLine);
}

export function score(gold: GoldLine[], predicted: string[]): Metrics {
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const fn = new Map<string, number>();
  const conf = new Map<string, number>();
  const byLang: Record<string, [number, number]> = {};
  const inc = (m: Map<string, number>, k: string): void => void m.set(k, (m.get(k) ?? 0) + 1);
  let ok = 0;
  gold.forEach((g, i) => {
    const hit = predicted[i] === g.intent;
    ok += hit ? 1 : 0;
    byLang[g.lang] ??= [0, 0];
    byLang[g.lang][0] += hit ? 1 : 0;
    byLang[g.lang][1] += 1;
    if (hit) inc(tp, g.intent);
    else {
      inc(fn, g.intent);
      inc(fp, predicted[i]);
      inc(conf, `${g.intent}\t${predicted[i]}`);
    }
  });
  const labels = [...new Set(gold.map((g) => g.intent))].sort();
  const perIntent: Metrics['perIntent'] = {};
  for (const l of labels) {
    const t = tp.get(l) ?? 0;
    const p = t + (fp.get(l) ?? 0) ? t / (t + (fp.get(l) ?? 0)) : 0;
    const r = t + (fn.get(l) ?? 0) ? t / (t + (fn.get(l) ?? 0)) : 0;
    perIntent[l] = { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0, support: t + (fn.get(l) ?? 0) };
  }
  const oos = perIntent.out_of_scope ?? { precision: 0, recall: 0 };
  return {
    n: gold.length,
    accuracy: ok / gold.length,
    byLang: Object.fromEntries(Object.entries(byLang).map(([k, [h, n]]) => [k, { n, accuracy: h / n }])),
    perIntent,
    macroF1: labels.reduce((s, l) => s + perIntent[l].f1, 0) / labels.length,
    oosRecall: oos.recall,
    oosPrecision: oos.precision,
    confusions: [...conf.entries()]
      .map(([k, n]) => [...(k.split('\t') as [string, string]), n] as [string, string, number])
      .sort((a, b) => b[2] - a[2]),
  };
}

const f3 = (x: number): string => x.toFixed(3);

function printSideBySide(names: string[], ms: Metrics[]): void {
  const row = (label: string, vals: string[]): void => console.log(label.padEnd(34) + vals.map((v) => v.padStart(16)).join(''));
  row('', names);
  row('accuracy', ms.map((m) => f3(m.accuracy)));
  for (const lang of Object.keys(ms[0].byLang).sort()) row(`  ${lang} (n=${ms[0].byLang[lang].n})`, ms.map((m) => f3(m.byLang[lang]?.accuracy ?? 0)));
  row('out_of_scope recall', ms.map((m) => f3(m.oosRecall)));
  row('out_of_scope precision', ms.map((m) => f3(m.oosPrecision)));
  row('macro F1', ms.map((m) => f3(m.macroF1)));
  console.log('\nper intent (precision / recall / F1)');
  for (const l of Object.keys(ms[0].perIntent)) {
    row(`  ${l} (n=${ms[0].perIntent[l].support})`, ms.map((m) => {
      const x = m.perIntent[l];
      return `${x.precision.toFixed(2)}/${x.recall.toFixed(2)}/${x.f1.toFixed(2)}`;
    }));
  }
  ms.forEach((m, i) => {
    console.log(`\ntop confusions, ${names[i]} (gold -> predicted)`);
    for (const [g, p, n] of m.confusions.slice(0, 10)) console.log(`  ${n}  ${g} -> ${p}`);
  });
}

// NLP.js ships no TypeScript types: the little of its API used here.
interface NlpResult {
  intent: string;
  score: number;
}
interface NlpInstance {
  use(plugin: unknown): void;
  addDocument(locale: string, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  process(locale: string, utterance?: string): Promise<NlpResult>;
}
type NlpConstructor = new (settings: Record<string, unknown>) => NlpInstance;

/**
 * NLP.js trained on the same files: ms lines to its Malay model, en lines to its English model, code-mixed
 * lines to both. Its "None" (no intent above its threshold) counts as out_of_scope. Two ways to pick the
 * model for a test line: NLP.js's own language guess (what a Node developer gets by default), and the
 * more confident of the two models (the best it can do here).
 */
export async function nlpjsBaseline(texts: string[]): Promise<{ guessed: string[]; best: string[]; buildMs: number }> {
  const { Nlp } = require('@nlpjs/nlp') as { Nlp: NlpConstructor };
  const { LangMs } = require('@nlpjs/lang-ms') as { LangMs: unknown };
  const { LangEn } = require('@nlpjs/lang-en') as { LangEn: unknown };
  const t0 = Date.now();
  const nlp = new Nlp({ languages: ['ms', 'en'], autoSave: false, autoLoad: false, nlu: { log: false }, calculateSentiment: false });
  nlp.use(LangMs);
  nlp.use(LangEn);
  for (const e of loadTrainingData()) {
    if (e.lang !== 'en') nlp.addDocument('ms', e.text, e.intent);
    if (e.lang !== 'ms') nlp.addDocument('en', e.text, e.intent);
  }
  const warn = console.warn;
  console.warn = () => undefined; // NLP.js warns about lines made only of its stop words ("?", "ok")
  try {
    await nlp.train();
  } finally {
    console.warn = warn;
  }
  const buildMs = Date.now() - t0;
  const label = (r: NlpResult): string => (!r.intent || r.intent === 'None' ? 'out_of_scope' : r.intent);
  const guessed: string[] = [];
  const best: string[] = [];
  for (const t of texts) {
    guessed.push(label(await nlp.process(t)));
    const ms = await nlp.process('ms', t);
    const en = await nlp.process('en', t);
    best.push(label((ms.score ?? 0) >= (en.score ?? 0) ? ms : en));
  }
  return { guessed, best, buildMs };
}

const wordCount = (g: GoldLine): number => g.words ?? g.text.trim().split(/\s+/).length;
// A quote line gives no wage when it says so, else when it has no digits and no number words.
const givesNoWage = (g: GoldLine): boolean =>
  g.no_wage ?? !/\d|\b(?:ribu|ratus|thousand|hundred)\b/i.test(g.text);

function recall(gold: GoldLine[], predicted: string[], keep: (g: GoldLine) => boolean): { n: number; recall: number } {
  const idx = gold.map((g, i) => i).filter((i) => keep(gold[i]));
  const hits = idx.filter((i) => predicted[i] === gold[i].intent).length;
  return { n: idx.length, recall: idx.length ? hits / idx.length : 0 };
}

/** The fresh set's headline figures, each system a column, targets at the right. */
function printFresh(gold: GoldLine[], names: string[], predictions: string[][]): void {
  const metrics = predictions.map((p) => score(gold, p));
  const row = (label: string, vals: string[], target = ''): void =>
    console.log(label.padEnd(40) + vals.map((v) => v.padStart(14)).join('') + (target ? `   target ${target}` : ''));
  row('', names);
  row('accuracy', metrics.map((m) => f3(m.accuracy)));
  for (const lang of Object.keys(metrics[0].byLang).sort()) {
    row(`  ${lang} (n=${metrics[0].byLang[lang].n})`, metrics.map((m) => f3(m.byLang[lang]?.accuracy ?? 0)), `>= ${TARGET.accuracyPerLang}`);
  }
  const short = (g: GoldLine): boolean => wordCount(g) <= 3;
  const shortN = gold.filter(short).length;
  row(`accuracy on 1-3 words (n=${shortN})`, predictions.map((p) => f3(recall(gold, p, short).recall)));
  const noWage = (g: GoldLine): boolean => g.intent === 'contribution_quote' && givesNoWage(g);
  const nw = predictions.map((p) => recall(gold, p, noWage));
  row(`quote without a wage, recall (n=${nw[0].n})`, nw.map((r) => f3(r.recall)), `>= ${TARGET.quoteNoWageRecall}`);
  const withWage = (g: GoldLine): boolean => g.intent === 'contribution_quote' && !givesNoWage(g);
  row(`quote with a wage, recall (n=${recall(gold, predictions[0], withWage).n})`, predictions.map((p) => f3(recall(gold, p, withWage).recall)));
  row('out_of_scope recall', metrics.map((m) => f3(m.oosRecall)));
  row('out_of_scope precision', metrics.map((m) => f3(m.oosPrecision)));
  row('macro F1', metrics.map((m) => f3(m.macroF1)));
  console.log('\nper intent, hanna (precision / recall / F1)');
  for (const [l, x] of Object.entries(metrics[0].perIntent)) {
    console.log(`  ${`${l} (n=${x.support})`.padEnd(38)}${x.precision.toFixed(2)}/${x.recall.toFixed(2)}/${x.f1.toFixed(2)}`);
  }
  console.log('\ntop confusions, hanna (gold -> predicted)');
  for (const [g, p, n] of metrics[0].confusions.slice(0, 12)) console.log(`  ${n}  ${g} -> ${p}`);
  const failed = Object.keys(metrics[0].byLang).filter((l) => metrics[0].byLang[l].accuracy < TARGET.accuracyPerLang);
  const verdict = [
    failed.length ? `accuracy below ${TARGET.accuracyPerLang} in ${failed.join(', ')}` : `accuracy >= ${TARGET.accuracyPerLang} in every language`,
    nw[0].recall >= TARGET.quoteNoWageRecall ? 'quote-without-wage recall on target' : `quote-without-wage recall below ${TARGET.quoteNoWageRecall}`,
  ];
  console.log(`\nfresh set against the targets (hanna): ${verdict.join('; ')}`);
}

/** `--stories`: every story through the real turn function; pass rate per class and each failure. */
function storiesReport(): void {
  const t0 = Date.now();
  const deps = createCoreDeps();
  const classes = loadStories();
  const pending = loadPending();
  const failures: string[] = [];
  let passed = 0;
  let total = 0;
  let classesPassing = 0;
  console.log(`stories: ${classes.reduce((n, c) => n + c.stories.length, 0)} in ${classes.length} classes (test/stories); target: every class passes\n`);
  for (const cls of classes) {
    const results = cls.stories.map((s) => runStory(deps, s));
    const ok = results.filter((r) => r.ok).length;
    passed += ok;
    total += results.length;
    if (ok === results.length) classesPassing += 1;
    const mark = ok === results.length ? 'PASS' : 'FAIL';
    const note = pending.has(cls.name) ? '   (pending in test/stories/pending.yaml)' : '';
    console.log(`  ${cls.name.padEnd(22)} ${String(ok).padStart(3)}/${String(results.length).padEnd(3)} ${f3(ok / results.length)}  ${mark}${note}`);
    for (const r of results) if (!r.ok) failures.push(describeFailure(r));
  }
  console.log(`\n  all stories ${passed}/${total} ${f3(total ? passed / total : 0)}; classes passing ${classesPassing}/${classes.length} (target ${classes.length}/${classes.length}); ${Date.now() - t0} ms`);
  if (failures.length) {
    console.log('\nfailing stories (first failing step):');
    for (const f of failures) console.log(`  ${f}`);
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--stories')) {
    storiesReport();
    return;
  }
  const haveDev = fs.existsSync(DEV);
  const dev = haveDev ? readGold(DEV) : [];
  const fresh = fs.existsSync(FRESH) ? readGold(FRESH) : [];
  if (!haveDev) console.log(`dev set not found at ${DEV}: skipping it (set EVAL_FILE to score another file).\n`);
  if (!dev.length && !fresh.length) {
    console.log('nothing to score: neither the dev set nor the fresh set is present.');
    return;
  }
  const t0 = Date.now();
  const u = createUnderstander();
  const buildMs = Date.now() - t0;
  const withNlp = !process.argv.includes('--no-nlpjs');
  const nlp = withNlp ? await nlpjsBaseline([...dev, ...fresh].map((g) => g.text)) : null;
  const nlpNote = nlp ? `; NLP.js train ${nlp.buildMs} ms` : '';
  console.log(`training lines: ${loadTrainingData().length}; our build ${buildMs} ms${u.stats.cached ? ' (model from the disk cache)' : ' (trained)'}${nlpNote}\n`);

  if (dev.length) {
    const ourRuns = dev.map((g) => u.classify(g.text));
    const ours = ourRuns.map((c) => c.intent);
    const names = ['hanna'];
    const metrics = [score(dev, ours)];
    if (nlp) {
      names.push('nlpjs-guess', 'nlpjs-best');
      metrics.push(score(dev, nlp.guessed.slice(0, dev.length)), score(dev, nlp.best.slice(0, dev.length)));
    }
    console.log(`== dev set: ${DEV} (${dev.length} lines)\n`);
    printSideBySide(names, metrics);
    if (names.length > 1) {
      const worse = ['accuracy', ...Object.keys(metrics[0].byLang).map((l) => `accuracy ${l}`), 'out_of_scope recall', 'out_of_scope precision'].filter((k, i) => {
        const pick = (m: Metrics): number => (i === 0 ? m.accuracy : k.startsWith('accuracy ') ? m.byLang[k.slice(9)].accuracy : k.endsWith('recall') ? m.oosRecall : m.oosPrecision);
        return metrics.slice(1).some((m) => pick(m) >= pick(metrics[0]));
      });
      console.log(worse.length ? `\nNOT better than NLP.js on: ${worse.join(', ')}` : '\nbetter than NLP.js on every headline figure');
    }
    const pure = dev.map((g, i) => [g.lang, ourRuns[i].lang]).filter(([g]) => g === 'ms' || g === 'en');
    const mixed = dev.map((g, i) => [g.lang, ourRuns[i].lang]).filter(([g]) => g === 'mixed');
    console.log(
      `\nlanguage detection (no context): ${f3(pure.filter(([g, p]) => g === p).length / pure.length)} on ms/en lines; ` +
        `code-mixed lines taken as ms ${mixed.filter(([, p]) => p === 'ms').length}, en ${mixed.filter(([, p]) => p === 'en').length}`,
    );
    if (process.argv.includes('--errors')) {
      console.log('\nerrors (ours, dev set):');
      dev.forEach((g, i) => {
        if (ours[i] !== g.intent) console.log(`  [${g.lang}] ${g.intent} -> ${ours[i]}: ${g.text}`);
      });
    }
  }

  if (fresh.length) {
    const ours = fresh.map((g) => u.classify(g.text).intent);
    const names = ['hanna'];
    const predictions: string[][] = [ours];
    if (nlp) {
      names.push('nlpjs-guess', 'nlpjs-best');
      predictions.push(nlp.guessed.slice(dev.length), nlp.best.slice(dev.length));
    }
    console.log(`\n== fresh first messages: ${path.relative(process.cwd(), FRESH)} (${fresh.length} lines, written before the model saw them; never train on them)\n`);
    printFresh(fresh, names, predictions);
    if (process.argv.includes('--errors')) {
      console.log('\nerrors (ours, fresh set):');
      fresh.forEach((g, i) => {
        if (ours[i] !== g.intent) console.log(`  [${g.lang}] ${g.intent} -> ${ours[i]}: ${g.text}`);
      });
    }
  }
  console.log('\nconversations: npm run eval -- --stories');
}

if (require.main === module || path.resolve(process.argv[1] ?? "") === __filename) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
