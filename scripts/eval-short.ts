// node bin/run-ts.js scripts/eval-short.ts [file] [--errors]: scores the classifier on short first messages (test/intents/fixtures/short-validation.jsonl
// or the file given), the way employers open a chat: overall, per language, messages of 1-3 words, and
// quote requests that give no wage. The validation file is for tuning only; it is never training data.
import * as path from 'path';
import { createUnderstander } from '../intents';
import { readGold, score } from './eval';

interface ShortLine {
  text: string;
  intent: string;
  lang: string;
  /** Quote lines only: the message states a wage. */
  wage?: boolean;
}

const FILE = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.resolve(__dirname, '..', 'test', 'intents', 'fixtures', 'short-validation.jsonl');

function main(): void {
  const u = createUnderstander();
  const gold = readGold(FILE) as ShortLine[];
  const pred = gold.map((g) => u.classify(g.text).intent);
  const acc = (idx: number[]): string => (idx.length ? `${(idx.filter((i) => pred[i] === gold[i].intent).length / idx.length).toFixed(3)} (n=${idx.length})` : 'n/a');
  const all = gold.map((_, i) => i);
  const m = score(gold, pred);
  console.log(`${FILE}: ${gold.length} lines`);
  console.log(`accuracy ${acc(all)}`);
  for (const lang of ['ms', 'en', 'mixed']) console.log(`  ${lang}: ${acc(all.filter((i) => gold[i].lang === lang))}`);
  console.log(`1-3 words: ${acc(all.filter((i) => gold[i].text.trim().split(/\s+/).length <= 3))}`);
  console.log(`quote without a wage, recall: ${acc(all.filter((i) => gold[i].intent === 'contribution_quote' && gold[i].wage === false))}`);
  console.log(`quote with a wage, recall: ${acc(all.filter((i) => gold[i].intent === 'contribution_quote' && gold[i].wage === true))}`);
  console.log(`out_of_scope recall ${m.oosRecall.toFixed(3)} precision ${m.oosPrecision.toFixed(3)}`);
  if (process.argv.includes('--errors')) {
    console.log('\nerrors:');
    gold.forEach((g, i) => {
      if (pred[i] !== g.intent) console.log(`  [${g.lang}] ${g.intent} -> ${pred[i]}: ${g.text}`);
    });
  }
}

main();
