// The SQLite store commits the writes of one turn of the event loop together (group commit) and keeps
// the rows it last read or wrote. A write resolves only once committed; what another connection commits
// to the same file (another process, a CLI command) is seen at once; a conflict undoes only its own write.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { ConflictError, SqliteStorage } from '../../bot/storage';

let dir: string;
let a: SqliteStorage;
let b: SqliteStorage;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-recent-'));
  const file = path.join(dir, 'hanna.db');
  a = new SqliteStorage(file);
  b = new SqliteStorage(file);
});
afterEach(async () => {
  await a.close();
  await b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a write by another connection is read at once, and a write over the old version is a conflict", async () => {
  const first = await a.write('conversation/x', { turn: 1 });
  expect((await a.read(['conversation/x']))['conversation/x']?.doc).toEqual({ turn: 1 });
  const theirs = await b.write('conversation/x', { turn: 2 }, { ifMatch: first });
  const seen = (await a.read(['conversation/x']))['conversation/x'];
  expect(seen).toEqual({ doc: { turn: 2 }, eTag: theirs });
  await expect(a.write('conversation/x', { turn: 3 }, { ifMatch: first })).rejects.toBeInstanceOf(ConflictError);
  await a.write('conversation/x', { turn: 3 }, { ifMatch: theirs });
  expect((await b.read(['conversation/x']))['conversation/x']?.doc).toEqual({ turn: 3 });
});

test('a delete by another connection is seen; a delete here is too', async () => {
  await a.write('conversation/y', { turn: 1 });
  await a.read(['conversation/y']);
  await b.delete(['conversation/y']);
  expect(await a.read(['conversation/y'])).toEqual({});
  await b.write('conversation/z', { turn: 1 });
  await a.read(['conversation/z']);
  await a.delete(['conversation/z']);
  expect(await a.read(['conversation/z'])).toEqual({});
});

test('what a caller does to a document it read or wrote never changes the store', async () => {
  const doc = { list: [1] };
  await a.write('conversation/w', doc);
  doc.list.push(2);
  const read = (await a.read(['conversation/w']))['conversation/w']!.doc as { list: number[] };
  expect(read.list).toEqual([1]);
  read.list.push(3);
  expect(((await a.read(['conversation/w']))['conversation/w']!.doc as { list: number[] }).list).toEqual([1]);
});

test('a failed all-or-nothing write keeps nothing of it, here or in the file', async () => {
  const eTag = await a.write('k/1', { v: 1 });
  await b.write('k/2', { v: 'theirs' });
  await expect(a.writeAll([{ key: 'k/1', doc: { v: 2 }, ifMatch: eTag }, { key: 'k/2', doc: { v: 2 }, ifAbsent: true }])).rejects.toBeInstanceOf(ConflictError);
  expect((await a.read(['k/1']))['k/1']?.doc).toEqual({ v: 1 });
  expect((await b.read(['k/1']))['k/1']?.doc).toEqual({ v: 1 });
});

test('the last write time (for retention) is renewed once it is an hour old, not on every turn', async () => {
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;
  let now = Date.UTC(2026, 10, 26, 3);
  const file = path.join(dir, 'clocked.db');
  const store = new SqliteStorage(file, { clock: () => now, retention: { prefixes: ['conversation/'], maxAgeMs: DAY }, sweepEveryMs: 10 * DAY });
  try {
    let eTag = await store.write('conversation/busy', { turn: 1 });
    await store.write('conversation/quiet', { turn: 1 });
    // Turns 30 minutes apart: the write time stays at the first.
    now += HOUR / 2;
    eTag = await store.write('conversation/busy', { turn: 2 }, { ifMatch: eTag });
    // An hour and a half after the first write: renewed.
    now += HOUR;
    await store.write('conversation/busy', { turn: 3 }, { ifMatch: eTag });
    // A day after the first write plus a little: the quiet one is gone, the busy one (renewed) stays.
    now += DAY - HOUR;
    expect(await store.sweep()).toBe(1);
    expect(Object.keys(await store.read(['conversation/busy', 'conversation/quiet']))).toEqual(['conversation/busy']);
  } finally {
    await store.close();
  }
});

describe('group commit: the writes of one turn of the event loop share one transaction', () => {
  test('each write resolves once committed: another connection reads it then', async () => {
    const writes = Array.from({ length: 20 }, (_, i) => a.write(`conversation/c${i}`, { i }));
    const eTags = await Promise.all(writes);
    const seen = await b.read(eTags.map((_, i) => `conversation/c${i}`));
    expect(Object.values(seen).map((d) => d?.eTag)).toEqual(eTags);
  });

  test('a write over a version still waiting for the commit is read at once here and committed after it', async () => {
    const first = a.write('conversation/chain', { turn: 1 });
    const queued = (await a.read(['conversation/chain']))['conversation/chain']!;
    expect(queued.doc).toEqual({ turn: 1 });
    const second = a.write('conversation/chain', { turn: 2 }, { ifMatch: queued.eTag });
    expect(await first).toBe(queued.eTag);
    const eTag = await second;
    expect((await b.read(['conversation/chain']))['conversation/chain']).toEqual({ doc: { turn: 2 }, eTag });
  });

  test('a write that conflicts fails alone; the others in the same commit are stored', async () => {
    const base = await a.write('conversation/race', { turn: 0 });
    const winner = a.write('conversation/race', { turn: 1 }, { ifMatch: base });
    // Over the same old version: refused at once, the version waiting for the commit is newer.
    const loser = a.write('conversation/race', { turn: 'lost' }, { ifMatch: base });
    const other = a.write('conversation/other', { ok: true });
    await expect(loser).rejects.toBeInstanceOf(ConflictError);
    await winner;
    await other;
    expect((await b.read(['conversation/race']))['conversation/race']?.doc).toEqual({ turn: 1 });
    expect((await b.read(['conversation/other']))['conversation/other']?.doc).toEqual({ ok: true });
  });

  test('a conflict found in the file (another connection wrote first) undoes only that all-or-nothing write', async () => {
    const base = await a.write('conversation/theirs', { turn: 0 });
    await b.write('conversation/theirs', { turn: 'b' }, { ifMatch: base });
    const mine = a.writeAll([{ key: 'conversation/theirs', doc: { turn: 'a' }, ifMatch: base }, { key: 'conversation/mine', doc: { part: 2 } }]);
    const separate = a.write('conversation/separate', { ok: true });
    await expect(mine).rejects.toBeInstanceOf(ConflictError);
    await separate;
    const seen = await b.read(['conversation/theirs', 'conversation/mine', 'conversation/separate']);
    expect(seen['conversation/theirs']?.doc).toEqual({ turn: 'b' });
    expect(seen['conversation/mine']).toBeUndefined();
    expect(seen['conversation/separate']?.doc).toEqual({ ok: true });
  });

  test('a delete after a queued write wins; closing commits what is queued', async () => {
    void a.write('conversation/gone', { v: 1 });
    await a.delete(['conversation/gone']);
    expect(await b.read(['conversation/gone'])).toEqual({});
    const last = a.write('conversation/last', { v: 1 });
    await a.close();
    await last;
    expect((await b.read(['conversation/last']))['conversation/last']?.doc).toEqual({ v: 1 });
  });
});
