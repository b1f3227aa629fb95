// The console on Redis (real redis-server), as several instances would share it: the queue and the
// conversation markers carry the RETENTION_DAYS TTL, the day counters none; two recorders on two
// connections add up.
import { Redis } from 'ioredis';
import { EXPIRING_KEY_PREFIXES } from '../../bot/app';
import type { HandledTurn } from '../../bot/conversation-service';
import { InsightsRecorder, insightsReport } from '../../bot/insights';
import { RedisStorage, retentionPolicy } from '../../bot/storage';
import { DAY_MS } from '../../bot/storage/retention';
import { startRedis, type RedisServer } from '../hardening/helpers/processes';
import { intentId, type IntentId } from '../../intents/ids';

const T0 = new Date('2026-11-26T03:00:00Z');
let redis: RedisServer;
let raw: Redis;
const open: RedisStorage[] = [];
const prefix = `console${process.pid}:`;
const store = () => {
  const s = new RedisStorage(redis.url, { prefix, retention: retentionPolicy(30, EXPIRING_KEY_PREFIXES) });
  open.push(s);
  return s;
};

beforeAll(async () => {
  redis = await startRedis();
  raw = new Redis(redis.url);
});
afterAll(async () => {
  await Promise.all(open.map((s) => s.close()));
  raw.disconnect();
  await redis.stop();
});

const missed = (text: string): HandledTurn => ({
  replies: [],
  meta: { intent: intentId('out_of_scope'), confidence: 0.9, lang: 'en', outcome: 'out_of_scope', ranking: [{ intent: intentId('out_of_scope'), confidence: 0.9 }, { intent: intentId('guides'), confidence: 0.05 }, { intent: intentId('help_menu'), confidence: 0.02 }] },
  loggableText: text,
});

test('queue and markers expire after RETENTION_DAYS, counters do not; two instances add up', async () => {
  const a = new InsightsRecorder(store());
  const b = new InsightsRecorder(store());
  for (let i = 0; i < 30; i++) (i % 2 ? a : b).observe({ channelId: 'webchat', conversationId: `r${i}`, userId: 'u' }, missed(`gold price ${i}`), T0);
  await Promise.all([a.flush(), b.flush()]);

  const keys = (await raw.keys(`${prefix}*`)).map((k) => k.slice(prefix.length)).sort();
  expect(keys.filter((k) => k.startsWith('insights/conv/'))).toHaveLength(30);
  expect(keys.filter((k) => !k.startsWith('insights/conv/'))).toEqual(['insights/day/2026-11-26', 'review/2026-11-26T11']);
  for (const k of keys) {
    const ttl = await raw.pttl(prefix + k);
    if (k.startsWith('insights/day/')) expect(ttl).toBe(-1);
    else {
      expect(ttl).toBeGreaterThan(30 * DAY_MS - 60_000);
      expect(ttl).toBeLessThanOrEqual(30 * DAY_MS);
    }
  }
  const report = await insightsReport(store(), async () => [], T0, 1);
  expect(report.conversations).toEqual([30]);
  expect(report.notUnderstood).toEqual([30]);
});
