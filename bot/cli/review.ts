// `hanna review export [--into DIR]`: the not-understood items support staff labelled on /staff,
// as training lines in the repo's own format. Without --into it prints one JSON object per line,
// shaped like intents/data/<intent>.json and holding only the new lines: append each array's strings
// to the same array of that file. With --into intents/data it appends them itself, skipping lines
// already there. Either way, restart the bot: the model is retrained from the changed data.
import * as path from 'path';
import { DEFAULT_DATA_DIR } from '../../intents/training-data';
import { loadConfigForCommand } from '../config';
import { appendBlocks, formatBlocks, knownLines, MAX_REVIEW_DAYS, ReviewQueue, trainingBlocks, type TrainingBlock } from '../insights';
import { createStorage } from '../storage';

const USAGE = 'usage: hanna review export [--into DIR]   (DIR: a training-data folder such as intents/data)';

async function labelledBlocks(storageUrl: string, dataDir: string, now: Date): Promise<TrainingBlock[]> {
  const store = createStorage(storageUrl);
  try {
    const { items } = await new ReviewQueue(store.storage).list({ now, days: MAX_REVIEW_DAYS, filter: 'labelled' });
    return trainingBlocks(items.slice().reverse(), knownLines(dataDir));
  } finally {
    await store.close();
  }
}

export async function review(args: string[], now: Date = new Date()): Promise<number> {
  if (args[0] !== 'export' || (args.length !== 1 && !(args.length === 3 && args[1] === '--into'))) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfigForCommand();
  if (!config) return 2;
  const into = args.length === 3 ? path.resolve(args[2]) : null;
  let blocks: TrainingBlock[];
  try {
    blocks = await labelledBlocks(config.storageUrl, into ?? DEFAULT_DATA_DIR, now);
  } catch (err) {
    console.error(`hanna review export: ${(err as Error).message}`);
    return 1;
  }
  if (!into) {
    await new Promise<void>((resolve) => process.stdout.write(formatBlocks(blocks), () => resolve()));
    return 0;
  }
  const added = appendBlocks(into, blocks);
  console.log(`added ${added} training line(s) to ${into}; restart the bot to retrain the classifier`);
  return 0;
}
