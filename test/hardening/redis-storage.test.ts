// The Redis store against a real redis-server on 127.0.0.1: the contract botbuilder's Storage
// promises (eTag optimistic concurrency) and what several bot instances rely on.
import { RedisStorage, createStorage } from '../../bot/storage';
import { ConversationService } from '../../bot/conversation-service';
import { createCoreDeps } from '../../bot/app';
import { startRedis, type RedisServer } from './helpers/processes';
import { withDeadline } from '../helpers/wait';

let redis: RedisServer;
const open: RedisStorage[] = [];
let n = 0;
function store(): RedisStorage {
  // a fresh prefix per store keeps the tests independent on one server
  const s = new RedisStorage(redis.url, { prefix: `t${process.pid}-${++n}:` });
  open.push(s);
  return s;
}
function sharedPair(): [RedisStorage, RedisStorage] {
  const prefix = `pair${process.pid}-${++n}:`;
  const a = new RedisStorage(redis.url, { prefix });
  const b = new RedisStorage(redis.url, { prefix });
  open.push(a, b);
  return [a, b];
}

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  await redis.stop();
});

describe('RedisStorage', () => {
  test('documents come back exactly, empty arrays and nesting included', async () => {
    const s = store();
    const doc = { lang: 'ms', topics: [], stack: [{ id: 'a', state: { values: [] } }], form: null, n: 12.5, text: 'emoji 😀 \u0000 ok' };
    await s.write({ k: { ...doc } });
    const got = (await s.read(['k', 'missing'])) as Record<string, Record<string, unknown>>;
    expect(got.missing).toBeUndefined();
    const { eTag, ...rest } = got.k;
    expect(rest).toEqual(doc);
    expect(typeof eTag).toBe('string');
  });

  test('a stale eTag is refused and the newer document kept', async () => {
    const s = store();
    await s.write({ k: { n: 1 } });
    const first = (await s.read(['k'])).k;
    await s.write({ k: { n: 2, eTag: first.eTag } });
    await expect(s.write({ k: { n: 3, eTag: first.eTag } })).rejects.toThrow(/eTag conflict/);
    expect((await s.read(['k'])).k.n).toBe(2);
    // '*' and no eTag overwrite unconditionally, as MemoryStorage does
    await s.write({ k: { n: 4, eTag: '*' } });
    expect((await s.read(['k'])).k.n).toBe(4);
  });

  test('a write of several keys is all or nothing', async () => {
    const s = store();
    await s.write({ a: { n: 1 }, b: { n: 1 } });
    const before = await s.read(['a', 'b']);
    await s.write({ b: { n: 2, eTag: before.b.eTag } });
    await expect(s.write({ a: { n: 9, eTag: before.a.eTag }, b: { n: 9, eTag: before.b.eTag } })).rejects.toThrow(/"b"/);
    const after = await s.read(['a', 'b']);
    expect(after.a.n).toBe(1);
    expect(after.b.n).toBe(2);
  });

  test('delete removes the items', async () => {
    const s = store();
    await s.write({ a: { n: 1 }, b: { n: 2 } });
    await s.delete(['a', 'b', 'never-there']);
    expect(await s.read(['a', 'b'])).toEqual({});
  });

  test('50 concurrent read-modify-write increments from two clients lose no update', async () => {
    const [a, b] = sharedPair();
    await a.write({ counter: { n: 0 } });
    const increment = async (s: RedisStorage) => {
      for (;;) {
        const cur = (await s.read(['counter'])).counter;
        try {
          await s.write({ counter: { n: (cur.n as number) + 1, eTag: cur.eTag } });
          return;
        } catch (err) {
          if (!/eTag/.test((err as Error).message)) throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, i) => increment(i % 2 ? a : b)));
    expect((await b.read(['counter'])).counter.n).toBe(50);
  });

  test('two service instances on one Redis continue the same conversation', async () => {
    const [a, b] = sharedPair();
    const deps = createCoreDeps();
    const one = new ConversationService(deps, a);
    const two = new ConversationService(deps, b);
    const ref = { channelId: 'test', conversationId: 'shared', userId: 'u' };
    const said = async (service: ConversationService, text: string) => (await service.message(ref, { text, channel: 'test' })).replies.map((r) => r.text).join(' ');
    // the officer checklist, one answer on each instance
    expect(await said(one, 'nak cakap dengan pegawai')).toMatch(/nombor majikan/i);
    expect(await said(two, 'A3100001237X')).toMatch(/nama syarikat/i);
    expect(await said(one, 'Maju Jaya Sdn Bhd')).toMatch(/nama wakil/i);
    expect(await said(two, 'batal')).toMatch(/batal/i);
  });

  test('createStorage picks Redis for redis:// URLs', async () => {
    const s = createStorage(redis.url);
    try {
      expect(s.kind).toBe('redis');
      await s.storage.write({ [`probe-${process.pid}`]: { ok: true } });
      expect((await s.storage.read([`probe-${process.pid}`]))[`probe-${process.pid}`].ok).toBe(true);
    } finally {
      await s.close();
    }
  });
});

describe('RedisStorage when Redis is away', () => {
  test('a read fails within seconds instead of hanging', async () => {
    const own = await startRedis();
    const s = new RedisStorage(own.url);
    try {
      await s.write({ k: { n: 1 } });
      await own.stop();
      // The deadline is generous (a loaded machine is slow); what matters is that the read ends in an error.
      const outcome = await withDeadline(
        s.read(['k']).then(() => 'answered', (err: unknown) => err),
        { what: 'the read to end', timeoutMs: 15_000 },
      );
      expect(outcome).toBeInstanceOf(Error);
    } finally {
      await s.close();
    }
  });
});
