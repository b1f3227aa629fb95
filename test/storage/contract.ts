// The DocumentStore contract: what every store (SQLite, Redis, memory, and any new one) must do for
// conversation state, tickets, the outbox, counters and activity logs to stay correct. A new store
// passes when `runStoreContract('my store', harness)` passes in a *.test.ts file (see contract.test.ts).
import { ConflictError, transact, type DocumentStore, type RetryPolicy } from '../../bot/storage';
import type { RetentionPolicy } from '../../bot/storage/retention';

export interface StoreHarness {
  /** A new, empty store (its own file, key prefix, ...) that expires keys under the policy, if given. */
  open(retention?: RetentionPolicy): Promise<DocumentStore>;
  /** A second connection to the same documents, as another bot instance has (memory: the same store). */
  peer(store: DocumentStore): Promise<DocumentStore>;
  /** The retention period the expiry test uses (short where the store expires by real time). */
  retentionMs: number;
  /** Makes `ms` pass for the store's retention clock (a fake clock moves; real time needs nothing). */
  elapse(ms: number): void;
  /** Closes every store opened. */
  closeAll(): Promise<void>;
}

/** Polls `check` until it is true or the deadline passes (then fails with `what`). */
async function eventually(what: string, check: () => Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`not within ${deadlineMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Rejects with the ConflictError `promise` fails with, or fails the test. */
async function conflictOf(promise: Promise<unknown>): Promise<ConflictError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(ConflictError);
    return err as ConflictError;
  }
  throw new Error('expected a ConflictError, but the write succeeded');
}

/** Many writers colliding on purpose: enough attempts that none gives up, short waits. */
const CONTENDED: RetryPolicy = { attempts: 200, baseMs: 2, capMs: 30 };

export function runStoreContract(name: string, harness: () => StoreHarness): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let h: StoreHarness;
    beforeAll(() => {
      h = harness();
    });
    afterAll(() => h.closeAll());

    test('a written document reads back exactly, with the eTag the write returned; a missing key is absent', async () => {
      const s = await h.open();
      const doc = { lang: 'ms', topics: [], stack: [{ id: 'a', state: { values: [] } }], form: null, n: 12.5, text: 'emoji 😀 \u0000 ok' };
      const eTag = await s.write('k', doc);
      expect(typeof eTag).toBe('string');
      const got = await s.read(['k', 'missing']);
      expect(got).toEqual({ k: { doc, eTag } });
      expect('missing' in got).toBe(false);
      expect(await s.read([])).toEqual({});
    });

    test('the store keeps its own copy: changing an object after write or read changes nothing stored', async () => {
      const s = await h.open();
      const doc = { list: [1] };
      await s.write('k', doc);
      doc.list.push(2);
      const first = (await s.read(['k'])).k!;
      (first.doc.list as number[]).push(3);
      expect((await s.read(['k'])).k!.doc).toEqual({ list: [1] });
    });

    test('ifMatch with the current eTag writes; with a stale one a ConflictError is thrown and the newer document kept', async () => {
      const s = await h.open();
      const first = await s.write('k', { n: 1 });
      const second = await s.write('k', { n: 2 }, { ifMatch: first });
      expect(second).not.toBe(first);
      const err = await conflictOf(s.write('k', { n: 3 }, { ifMatch: first }));
      expect(err.key).toBe('k');
      expect((await s.read(['k'])).k).toEqual({ doc: { n: 2 }, eTag: second });
    });

    test("'*' or no ifMatch creates or overwrites whatever is stored", async () => {
      const s = await h.open();
      await s.write('k', { n: 1 }, { ifMatch: '*' });
      await s.write('k', { n: 2 });
      await s.write('k', { n: 3 }, { ifMatch: '*' });
      await s.writeAll([{ key: 'k', doc: { n: 4 } }, { key: 'new', doc: { n: 1 }, ifMatch: '*' }]);
      const got = await s.read(['k', 'new']);
      expect([got.k?.doc.n, got.new?.doc.n]).toEqual([4, 1]);
    });

    test('ifMatch an eTag of a document that is gone is a conflict; ifAbsent creates only where nothing is stored', async () => {
      const s = await h.open();
      const eTag = await s.write('k', { n: 1 });
      await s.delete(['k']);
      await conflictOf(s.write('k', { n: 2 }, { ifMatch: eTag }));
      expect(await s.read(['k'])).toEqual({});

      await s.write('k', { n: 3 }, { ifAbsent: true });
      const err = await conflictOf(s.write('k', { n: 4 }, { ifAbsent: true }));
      expect(err.key).toBe('k');
      expect((await s.read(['k'])).k?.doc).toEqual({ n: 3 });
    });

    test('writeAll is all or nothing: when one key conflicts, none of the documents is stored', async () => {
      const s = await h.open();
      const [a, b] = await s.writeAll([
        { key: 'a', doc: { n: 1 } },
        { key: 'b', doc: { n: 1 } },
      ]);
      const b2 = await s.write('b', { n: 2 }, { ifMatch: b });
      // the conflict is in the middle: 'a' before it and 'c' (new) after it must not be written either
      const err = await conflictOf(
        s.writeAll([
          { key: 'a', doc: { n: 9 }, ifMatch: a },
          { key: 'b', doc: { n: 9 }, ifMatch: b },
          { key: 'c', doc: { n: 9 } },
        ]),
      );
      expect(err.key).toBe('b');
      const after = await s.read(['a', 'b', 'c']);
      expect([after.a?.doc.n, after.b?.doc.n, after.c]).toEqual([1, 2, undefined]);
      expect(after.a?.eTag).toBe(a);

      // an ifAbsent on a key that exists stops the whole write too
      await conflictOf(s.writeAll([{ key: 'c', doc: { n: 1 }, ifAbsent: true }, { key: 'a', doc: { n: 1 }, ifAbsent: true }]));
      expect((await s.read(['c'])).c).toBeUndefined();

      const eTags = await s.writeAll([
        { key: 'a', doc: { n: 3 }, ifMatch: a },
        { key: 'b', doc: { n: 3 }, ifMatch: b2 },
        { key: 'c', doc: { n: 3 }, ifAbsent: true },
      ]);
      const done = await s.read(['a', 'b', 'c']);
      expect(['a', 'b', 'c'].map((k) => done[k])).toEqual(eTags.map((eTag) => ({ doc: { n: 3 }, eTag })));
    });

    test('a second connection sees the documents, and its stale eTag conflicts', async () => {
      const s = await h.open();
      const other = await h.peer(s);
      const eTag = await s.write('k', { n: 1 });
      expect((await other.read(['k'])).k).toEqual({ doc: { n: 1 }, eTag });
      await other.write('k', { n: 2 }, { ifMatch: eTag });
      await conflictOf(s.write('k', { n: 3 }, { ifMatch: eTag }));
      expect((await s.read(['k'])).k?.doc).toEqual({ n: 2 });
    });

    test('delete removes documents and ignores keys that were never there', async () => {
      const s = await h.open();
      await s.writeAll([
        { key: 'a', doc: { n: 1 } },
        { key: 'b', doc: { n: 2 } },
        { key: 'kept', doc: { n: 3 } },
      ]);
      await s.delete(['a', 'b', 'never-there']);
      expect(await s.read(['a', 'b', 'kept'])).toEqual({ kept: expect.objectContaining({ doc: { n: 3 } }) });
    });

    test('a document under a retention prefix is deleted after the period; other keys stay', async () => {
      const s = await h.open({ maxAgeMs: h.retentionMs, prefixes: ['conversation/'] });
      await s.writeAll([
        { key: 'conversation/old', doc: { said: 'hi' } },
        { key: 'ticket/HN-2026-000001', doc: { reference: 'HN-2026-000001' } },
      ]);
      expect(Object.keys(await s.read(['conversation/old', 'ticket/HN-2026-000001'])).sort()).toEqual(['conversation/old', 'ticket/HN-2026-000001']);
      h.elapse(h.retentionMs + 1);
      await eventually('the expired conversation is gone', async () => {
        await s.sweep();
        return (await s.read(['conversation/old']))['conversation/old'] === undefined;
      });
      expect((await s.read(['ticket/HN-2026-000001']))['ticket/HN-2026-000001']?.doc).toEqual({ reference: 'HN-2026-000001' });
      expect(await s.sweep()).toBe(0);
    });

    test('transact(): concurrent increments from two connections retry until every one has counted', async () => {
      const s = await h.open();
      const other = await h.peer(s);
      let runs = 0;
      const increment = (store: DocumentStore) =>
        transact(
          store,
          ['counter'],
          (docs) => {
            runs++;
            const n = (docs.counter?.n as number | undefined) ?? 0;
            return { writes: { counter: { n: n + 1 } }, result: n + 1 };
          },
          CONTENDED,
        );
      const results = await Promise.all(Array.from({ length: 30 }, (_, i) => increment(i % 2 ? s : other)));
      expect((await s.read(['counter'])).counter?.doc).toEqual({ n: 30 });
      expect([...results].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(runs).toBeGreaterThan(30); // they did collide: some plans ran again
    });

    test('transact(): a key read as missing is created only if still missing; a plan with no writes writes nothing', async () => {
      const s = await h.open();
      const other = await h.peer(s);
      let runs = 0;
      const seen = await transact(
        s,
        ['ledger'],
        async (docs) => {
          runs++;
          // another instance creates the document between this read and this write, once
          if (runs === 1) await other.write('ledger', { last: 41 });
          const last = (docs.ledger?.last as number | undefined) ?? 0;
          return { writes: { ledger: { last: last + 1 } }, result: last };
        },
        CONTENDED,
      );
      expect([runs, seen]).toEqual([2, 41]);
      expect((await s.read(['ledger'])).ledger?.doc).toEqual({ last: 42 });

      const before = (await s.read(['ledger'])).ledger?.eTag;
      expect(await transact(s, ['ledger'], () => ({ result: 'nothing to do' }))).toBe('nothing to do');
      expect((await s.read(['ledger'])).ledger?.eTag).toBe(before);
    });

    test('transact(): gives up with a ConflictError after the policy\'s attempts when another writer always wins', async () => {
      const s = await h.open();
      const other = await h.peer(s);
      await s.write('hot', { n: 0 });
      let runs = 0;
      const err = await conflictOf(
        transact(
          s,
          ['hot'],
          async (docs) => {
            runs++;
            await other.write('hot', { n: -runs });
            return { writes: { hot: { n: ((docs.hot?.n as number) ?? 0) + 1 } }, result: undefined };
          },
          { attempts: 3, baseMs: 1, capMs: 5 },
        ),
      );
      expect(runs).toBe(3);
      expect(err.message).toMatch(/gave up after 3 conflicting writes to hot/);
      expect((await s.read(['hot'])).hot?.doc).toEqual({ n: -3 });
    });

    test('an error other than a conflict ends transact() at once', async () => {
      const s = await h.open();
      let runs = 0;
      await expect(
        transact(s, ['x'], () => {
          runs++;
          throw new Error('plan failed');
        }),
      ).rejects.toThrow('plan failed');
      expect(runs).toBe(1);
    });
  });
}
