// The recorder on real SQLite files: two instances (two connections to one file) recording at
// once add up exactly; the queue and the conversation markers expire with RETENTION_DAYS while
// the day counters, which hold no message text and no conversation id, stay; odd answer ids
// cannot become object keys; a store that fails never fails a turn.
import fs from 'fs';
import os from 'os';
import path from 'path';
import Database from 'better-sqlite3';
import { EXPIRING_KEY_PREFIXES } from '../../bot/app';
import type { HandledTurn } from '../../bot/conversation-service';
import { InsightsRecorder, ReviewQueue, insightsReport } from '../../bot/insights';
import { MemoryDocumentStore, SqliteStorage, retentionPolicy, type DocumentStore } from '../../bot/storage';
import { DAY_MS } from '../../bot/storage/retention';
import { intentId, type IntentId } from '../../intents/ids';

const T0 = Date.parse('2026-11-26T03:00:00Z'); // 11:00 in Kuala Lumpur
let dir: string;
let file: string;
let now = T0;
const open: SqliteStorage[] = [];
function store(): SqliteStorage {
  const s = new SqliteStorage(file, { retention: retentionPolicy(30, EXPIRING_KEY_PREFIXES), clock: () => now });
  open.push(s);
  return s;
}
function keysInFile(): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT key FROM items ORDER BY key').all() as { key: string }[]).map((r) => r.key);
  } finally {
    db.close();
  }
}

const ref = (c: string) => ({ channelId: 'webchat', conversationId: c, userId: `u-${c}` });
function turn(name: string, outcome: HandledTurn['meta']['outcome'], text: string, extra: Partial<HandledTurn> = {}): HandledTurn {
  const intent: IntentId = intentId(name);
  return {
    replies: [],
    meta: { intent, confidence: 0.5, lang: 'ms', outcome, ranking: [{ intent, confidence: 0.5 }, { intent: intentId('guides'), confidence: 0.3 }, { intent: intentId('help_menu'), confidence: 0.1 }] },
    loggableText: text,
    ...extra,
  };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-insights-'));
  file = path.join(dir, 'hanna.db');
  now = T0;
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('two instances recording at once on one store add up exactly', async () => {
  const a = new InsightsRecorder(store());
  const b = new InsightsRecorder(store());
  const at = new Date(T0);
  // 40 conversations, each with 3 messages, spread over both instances; every 4th files a ticket.
  await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const r = i % 2 === 0 ? a : b;
      r.observe(ref(`c${i}`), turn('contribution_rates', 'answer', 'kadar caruman'), at);
      await new Promise((resolve) => setImmediate(resolve));
      r.observe(ref(`c${i}`), turn('guides', 'clarify', `nak manual ${i}`), at);
      r.observe(ref(`c${i}`), turn('human_handoff', 'answer', 'pegawai', i % 4 === 0 ? { handoff: { reference: `HN-2026-${i}`, context: {}, transcript: [] } } : {}), at);
    }),
  );
  await Promise.all([a.flush(), b.flush()]);
  const report = await insightsReport(store(), async () => [], at, 1);
  expect(report.conversations).toEqual([40]);
  expect(report.messages).toEqual([120]);
  expect(report.notUnderstood).toEqual([40]);
  expect(report.uncontained).toEqual([10]);
  expect(report.containment).toEqual([0.75]);
  expect(report.topIntents.map((t) => [t.intent, t.total])).toEqual([['contribution_rates', 40], ['guides', 40], ['human_handoff', 40]]);
  const queue = await new ReviewQueue(store()).list({ now: at });
  expect(queue.total).toBe(40);
  expect(new Set(queue.items.map((i) => i.message)).size).toBe(40);
});

test('after RETENTION_DAYS the queue and the conversation markers are swept; the counters stay and hold nothing typed', async () => {
  const s = store();
  const r = new InsightsRecorder(s);
  r.observe(ref('secret-conversation'), turn('out_of_scope', 'out_of_scope', 'harga emas hari ini'), new Date(T0));
  await r.recordFeedback({ ref: ref('secret-conversation'), answerId: 'contact_support', intent: 'contact_support', lang: 'ms', vote: 'down', redactedMessage: 'nombor telefon', missing: 'emel saya ali@example.com' }, new Date(T0));
  const before = keysInFile();
  expect(before.filter((k) => k.startsWith('review/'))).toHaveLength(1);
  expect(before.filter((k) => k.startsWith('insights/conv/'))).toHaveLength(1);
  const items = (await new ReviewQueue(s).list({ now: new Date(T0) })).items;
  expect(items.find((i) => i.reason === 'down')?.missing).toBe('emel saya [EMAIL]');

  now = T0 + 31 * DAY_MS;
  expect(await s.sweep()).toBe(2);
  const after = keysInFile();
  expect(after).toEqual(['insights/day/2026-11-26']);
  const counters = JSON.stringify((await s.read(after))[after[0]]?.doc);
  expect(counters).not.toMatch(/harga|emas|telefon|secret|example|webchat/);
  expect(JSON.parse(counters)).toMatchObject({ conversations: 1, uncontained: 1, messages: 1, notUnderstood: 1, feedback: { contact_support: { up: 0, down: 1 } } });
});

test('answer ids that are not plain words are counted as "other", never as object keys', async () => {
  const s = new MemoryDocumentStore();
  const r = new InsightsRecorder(s);
  for (const answerId of ['__proto__', 'constructor', 'a b', 'x'.repeat(65), 'acr_receipt']) {
    await r.recordFeedback({ ref: ref('c'), answerId, intent: 'acr_receipt', lang: 'en', vote: 'up', redactedMessage: 'acr' }, new Date(T0));
  }
  const report = await insightsReport(s, async () => [], new Date(T0), 1);
  expect(report.feedback).toEqual([{ answerId: 'other', up: 4, down: 0 }, { answerId: 'acr_receipt', up: 1, down: 0 }]);
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
});

test('a store that fails is reported, and the recorder carries on', async () => {
  const errors: unknown[] = [];
  const healthy = new MemoryDocumentStore();
  let broken = true;
  const flaky: DocumentStore = Object.assign(Object.create(healthy) as DocumentStore, {
    writeAll: (w: Parameters<DocumentStore['writeAll']>[0]) => (broken ? Promise.reject(new Error('disk full')) : healthy.writeAll(w)),
  });
  const r = new InsightsRecorder(flaky, { onError: (e) => errors.push(e) });
  r.observe(ref('a'), turn('guides', 'miss', 'hmm'), new Date(T0));
  await r.flush();
  expect(errors).toHaveLength(1);
  broken = false;
  r.observe(ref('b'), turn('guides', 'miss', 'hmm lagi'), new Date(T0));
  await r.flush();
  expect((await insightsReport(healthy, async () => [], new Date(T0), 1)).messages).toEqual([1]);
});
