// The Redis store against a real redis-server on 127.0.0.1: what several bot instances rely on, and
// what happens when Redis is away. The DocumentStore contract itself is test/storage/contract.test.ts.
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
      await s.storage.write(`probe-${process.pid}`, { ok: true });
      expect((await s.storage.read([`probe-${process.pid}`]))[`probe-${process.pid}`]?.doc).toEqual({ ok: true });
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
      await s.write('k', { n: 1 });
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
