// Data retention on Redis (real redis-server): documents holding what visitors typed get a TTL
// of RETENTION_DAYS at every write, in the same script as the write; tickets, their outbox
// entries and counters never carry one. Redis's own expiry deletes them: no sweep.
import { Redis } from 'ioredis';
import { createApp, EXPIRING_KEY_PREFIXES, listen } from '../../bot/app';
import { logKey } from '../../bot/channels/directline/activity-log';
import { readConfig } from '../../bot/config';
import { stateKey } from '../../bot/conversation-service';
import { silentLogger } from '../../bot/logging';
import { ConflictError, RedisStorage, retentionPolicy } from '../../bot/storage';
import { DAY_MS } from '../../bot/storage/retention';
import { LEDGER_KEY, OUTBOX_PENDING_KEY, outboxKey, ticketKey, TicketStore } from '../../bot/tickets';
import { message, post } from '../helpers/bot-server';
import { ref, visitors } from '../bot/retention-fixture';
import { startRedis, type RedisServer } from './helpers/processes';

const T0 = new Date('2026-11-26T03:00:00Z');

let redis: RedisServer;
let raw: Redis;
const open: RedisStorage[] = [];
let n = 0;
function store(days: number | null, prefix = `ret${process.pid}-${++n}:`): { s: RedisStorage; prefix: string } {
  const s = new RedisStorage(redis.url, { prefix, retention: days === null ? undefined : retentionPolicy(days, EXPIRING_KEY_PREFIXES) });
  open.push(s);
  return { s, prefix };
}
/** Remaining time to live of every key under a prefix, in ms (-1 = none), by key without the prefix. */
async function ttls(prefix: string): Promise<Record<string, number>> {
  const keys = await raw.keys(`${prefix}*`);
  const out: Record<string, number> = {};
  for (const k of keys) out[k.slice(prefix.length)] = await raw.pttl(k);
  return out;
}
const expiring = (key: string) => EXPIRING_KEY_PREFIXES.some((p) => key.startsWith(p));

beforeAll(async () => {
  redis = await startRedis();
  raw = new Redis(redis.url);
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  raw.disconnect();
  await redis.stop();
});

test('conversation state and widget logs carry a 30-day TTL from their last write; ticket, outbox and counter keys carry none', async () => {
  const { s, prefix } = store(30);
  const v = await visitors(s, () => T0);
  const reference = await v.fileTicket('filed');
  await v.say('halfway', ['talk to an officer', 'A3100001237X', 'Maju Jaya Sdn Bhd']);
  await v.widget('widget');

  const all = await ttls(prefix);
  const withTtl = Object.keys(all).filter((k) => all[k] !== -1).sort();
  expect(withTtl).toEqual([stateKey(ref('filed')), stateKey(ref('halfway')), logKey('widget')].sort());
  for (const k of withTtl) {
    expect(all[k]).toBeGreaterThan(30 * DAY_MS - 60_000);
    expect(all[k]).toBeLessThanOrEqual(30 * DAY_MS);
  }
  for (const k of [ticketKey(reference), outboxKey(reference), LEDGER_KEY, OUTBOX_PENDING_KEY]) expect(all[k]).toBe(-1);
  expect(Object.keys(all).filter((k) => k.startsWith('ticket-filing/') || k.startsWith('ticket-quota/'))).toHaveLength(2);
  expect(Object.keys(all).filter((k) => !expiring(k)).every((k) => all[k] === -1)).toBe(true);
  expect((await new TicketStore(s).get(reference))?.checklist.companyName).toBe('Maju Jaya Sdn Bhd');

  // Every write starts the period again.
  const key = prefix + stateKey(ref('halfway'));
  await raw.pexpire(key, 5000);
  await v.say('halfway', ['Siti Aminah binti Ahmad']);
  expect(await raw.pttl(key)).toBeGreaterThan(30 * DAY_MS - 60_000);
});

test('a write refused for a stale eTag leaves the TTL alone; a write of several keys sets each its own', async () => {
  const { s, prefix } = store(30);
  const conv = stateKey(ref('c'));
  const first = await s.write(conv, { n: 1 });
  await s.write(conv, { n: 2 }, { ifMatch: first });
  await raw.pexpire(prefix + conv, 5000);
  await expect(s.writeAll([{ key: conv, doc: { n: 3 }, ifMatch: first }, { key: ticketKey('HN-2026-000009'), doc: { r: 1 } }])).rejects.toThrow(ConflictError);
  expect(await raw.pttl(prefix + conv)).toBeLessThanOrEqual(5000);
  expect(await raw.exists(prefix + ticketKey('HN-2026-000009'))).toBe(0);

  await s.writeAll([{ key: conv, doc: { n: 3 } }, { key: ticketKey('HN-2026-000009'), doc: { r: 1 } }]);
  expect(await raw.pttl(prefix + conv)).toBeGreaterThan(30 * DAY_MS - 60_000);
  expect(await raw.pttl(prefix + ticketKey('HN-2026-000009'))).toBe(-1);
});

test('RETENTION_DAYS=0 keeps conversations forever: a write removes an earlier TTL', async () => {
  const { s: before, prefix } = store(30);
  const conv = stateKey(ref('kept'));
  await before.writeAll([{ key: conv, doc: { n: 1 } }, { key: logKey('kept'), doc: { activities: [] } }]);
  expect(await raw.pttl(prefix + conv)).toBeGreaterThan(0);

  const { s } = store(0, prefix);
  await s.write(conv, { n: 2 });
  expect(await raw.pttl(prefix + conv)).toBe(-1);
  // A key not written again loses its TTL when the store applies the policy to what is stored.
  expect(await s.retainExisting()).toBe(1);
  expect(Object.values(await ttls(prefix))).toEqual([-1, -1]);
});

test('conversations stored before retention was configured get their TTL when the store applies it; tickets do not', async () => {
  const { s: plain, prefix } = store(null);
  const v = await visitors(plain, () => T0);
  const reference = await v.fileTicket('legacy');
  await v.widget('legacy');
  expect(Object.values(await ttls(prefix)).every((t) => t === -1)).toBe(true);

  const { s } = store(30, prefix);
  expect(await s.retainExisting()).toBe(2);
  const all = await ttls(prefix);
  expect(all[stateKey(ref('legacy'))]).toBeGreaterThan(30 * DAY_MS - 60_000);
  expect(all[logKey('legacy')]).toBeGreaterThan(30 * DAY_MS - 60_000);
  expect(all[ticketKey(reference)]).toBe(-1);
  expect(all[outboxKey(reference)]).toBe(-1);
  // Already set TTLs are left as they are.
  expect(await s.retainExisting()).toBe(0);
});

test('the app passes RETENTION_DAYS to the Redis store', async () => {
  const prefix = 'hanna:'; // the app's prefix; this server holds nothing else under it
  const app = createApp(readConfig({ STORAGE_URL: redis.url, RETENTION_DAYS: '7', RATE_LIMIT_PER_MINUTE: '0' }), { log: silentLogger });
  try {
    const url = await listen(app, 0, '127.0.0.1');
    const res = await post(url, message('hello', 'app-conv', 'app-user'));
    expect(res.status).toBe(200);
    const all = await ttls(prefix);
    const conv = Object.keys(all).filter((k) => k.startsWith('conversation/'));
    expect(conv).toHaveLength(1);
    expect(all[conv[0]]).toBeGreaterThan(7 * DAY_MS - 60_000);
    expect(all[conv[0]]).toBeLessThanOrEqual(7 * DAY_MS);
    expect(all[LEDGER_KEY]).toBe(-1);
  } finally {
    await app.close();
  }
});
