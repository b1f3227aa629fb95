import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStorage, SqliteStorage } from '../../bot/storage';
import { readConfig } from '../../bot/config';

// The DocumentStore contract (eTags, the atomic writeAll, expiry) is test/storage/contract.test.ts.
describe('SQLite storage (the embedded default)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-sqlite-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('what is written survives closing and reopening the file', async () => {
    const file = path.join(dir, 'sub', 'hanna.db');
    const a = new SqliteStorage(file);
    const eTag = await a.write('k1', { lang: 'ms', topics: ['login_how'] });
    await a.close();
    const b = new SqliteStorage(file);
    expect(await b.read(['k1', 'missing'])).toEqual({ k1: { doc: { lang: 'ms', topics: ['login_how'] }, eTag } });
    await b.close();
  });

  test('commits are synced NORMAL by default (WAL), FULL when SQLITE_SYNC=FULL, for the counters in the same file too', async () => {
    const synchronous = (s: SqliteStorage) => s.database.pragma('synchronous', { simple: true });
    const byDefault = createStorage(`sqlite:${path.join(dir, 'n.db')}`, { sqliteSync: readConfig({}).sqliteSync });
    const normal = byDefault.storage as SqliteStorage;
    expect(synchronous(normal)).toBe(1);
    expect(normal.database.pragma('journal_mode', { simple: true })).toBe('wal');
    await byDefault.close();
    const full = createStorage(`sqlite:${path.join(dir, 'f.db')}`, { sqliteSync: readConfig({ SQLITE_SYNC: 'full' }).sqliteSync });
    expect(synchronous(full.storage as SqliteStorage)).toBe(2);
    await full.close();
  });

  test('an unknown SQLITE_SYNC stops the start with a clear message', () => {
    expect(() => readConfig({ SQLITE_SYNC: 'OFF' })).toThrow(/SQLITE_SYNC must be NORMAL or FULL, got "OFF"/);
  });
});
