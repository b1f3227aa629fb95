import fs from 'fs';
import os from 'os';
import path from 'path';
import { SqliteStorage } from '../../bot/storage';

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
});
