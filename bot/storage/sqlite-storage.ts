// botbuilder Storage on an embedded SQLite file: the default store, so a restart (or a
// kill -9) loses no conversation. eTags give the same optimistic concurrency as MemoryStorage.
import fs from 'fs';
import path from 'path';
import crypto from 'crypto';
import Database from 'better-sqlite3';
import type { Storage, StoreItems } from 'botbuilder';

export class SqliteStorage implements Storage {
  private readonly db: Database.Database;
  private readonly getStmt: Database.Statement;
  private readonly putStmt: Database.Statement;
  private readonly delStmt: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file);
    // WAL + FULL sync: every acknowledged write survives a crash of the process or the machine.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec('CREATE TABLE IF NOT EXISTS items (key TEXT PRIMARY KEY, doc TEXT NOT NULL, etag TEXT NOT NULL)');
    this.getStmt = this.db.prepare('SELECT doc, etag FROM items WHERE key = ?');
    this.putStmt = this.db.prepare('INSERT INTO items (key, doc, etag) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET doc = excluded.doc, etag = excluded.etag');
    this.delStmt = this.db.prepare('DELETE FROM items WHERE key = ?');
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
    // One transaction: either every change is stored or none is.
    const apply = this.db.transaction((entries: [string, Record<string, unknown>][]) => {
      for (const [key, item] of entries) {
        const expected = item.eTag as string | undefined;
        if (expected && expected !== '*') {
          const row = this.getStmt.get(key) as { etag: string } | undefined;
          if (row && row.etag !== expected) throw new Error(`Storage: error writing "${key}" due to eTag conflict.`);
        }
        const { eTag: _ignored, ...doc } = item;
        this.putStmt.run(key, JSON.stringify(doc), crypto.randomUUID());
      }
    });
    apply(Object.entries(changes) as [string, Record<string, unknown>][]);
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.delStmt.run(key);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
