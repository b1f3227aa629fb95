// Optimistic transactions on a botbuilder Storage: read some documents, decide the new ones,
// write them all with the eTags read, and start again if another writer got there first.
// SqliteStorage and RedisStorage apply one write() atomically, so a transaction's documents
// change together or not at all, even across processes.
import type { Storage, StoreItems } from 'botbuilder';

export type Doc = Record<string, unknown>;
export type Docs = Record<string, Doc | undefined>;

export interface TxPlan<T> {
  /** Documents to write (whole), by key. None: nothing to change. */
  writes?: Record<string, object>;
  result: T;
}

export class ConflictError extends Error {}

const MAX_ATTEMPTS = 12;
const locks = new WeakMap<Storage, Promise<unknown>>();

/** Runs one transaction at a time per store within this process (MemoryStorage is not atomic). */
function exclusive<T>(storage: Storage, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(storage) ?? Promise.resolve();
  const run = previous.then(work, work);
  locks.set(storage, run.catch(() => undefined));
  return run;
}

export function isConflict(err: unknown): boolean {
  return /etag|conflict|precondition/i.test(String((err as Error)?.message ?? err));
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function transact<T>(storage: Storage, keys: string[], plan: (docs: Docs) => TxPlan<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await exclusive(storage, async () => {
      const items: StoreItems = await storage.read(keys);
      const docs: Docs = {};
      const etags: Record<string, string | undefined> = {};
      for (const key of keys) {
        const item = items[key] as Doc | undefined;
        if (!item) continue;
        const { eTag, ...doc } = item;
        etags[key] = typeof eTag === 'string' ? eTag : undefined;
        docs[key] = doc;
      }
      const { writes, result } = plan(docs);
      if (!writes || Object.keys(writes).length === 0) return { done: true as const, result };
      const changes: StoreItems = {};
      for (const [key, doc] of Object.entries(writes)) {
        // A document read is written back only if unchanged since; a new one is created.
        const eTag = etags[key];
        changes[key] = eTag ? { ...doc, eTag } : { ...doc };
      }
      try {
        await storage.write(changes);
        return { done: true as const, result };
      } catch (err) {
        if (!isConflict(err)) throw err;
        return { done: false as const };
      }
    });
    if (outcome.done) return outcome.result;
    if (attempt >= MAX_ATTEMPTS) throw new ConflictError(`storage: gave up after ${attempt} conflicting writes to ${keys.join(', ')}`);
    // Back off a little, with jitter, so competing processes stop colliding.
    await pause(Math.floor(Math.random() * 10 * attempt) + 1);
  }
}
