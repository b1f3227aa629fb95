// The DocumentStore on an embedded SQLite file: the default store, so a restart (or a
// kill -9) loses no conversation. One row per document: its JSON, its eTag and its last write time.
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import Database from 'better-sqlite3';
import { ConflictError, conditionsOf, type DocumentStore, type DocumentWrite, type ReadResult, type WriteCondition } from './document-store';
import { prefixRange, startSweeps, SWEEP_EVERY_MS, type RetentionPolicy, type SweepReport } from './retention';

export interface SqliteStorageOptions extends SweepReport {
  /** Documents to delete some time after their last write; none when absent or maxAgeMs is 0. */
  retention?: RetentionPolicy;
  /** Milliseconds since the epoch: each row's last write time and the sweep's cut-off (tests move it). */
  clock?: () => number;
  sweepEveryMs?: number;
  /**
   * NORMAL (default): in WAL mode a commit is in the OS before the reply goes out, so kill -9 of the
   * process loses nothing; an OS crash or power loss can lose the last commits. FULL fsyncs every
   * commit (2.5 ms median, 23% of a turn under load, issue 15). The rate-limit counters in the same
   * file share the setting.
   */
  synchronous?: 'NORMAL' | 'FULL';
}

/** How many recently used rows are kept as JSON (about 4 KB each for a conversation). */
const RECENT_ROWS = 500;

/** A write time younger than this is not renewed: retention may end up to an hour early, never late. */
const STAMP_MS = 3_600_000;

/** A row as stored: its JSON, eTag and last write time (ms). */
interface Kept {
  doc: string;
  etag: string;
  at: number;
}

interface Row {
  key: string;
  json: string;
  condition: WriteCondition;
  /** Made when the write is queued: a read of the pending version gets it, a chained write names it. */
  eTag: string;
}

/** A writeAll() waiting for the next commit. */
interface Queued {
  rows: Row[];
  resolve: (eTags: string[]) => void;
  reject: (err: unknown) => void;
}

/** What one queued writeAll() did in a commit: its rows' write times, or the conflict that undid it. */
type Outcome = { ats: number[] } | { conflict: ConflictError };

// Captured at load: a test's fake timers must not stop commits.
const nextTurn = setImmediate;

export class SqliteStorage implements DocumentStore {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement;
  private readonly putStmt: Database.Statement;
  private readonly delStmt: Database.Statement;
  /** A write over one version: the eTag is checked by the UPDATE itself, no separate read (issue 15). */
  private readonly updateIfStmt: Database.Statement;
  /** The same, leaving a write time less than STAMP_MS old as it is (no updated_at index change). */
  private readonly updateKeepTimeStmt: Database.Statement;
  private readonly insertIfAbsentStmt: Database.Statement;
  private readonly commitQueued: (queued: Queued[], now: number) => Outcome[];
  private queued: Queued[] = [];
  private commitScheduled = false;
  /** Versions queued for the next commit, newest per key: reads in this process see them (see writeAll). */
  private readonly pending = new Map<string, Kept>();
  private readonly clock: () => number;
  private readonly sweeper: { stmt: Database.Statement; ranges: string[]; maxAgeMs: number } | null = null;
  private stopSweeps: () => void = () => undefined;
  /**
   * The rows this connection last read or wrote, newest last (issue 15: a conversation's next turn
   * reads what its last turn wrote). Valid while no other connection has committed (checkOtherWriters).
   */
  private readonly recent = new Map<string, Kept>();
  private readonly dataVersionStmt: Database.Statement;
  private dataVersion = -1;

  constructor(file: string, options: SqliteStorageOptions = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.clock = options.clock ?? Date.now;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.getStmt = this.db.prepare('SELECT doc, etag, updated_at AS at FROM items WHERE key = ?');
    this.dataVersionStmt = this.db.prepare('PRAGMA data_version').pluck();
    this.putStmt = this.db.prepare(
      'INSERT INTO items (key, doc, etag, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    this.delStmt = this.db.prepare('DELETE FROM items WHERE key = ?');
    this.updateIfStmt = this.db.prepare('UPDATE items SET doc = ?, etag = ?, updated_at = ? WHERE key = ? AND etag = ?');
    this.updateKeepTimeStmt = this.db.prepare('UPDATE items SET doc = ?, etag = ? WHERE key = ? AND etag = ?');
    this.insertIfAbsentStmt = this.db.prepare('INSERT INTO items (key, doc, etag, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO NOTHING');
    // One writeAll() is one savepoint: either every change of it is stored or none is (a ConflictError
    // thrown inside rolls back the rows already written), without undoing the others in the commit.
    const applyGroup = this.db.transaction((rows: Row[], now: number, times: Map<string, Kept>) => rows.map((row) => this.applyRow(row, now, times)));
    // Every writeAll() queued since the last commit, in one transaction (group commit): one COMMIT for
    // a burst of turns instead of one each (issue 15).
    this.commitQueued = this.db.transaction((queued: Queued[], now: number): Outcome[] => {
      const times = new Map<string, Kept>();
      return queued.map((q) => {
        try {
          return { ats: applyGroup(q.rows, now, times) };
        } catch (err) {
          if (err instanceof ConflictError) return { conflict: err };
          throw err;
        }
      });
    });
    const policy = options.retention;
    if (policy && policy.maxAgeMs > 0 && policy.prefixes.length > 0) {
      // One statement for every prefix; key ranges (not LIKE) so the primary-key index applies.
      const where = policy.prefixes.map(() => '(key >= ? AND key < ?)').join(' OR ');
      this.sweeper = {
        stmt: this.db.prepare(`DELETE FROM items WHERE updated_at < ? AND (${where})`),
        ranges: policy.prefixes.flatMap(prefixRange),
        maxAgeMs: policy.maxAgeMs,
      };
      this.stopSweeps = startSweeps(() => this.sweepNow(), options.sweepEveryMs ?? SWEEP_EVERY_MS, options);
    }
  }

  /** One row under its condition, which is part of the statement: no change means it did not hold. Its write time. */
  private applyRow({ key, json, condition, eTag }: Row, now: number, times: Map<string, Kept>): number {
    // The write time is for retention, counted in days: one less than STAMP_MS old is left as it is,
    // which spares the updated_at index a change on nearly every turn (issue 15).
    const kept = times.get(key) ?? this.recent.get(key);
    const keepTime = condition.kind === 'match' && kept?.etag === condition.eTag && now - kept.at >= 0 && now - kept.at < STAMP_MS;
    const changed =
      condition.kind === 'match'
        ? keepTime
          ? this.updateKeepTimeStmt.run(json, eTag, key, condition.eTag).changes
          : this.updateIfStmt.run(json, eTag, now, key, condition.eTag).changes
        : condition.kind === 'absent'
          ? this.insertIfAbsentStmt.run(key, json, eTag, now).changes
          : this.putStmt.run(key, json, eTag, now).changes;
    if (changed === 0) throw new ConflictError(key);
    const at = keepTime ? kept.at : now;
    times.set(key, { doc: json, etag: eTag, at });
    return at;
  }

  /** The open database, for other tables in the same file (the rate-limit counters). */
  get database(): Database.Database {
    return this.db;
  }

  /** Creates the table, or adds updated_at to a file from before retention existed. */
  private migrate(): void {
    // IMMEDIATE: two processes opening one old file at once do not both add the column.
    this.db
      .transaction(() => {
        this.db.exec(
          'CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, doc TEXT NOT NULL, etag TEXT NOT NULL, updated_at INTEGER NOT NULL DEFAULT 0)',
        );
        const columns = this.db.prepare('PRAGMA table_info(items)').all() as { name: string }[];
        if (!columns.some((c) => c.name === 'updated_at')) {
          this.db.exec('ALTER TABLE items ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0');
          // Older rows' age is unknown: their retention period starts now instead of deleting them all at once.
          this.db.prepare('UPDATE items SET updated_at = ?').run(this.clock());
        }
        this.db.exec('CREATE INDEX IF NOT EXISTS items_updated_at ON items (updated_at)');
      })
      .immediate();
  }

  /** Deletes the expired documents now; returns how many. Also runs at open and every hour. */
  async sweep(): Promise<number> {
    return this.sweepNow();
  }

  private sweepNow(): number {
    if (!this.sweeper || !this.db.open) return 0;
    this.commitNow();
    const { stmt, ranges, maxAgeMs } = this.sweeper;
    const deleted = stmt.run(this.clock() - maxAgeMs, ...ranges).changes;
    if (deleted > 0) this.recent.clear();
    return deleted;
  }

  async read(keys: readonly string[]): Promise<ReadResult> {
    this.checkOtherWriters();
    const found: ReadResult = {};
    for (const key of keys) {
      const row = this.pending.get(key) ?? this.recent.get(key) ?? this.load(key);
      if (row) found[key] = { doc: JSON.parse(row.doc), eTag: row.etag };
    }
    return found;
  }

  /** A row from the file, kept as the newest recent one. */
  private load(key: string): Kept | undefined {
    const row = this.getStmt.get(key) as Kept | undefined;
    if (row) this.remember(key, row);
    return row;
  }

  private remember(key: string, row: Kept): void {
    this.recent.delete(key);
    this.recent.set(key, row);
    if (this.recent.size > RECENT_ROWS) this.recent.delete(this.recent.keys().next().value as string);
  }

  /**
   * The recent rows hold only what this connection read or wrote; SQLite's data_version changes when
   * any other connection (another process, a CLI command) commits, and then they are dropped.
   */
  private checkOtherWriters(): void {
    const version = this.dataVersionStmt.get() as number;
    if (version !== this.dataVersion) {
      this.recent.clear();
      this.dataVersion = version;
    }
  }

  async write(key: string, doc: object, condition: Pick<DocumentWrite, 'ifMatch' | 'ifAbsent'> = {}): Promise<string> {
    const [eTag] = await this.writeAll([{ key, doc, ...condition }]);
    return eTag;
  }

  /**
   * Queued for the commit at the end of this turn of the event loop, with every other write made in it;
   * resolves once committed (so a reply that depends on it goes out after). Until then reads in this
   * process see the new version, as the writes that follow it in the same commit will. A write over a
   * version that is not the newest here fails at once.
   */
  writeAll(writes: readonly DocumentWrite[]): Promise<string[]> {
    let rows: Row[];
    try {
      const conditions = conditionsOf(writes);
      rows = writes.map((w, i) => ({ key: w.key, json: JSON.stringify(w.doc), condition: conditions[i], eTag: crypto.randomUUID() }));
    } catch (err) {
      return Promise.reject(err);
    }
    for (const row of rows) {
      const newer = this.pending.get(row.key);
      if (newer && (row.condition.kind === 'absent' || (row.condition.kind === 'match' && row.condition.eTag !== newer.etag))) {
        this.recent.delete(row.key);
        return Promise.reject(new ConflictError(row.key));
      }
    }
    const now = this.clock();
    for (const row of rows) this.pending.set(row.key, { doc: row.json, etag: row.eTag, at: now });
    return new Promise((resolve, reject) => {
      this.queued.push({ rows, resolve, reject });
      if (!this.commitScheduled) {
        this.commitScheduled = true;
        nextTurn(() => this.commitNow());
      }
    });
  }

  /** Commits the queued writes now (also before a delete, a sweep and closing). */
  private commitNow(): void {
    this.commitScheduled = false;
    const queued = this.queued;
    if (queued.length === 0) return;
    this.queued = [];
    let outcomes: Outcome[];
    try {
      if (!this.db.open) throw new Error('storage: the SQLite store is closed');
      outcomes = this.commitQueued(queued, this.clock());
    } catch (err) {
      // Nothing of the commit is stored.
      for (const q of queued) {
        this.forget(q.rows);
        q.reject(err);
      }
      return;
    }
    queued.forEach((q, i) => {
      const outcome = outcomes[i];
      this.forget(q.rows);
      if ('conflict' in outcome) {
        q.reject(outcome.conflict);
        return;
      }
      q.rows.forEach((row, j) => this.remember(row.key, { doc: row.json, etag: row.eTag, at: outcome.ats[j] }));
      q.resolve(q.rows.map((row) => row.eTag));
    });
  }

  /** Drops the rows' pending versions (when still the newest) and what is kept of their keys. */
  private forget(rows: readonly Row[]): void {
    for (const row of rows) {
      if (this.pending.get(row.key)?.etag === row.eTag) this.pending.delete(row.key);
      this.recent.delete(row.key);
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    // A write queued before the delete is committed first, so the delete wins.
    this.commitNow();
    for (const key of keys) {
      this.delStmt.run(key);
      this.recent.delete(key);
    }
  }

  /** Synchronous inside: the file is closed when this returns its promise. */
  async close(): Promise<void> {
    this.stopSweeps();
    if (this.db.open) this.commitNow();
    if (this.db.open) this.db.close();
  }
}
