import fs from 'fs';
import os from 'os';
import path from 'path';
import { createStorage, SqliteStorage } from '../../bot/storage';
import { readConfig } from '../../bot/config';

describe('SQLite storage (the embedded default)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-sqlite-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('what is written survives closing and reopening the file', async () => {
    const file = path.join(dir, 'sub', 'hanna.db');
    const a = new SqliteStorage(file);
    await a.write({ k1: { lang: 'ms', topics: ['login_how'], eTag: '*' } });
    a.close();
    const b = new SqliteStorage(file);
    const items = await b.read(['k1', 'missing']);
    expect(items.k1).toMatchObject({ lang: 'ms', topics: ['login_how'] });
    expect(typeof items.k1.eTag).toBe('string');
    expect(items.missing).toBeUndefined();
    b.close();
  });

  test('a write with a stale eTag is refused and the newer document kept', async () => {
    const s = new SqliteStorage(path.join(dir, 'x.db'));
    await s.write({ k: { n: 1 } });
    const first = (await s.read(['k'])).k;
    await s.write({ k: { n: 2, eTag: first.eTag } });
    await expect(s.write({ k: { n: 3, eTag: first.eTag } })).rejects.toThrow(/eTag/);
    expect((await s.read(['k'])).k.n).toBe(2);
    s.close();
  });

  test('delete removes the item', async () => {
    const s = new SqliteStorage(path.join(dir, 'y.db'));
    await s.write({ k: { n: 1 } });
    await s.delete(['k']);
    expect(await s.read(['k'])).toEqual({});
    s.close();
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

  test('a write whose second document has a stale eTag stores neither (one transaction)', async () => {
    const s = new SqliteStorage(path.join(dir, 't.db'));
    await s.write({ a: { n: 1 }, b: { n: 1 } });
    const before = await s.read(['a', 'b']);
    await s.write({ b: { n: 2, eTag: before.b.eTag } });
    await expect(s.write({ a: { n: 9, eTag: before.a.eTag }, b: { n: 9, eTag: before.b.eTag } })).rejects.toThrow(/eTag conflict/);
    const after = await s.read(['a', 'b']);
    expect([after.a.n, after.b.n]).toEqual([1, 2]);
    await s.write({ a: { n: 3, eTag: after.a.eTag }, b: { n: 3, eTag: after.b.eTag } });
    expect((await s.read(['a'])).a.n).toBe(3);
    s.close();
  });
});
