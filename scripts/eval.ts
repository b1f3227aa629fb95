// npm run eval: scores our classifier and NLP.js, trained on the same intents/data, on the public dev set
// (../shared/eval/dev_utterances.jsonl or EVAL_FILE). Same figures as ../shared/checks/score_intents.py.
import * as fs from 'fs';
import * as path from 'path';
import { createUnderstander } from '../intents';
import { loadTrainingData } from '../intents/training-data';

interface GoldLine {
  text: string;
  intent: string;
  lang: string;
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

async function main(): Promise<void> {
  const gold = readGold(DEV);
  const t0 = Date.now();
  const u = createUnderstander();
  const buildMs = Date.now() - t0;
  const ourRuns = gold.map((g) => u.classify(g.text));
  const ours = ourRuns.map((c) => c.intent);
  const names = ['hanna'];
  const metrics = [score(gold, ours)];
  let nlpNote = '';
  if (!process.argv.includes('--no-nlpjs')) {
    const nlp = await nlpjsBaseline(gold.map((g) => g.text));
    names.push('nlpjs-guess', 'nlpjs-best');
    metrics.push(score(gold, nlp.guessed), score(gold, nlp.best));
    nlpNote = `; NLP.js train ${nlp.buildMs} ms`;
  }
  console.log(`dev set: ${DEV} (${gold.length} lines); training lines: ${loadTrainingData().length}; our build ${buildMs} ms${u.stats.cached ? ' (model from the disk cache)' : ' (trained)'}${nlpNote}\n`);
  printSideBySide(names, metrics);
  if (names.length > 1) {
    const worse = ['accuracy', ...Object.keys(metrics[0].byLang).map((l) => `accuracy ${l}`), 'out_of_scope recall', 'out_of_scope precision'].filter((k, i) => {
      const pick = (m: Metrics): number => (i === 0 ? m.accuracy : k.startsWith('accuracy ') ? m.byLang[k.slice(9)].accuracy : k.endsWith('recall') ? m.oosRecall : m.oosPrecision);
      return metrics.slice(1).some((m) => pick(m) >= pick(metrics[0]));
    });
    console.log(worse.length ? `\nNOT better than NLP.js on: ${worse.join(', ')}` : '\nbetter than NLP.js on every headline figure');
  }
  const pure = gold.map((g, i) => [g.lang, ourRuns[i].lang]).filter(([g]) => g === 'ms' || g === 'en');
  const mixed = gold.map((g, i) => [g.lang, ourRuns[i].lang]).filter(([g]) => g === 'mixed');
  console.log(
    `\nlanguage detection (no context): ${f3(pure.filter(([g, p]) => g === p).length / pure.length)} on ms/en lines; ` +
      `code-mixed lines taken as ms ${mixed.filter(([, p]) => p === 'ms').length}, en ${mixed.filter(([, p]) => p === 'en').length}`,
  );
  if (process.argv.includes('--errors')) {
    console.log('\nerrors (ours):');
    gold.forEach((g, i) => {
      if (ours[i] !== g.intent) console.log(`  [${g.lang}] ${g.intent} -> ${ours[i]}: ${g.text}`);
    });
  }
}

if (require.main === module || path.resolve(process.argv[1] ?? "") === __filename) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
