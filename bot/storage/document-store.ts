// The application's database interface: JSON documents by key, each with an eTag that changes at
// every write, so writers check that nothing changed since they read (optimistic concurrency).
// SQLite, Redis and memory implement it; test/storage/contract.ts is what each one must pass.

/** A stored document: a JSON object (what JSON.stringify keeps of it is what comes back). */
export type Doc = Record<string, unknown>;

export interface StoredDoc {
  doc: Doc;
  /** Changes at every write of the key; pass it as ifMatch to write over exactly this version. */
  eTag: string;
}

/** read(): the documents found, by key; a key with no document is absent. */
export type ReadResult = Record<string, StoredDoc | undefined>;

export interface DocumentWrite {
  key: string;
  /** A plain object; stored whole (no eTag field needed or kept). */
  doc: object;
  /**
   * An eTag from read(): the write happens only over that version, and a ConflictError is thrown if the
   * document changed or is gone. '*' or absent: create or overwrite, whatever is stored.
   */
  ifMatch?: string;
  /** true: the write happens only if no document exists under the key (a ConflictError otherwise). */
  ifAbsent?: boolean;
}

/** What a write checks before it happens (see DocumentWrite). */
export type WriteCondition = { kind: 'any' } | { kind: 'absent' } | { kind: 'match'; eTag: string };

/** A write's condition did not hold: another writer got there first. Read again and retry (see transact()). */
export class ConflictError extends Error {
  constructor(
    /** The first key whose condition failed. */
    readonly key: string,
    message = `storage: eTag conflict writing "${key}"`,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConflictError';
  }
}

export interface DocumentStore {
  /** The documents stored under these keys (missing keys are left out). */
  read(keys: readonly string[]): Promise<ReadResult>;
  /** Writes one document if its condition holds (ConflictError otherwise); returns its new eTag. */
  write(key: string, doc: object, condition?: Pick<DocumentWrite, 'ifMatch' | 'ifAbsent'>): Promise<string>;
  /**
   * Writes several documents atomically: every condition is checked first, then all are written, or
   * none is and a ConflictError names the first key that failed. Returns the new eTags in order.
   */
  writeAll(writes: readonly DocumentWrite[]): Promise<string[]>;
  /** Deletes these keys (missing ones are ignored). */
  delete(keys: readonly string[]): Promise<void>;
  /**
   * Deletes now the documents past the store's retention period and returns how many. A store whose
   * database expires documents by itself (Redis TTLs) returns 0; the others also sweep on a timer.
   */
  sweep(): Promise<number>;
  close(): Promise<void>;
}

/** The condition of a write, checked for contradictions; and one write per key (a write() cannot depend on itself). */
export function conditionsOf(writes: readonly DocumentWrite[]): WriteCondition[] {
  const seen = new Set<string>();
  return writes.map((w) => {
    if (seen.has(w.key)) throw new Error(`storage: "${w.key}" appears twice in one write`);
    seen.add(w.key);
    if (w.ifAbsent) {
      if (w.ifMatch !== undefined && w.ifMatch !== '*') throw new Error(`storage: "${w.key}" cannot be both ifAbsent and ifMatch an eTag`);
      return { kind: 'absent' };
    }
    return w.ifMatch === undefined || w.ifMatch === '*' ? { kind: 'any' } : { kind: 'match', eTag: w.ifMatch };
  });
}

/** Whether a condition holds for the eTag stored now (undefined: no document). */
export function holds(condition: WriteCondition, stored: string | undefined): boolean {
  switch (condition.kind) {
    case 'any':
      return true;
    case 'absent':
      return stored === undefined;
    case 'match':
      return stored === condition.eTag;
  }
}
