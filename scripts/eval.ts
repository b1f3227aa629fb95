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
  const row = (label: string, vals: string[]): void => console.log(label.padEnd(34) + vals.map((v) => v.padStart(12)).join(''));
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

async function main(): Promise<void> {
  const gold = readGold(DEV);
  const t0 = Date.now();
  const u = createUnderstander();
  const buildMs = Date.now() - t0;
  const ours = gold.map((g) => u.classify(g.text).intent);
  const names = ['hanna'];
  const metrics = [score(gold, ours)];
  console.log(`dev set: ${DEV} (${gold.length} lines); training lines: ${loadTrainingData().length}; our build ${buildMs} ms\n`);
  printSideBySide(names, metrics);
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
