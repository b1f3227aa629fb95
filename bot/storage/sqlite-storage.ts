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

interface Written {
  eTag: string;
  at: number;
}

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
  private readonly applyWrites: (rows: { key: string; json: string; condition: WriteCondition }[]) => Written[];
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
    // One transaction, built once: either every change of a write is stored or none is (a
    // ConflictError thrown inside rolls back the rows already written).
    this.applyWrites = this.db.transaction((rows: { key: string; json: string; condition: WriteCondition }[]) => {
      const now = this.clock();
      return rows.map(({ key, json, condition }): Written => {
        const eTag = crypto.randomUUID();
        // The write time is for retention, counted in days: one less than STAMP_MS old is left as it is,
        // which spares the updated_at index a change on nearly every turn (issue 15).
        const kept = condition.kind === 'match' ? this.recent.get(key) : undefined;
        const keepTime = kept !== undefined && condition.kind === 'match' && kept.etag === condition.eTag && now - kept.at >= 0 && now - kept.at < STAMP_MS;
        // The condition is part of the statement: no change means it did not hold.
        const changed =
          condition.kind === 'match'
            ? keepTime
              ? this.updateKeepTimeStmt.run(json, eTag, key, condition.eTag).changes
              : this.updateIfStmt.run(json, eTag, now, key, condition.eTag).changes
            : condition.kind === 'absent'
              ? this.insertIfAbsentStmt.run(key, json, eTag, now).changes
              : this.putStmt.run(key, json, eTag, now).changes;
        if (changed === 0) throw new ConflictError(key);
        return { eTag, at: keepTime ? kept.at : now };
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
    const { stmt, ranges, maxAgeMs } = this.sweeper;
    const deleted = stmt.run(this.clock() - maxAgeMs, ...ranges).changes;
    if (deleted > 0) this.recent.clear();
    return deleted;
  }

  async read(keys: readonly string[]): Promise<ReadResult> {
    this.checkOtherWriters();
    const found: ReadResult = {};
    for (const key of keys) {
      const row = this.recent.get(key) ?? this.load(key);
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

  async writeAll(writes: readonly DocumentWrite[]): Promise<string[]> {
    const conditions = conditionsOf(writes);
    const rows = writes.map((w, i) => ({ key: w.key, json: JSON.stringify(w.doc), condition: conditions[i] }));
    let written: Written[];
    try {
      written = this.applyWrites(rows);
    } catch (err) {
      // A conflict: another writer's version is newer than any row kept here.
      for (const row of rows) this.recent.delete(row.key);
      throw err;
    }
    // Committed: these are now the stored versions.
    rows.forEach((row, i) => this.remember(row.key, { doc: row.json, etag: written[i].eTag, at: written[i].at }));
    return written.map((w) => w.eTag);
  }

  async delete(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      this.delStmt.run(key);
      this.recent.delete(key);
    }
  }

  /** Synchronous inside: the file is closed when this returns its promise. */
  async close(): Promise<void> {
    this.stopSweeps();
    if (this.db.open) this.db.close();
  }
}
