// Documents in this process's memory, for tests and `hanna chat`'s own conversation. Same contract as
// the SQLite and Redis stores, including an atomic writeAll() and retention; gone when the process ends.
import crypto from 'crypto';
import { ConflictError, conditionsOf, holds, type DocumentStore, type DocumentWrite, type ReadResult } from './document-store';
import { expires, startSweeps, SWEEP_EVERY_MS, type RetentionPolicy, type SweepReport } from './retention';

export interface MemoryStoreOptions extends SweepReport {
  /** Documents to delete some time after their last write; none when absent or maxAgeMs is 0. */
  retention?: RetentionPolicy;
  /** Milliseconds since the epoch: each document's last write time and the sweep's cut-off (tests move it). */
  clock?: () => number;
  sweepEveryMs?: number;
}

interface Entry {
  /** Kept as JSON, so a caller changing an object after write() or read() never changes the store. */
  json: string;
  eTag: string;
  updatedAt: number;
}

export class MemoryDocumentStore implements DocumentStore {
  private readonly entries = new Map<string, Entry>();
  private readonly clock: () => number;
  private readonly retention: RetentionPolicy | null;
  private stopSweeps: () => void = () => undefined;

  constructor(options: MemoryStoreOptions = {}) {
    this.clock = options.clock ?? Date.now;
    const policy = options.retention;
    this.retention = policy && policy.maxAgeMs > 0 && policy.prefixes.length > 0 ? policy : null;
    if (this.retention) this.stopSweeps = startSweeps(() => this.sweepNow(), options.sweepEveryMs ?? SWEEP_EVERY_MS, options);
  }

  async read(keys: readonly string[]): Promise<ReadResult> {
    const found: ReadResult = {};
    for (const key of keys) {
      const entry = this.entries.get(key);
      if (entry) found[key] = { doc: JSON.parse(entry.json), eTag: entry.eTag };
    }
    return found;
  }

  async write(key: string, doc: object, condition: Pick<DocumentWrite, 'ifMatch' | 'ifAbsent'> = {}): Promise<string> {
    const [eTag] = await this.writeAll([{ key, doc, ...condition }]);
    return eTag;
  }

  async writeAll(writes: readonly DocumentWrite[]): Promise<string[]> {
    // Synchronous from the first check to the last write: no other call runs in between, so all or none.
    const conditions = conditionsOf(writes);
    const jsons = writes.map((w) => JSON.stringify(w.doc));
    writes.forEach((w, i) => {
      if (!holds(conditions[i], this.entries.get(w.key)?.eTag)) throw new ConflictError(w.key);
    });
    const now = this.clock();
    return writes.map((w, i) => {
      const eTag = crypto.randomUUID();
      this.entries.set(w.key, { json: jsons[i], eTag, updatedAt: now });
      return eTag;
    });
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) this.entries.delete(key);
  }

  async sweep(): Promise<number> {
    return this.sweepNow();
  }

  private sweepNow(): number {
    const policy = this.retention;
    if (!policy) return 0;
    const cutoff = this.clock() - policy.maxAgeMs;
    let deleted = 0;
    for (const [key, entry] of this.entries) {
      if (entry.updatedAt < cutoff && expires(policy, key)) {
        this.entries.delete(key);
        deleted++;
      }
    }
    return deleted;
  }

  async close(): Promise<void> {
    this.stopSweeps();
  }
}
