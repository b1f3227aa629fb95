// Labelled queue items as training lines in the repo's own format: one object per intent shaped
// like intents/data/<intent>.json ({"intent", "ms", "en", "mixed"}), holding only the new lines.
// `hanna review export` prints them; `--into intents/data` appends them to the files themselves.
import * as fs from 'fs';
import * as path from 'path';
import { DATA_LANGS, loadTrainingData, type DataLang } from '../../intents/training-data';
import type { ReviewItem } from './types';

export interface TrainingBlock {
  intent: string;
  ms: string[];
  en: string[];
  mixed: string[];
}

/** The same key loadTrainingData() uses to refuse a duplicate line. */
const lineKey = (text: string): string => text.trim().toLowerCase().replace(/\s+/g, ' ');

/** Labelled items grouped by label and language, each message once, in the order given. */
export function trainingBlocks(items: readonly ReviewItem[], known: ReadonlySet<string> = new Set()): TrainingBlock[] {
  const blocks = new Map<string, TrainingBlock>();
  const seen = new Set(known);
  for (const item of items) {
    if (!item.label) continue;
    const text = item.message.replace(/\s+/g, ' ').trim();
    if (text === '' || seen.has(lineKey(text))) continue;
    seen.add(lineKey(text));
    const block = blocks.get(item.label) ?? { intent: item.label, ms: [], en: [], mixed: [] };
    block[item.lang].push(text);
    blocks.set(item.label, block);
  }
  return [...blocks.values()].sort((a, b) => a.intent.localeCompare(b.intent));
}

/** The lines already in a training-data folder (to leave them out of an export). */
export function knownLines(dir: string): Set<string> {
  return new Set(loadTrainingData(dir).map((e) => lineKey(e.text)));
}

/** One JSON object per line. */
export function formatBlocks(blocks: readonly TrainingBlock[]): string {
  return blocks.map((b) => JSON.stringify(b)).join('\n') + (blocks.length > 0 ? '\n' : '');
}

/** Appends the blocks' lines to <dir>/<intent>.json (lines already there are skipped); how many were added. */
export function appendBlocks(dir: string, blocks: readonly TrainingBlock[]): number {
  const known = knownLines(dir);
  let added = 0;
  for (const block of blocks) {
    const file = path.join(dir, `${block.intent}.json`);
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const lang of DATA_LANGS as readonly DataLang[]) {
      const lines = Array.isArray(data[lang]) ? (data[lang] as string[]) : [];
      for (const line of block[lang]) {
        if (known.has(lineKey(line))) continue;
        known.add(lineKey(line));
        lines.push(line);
        added++;
      }
      data[lang] = lines;
    }
    fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  }
  return added;
}
