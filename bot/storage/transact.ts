// Optimistic transactions on a DocumentStore: read some documents, decide the new ones, write them
// all in one atomic writeAll() on the condition that nothing read has changed, and start again
// (after a short jittered wait) if another writer got there first. Every read-modify-write of the
// application goes through here: conversation state, tickets, the outbox, counters, activity logs.
import { ConflictError, type Doc, type DocumentStore, type DocumentWrite } from './document-store';

/** The documents a transaction read, by key (undefined: none stored). */
export type Docs = Record<string, Doc | undefined>;

export interface TxPlan<T> {
  /** Documents to write (whole), by key. None: nothing to change. */
  writes?: Record<string, object>;
  result: T;
}

export interface RetryPolicy {
  /** Attempts before giving up with a ConflictError. */
  attempts: number;
  /** Before attempt n (from 1) the wait is random in [0, min(capMs, baseMs·2^n)) ms, so colliding writers drift apart. */
  baseMs: number;
  capMs: number;
  /**
   * One such transaction at a time per store within this process: writers in one process then never
   * collide, only across processes. Not for a plan that runs other transactions on the same store.
   */
  serial?: boolean;
}

/** Tickets, the outbox and counters: short plans, one at a time in a process. */
export const RECORD_RETRY: RetryPolicy = { attempts: 12, baseMs: 10, capMs: 200, serial: true };
/** A conversation's state: two instances taking turns of one conversation at once. */
export const CONVERSATION_RETRY: RetryPolicy = { attempts: 12, baseMs: 10, capMs: 200 };
/** A Direct Line activity log: writers on several instances can collide often in a burst. */
export const ACTIVITY_LOG_RETRY: RetryPolicy = { attempts: 40, baseMs: 5, capMs: 250 };

const queues = new WeakMap<DocumentStore, Promise<unknown>>();

function serially<T>(store: DocumentStore, work: () => Promise<T>): Promise<T> {
  const previous = queues.get(store) ?? Promise.resolve();
  const run = previous.then(work, work);
  queues.set(store, run.catch(() => undefined));
  return run;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The wait before attempt n (from 1) under a policy. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(policy.capMs, policy.baseMs * 2 ** attempt);
}

type Outcome<T> = { done: true; result: T } | { done: false; conflict: ConflictError };

/**
 * Runs `plan` on the documents under `keys` and writes what it returns. A document the plan read is
 * written only if unchanged since (its eTag), one it found missing only if still missing; a key it
 * did not read is overwritten. On a conflict the plan runs again on fresh documents, up to
 * `policy.attempts` times; then a ConflictError "gave up after N conflicting writes" is thrown.
 * Any other error (also one the plan throws) ends the transaction at once.
 */
export async function transact<T>(
  store: DocumentStore,
  keys: readonly string[],
  plan: (docs: Docs) => TxPlan<T> | Promise<TxPlan<T>>,
  policy: RetryPolicy = RECORD_RETRY,
): Promise<T> {
  const once = async (): Promise<Outcome<T>> => {
    const stored = await store.read(keys);
    const docs: Docs = {};
    for (const key of keys) docs[key] = stored[key]?.doc;
    const { writes, result } = await plan(docs);
    if (!writes || Object.keys(writes).length === 0) return { done: true, result };
    const changes: DocumentWrite[] = Object.entries(writes).map(([key, doc]) => {
      if (!keys.includes(key)) return { key, doc };
      const eTag = stored[key]?.eTag;
      return eTag === undefined ? { key, doc, ifAbsent: true } : { key, doc, ifMatch: eTag };
    });
    try {
      await store.writeAll(changes);
      return { done: true, result };
    } catch (err) {
      if (err instanceof ConflictError) return { done: false, conflict: err };
      throw err;
    }
  };
  for (let attempt = 1; ; attempt++) {
    const outcome = policy.serial ? await serially(store, once) : await once();
    if (outcome.done) return outcome.result;
    if (attempt >= policy.attempts) {
      throw new ConflictError(outcome.conflict.key, `storage: gave up after ${attempt} conflicting writes to ${keys.join(', ')}`, { cause: outcome.conflict });
    }
    await pause(backoffMs(policy, attempt));
  }
}
