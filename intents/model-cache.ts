// A trained model kept on disk (node_modules/.cache/hanna-intents), keyed by a hash of everything the
// model depends on: the training data, the lexicon, this folder's code and the settings. The first start
// after any of them changes trains (well under a second); later starts load the weights instead. A
// read-only or missing cache only costs the training time. HANNA_MODEL_CACHE=0 turns it off.
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { ClassifierSnapshot } from './classifier';
import { fromRoot } from '../project-root';

const CACHE_DIR = fromRoot('node_modules', '.cache', 'hanna-intents');

export function cacheEnabled(): boolean {
  return process.env.HANNA_MODEL_CACHE !== '0';
}

/** Hash of the files in the given folders (sorted, names and contents) and any extra strings. */
export function cacheKey(dirs: Array<{ dir: string; ext: string }>, extra: string[]): string {
  const h = crypto.createHash('sha1');
  for (const { dir, ext } of dirs) {
    for (const name of fs.readdirSync(dir).filter((n) => n.endsWith(ext)).sort()) {
      h.update(name).update('\0').update(fs.readFileSync(path.join(dir, name))).update('\0');
    }
  }
  for (const x of extra) h.update(x).update('\0');
  return h.digest('hex');
}

interface Stored {
  labels: string[];
  features: string[];
  temperature: number;
  bias: number[];
  weights: string; // base64 of the Float32Array
}

export function readCachedModel(key: string): ClassifierSnapshot | null {
  let raw: string;
  try {
    raw = fs.readFileSync(path.join(CACHE_DIR, `${key}.json`), 'utf8');
  } catch {
    return null;
  }
  try {
    const s = JSON.parse(raw) as Stored;
    const buf = Buffer.from(s.weights, 'base64');
    const weights = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    if (weights.length !== s.features.length * s.labels.length) return null;
    return { labels: s.labels, features: s.features, temperature: s.temperature, bias: s.bias, weights };
  } catch {
    return null; // a damaged cache file is ignored and rewritten
  }
}

export function writeCachedModel(key: string, snap: ClassifierSnapshot): void {
  const stored: Stored = {
    labels: snap.labels,
    features: snap.features,
    temperature: snap.temperature,
    bias: snap.bias,
    weights: Buffer.from(snap.weights.buffer, snap.weights.byteOffset, snap.weights.byteLength).toString('base64'),
  };
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // write then rename, so that parallel starts (test workers) never read half a file
    const tmp = path.join(CACHE_DIR, `${key}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, JSON.stringify(stored));
    fs.renameSync(tmp, path.join(CACHE_DIR, `${key}.json`));
    prune();
  } catch {
    /* read-only tree: train again next time */
  }
}

/** Keeps the most recent models only: every edit of the data or code makes a new one. */
function prune(keep = 8): void {
  const files = fs
    .readdirSync(CACHE_DIR)
    .filter((n) => n.endsWith('.json'))
    .map((n) => ({ n, t: fs.statSync(path.join(CACHE_DIR, n)).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const f of files.slice(keep)) fs.rmSync(path.join(CACHE_DIR, f.n), { force: true });
}
