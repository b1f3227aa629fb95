// botbuilder Storage on an embedded SQLite file: the default store, so a restart (or a
// kill -9) loses no conversation. eTags give the same optimistic concurrency as MemoryStorage.
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';
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

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement;
  private readonly putStmt: Database.Statement;
  private readonly delStmt: Database.Statement;
  /** The eTag alone: checking it must not read and parse the whole 16 KB document (issue 15). */
  private readonly etagStmt: Database.Statement;
  private readonly applyWrites: (entries: [string, Record<string, unknown>][]) => void;
  private readonly clock: () => number;
  private readonly sweeper: { stmt: Database.Statement; ranges: string[]; maxAgeMs: number } | null = null;
  private stopSweeps: () => void = () => undefined;

  constructor(file: string, options: SqliteStorageOptions = {}) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.clock = options.clock ?? Date.now;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous === 'FULL' ? 'FULL' : 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.getStmt = this.db.prepare('SELECT doc, etag FROM items WHERE key = ?');
    this.putStmt = this.db.prepare(
      'INSERT INTO items (key, doc, etag, updated_at) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag, updated_at = excluded.updated_at',
    );
    this.delStmt = this.db.prepare('DELETE FROM items WHERE key = ?');
    this.etagStmt = this.db.prepare('SELECT etag FROM items WHERE key = ?').pluck();
    // One transaction, built once: either every change of a write is stored or none is.
    this.applyWrites = this.db.transaction((entries: [string, Record<string, unknown>][]) => {
      const now = this.clock();
      for (const [key, item] of entries) {
        const expected = item.eTag as string | undefined;
        if (expected && expected !== '*') {
          const stored = this.etagStmt.get(key) as string | undefined;
          if (stored !== undefined && stored !== expected) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        const { eTag: _ignored, ...doc } = item;
        this.putStmt.run(key, JSON.stringify(doc), crypto.randomUUID(), now);
      }
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
      this.stopSweeps = startSweeps(() => this.sweep(), options.sweepEveryMs ?? SWEEP_EVERY_MS, options);
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
  sweep(): number {
    if (!this.sweeper || !this.db.open) return 0;
    const { stmt, ranges, maxAgeMs } = this.sweeper;
    return stmt.run(this.clock() - maxAgeMs, ...ranges).changes;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.getStmt.get(key) as { doc: string; etag: string } | undefined;
      if (row) items[key] = { ...JSON.parse(row.doc), eTag: row.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.applyWrites(Object.entries(changes) as [string, Record<string, unknown>][]);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.delStmt.run(key);
  }

  close(): void {
    this.stopSweeps();
    if (this.db.open) this.db.close();
  }
}
