// Data retention on the SQLite store: what visitors typed (conversation state, the widget's
// activity logs) is deleted RETENTION_DAYS after its last write; tickets, their outbox entries
// and the counters stay. The store's clock is injected, so "31 days later" takes no time.
import fs from 'fs';
import os from 'os';
import path from 'path';
import Database from 'better-sqlite3';
import { createApp, EXPIRING_KEY_PREFIXES } from '../../bot/app';
import { logKey } from '../../bot/channels/directline/activity-log';
import { ConfigError, readConfig } from '../../bot/config';
import { stateKey } from '../../bot/conversation-service';
import { createLogger } from '../../bot/logging';
import { SqliteStorage, retentionPolicy } from '../../bot/storage';
import { DAY_MS, SWEEP_EVERY_MS } from '../../bot/storage/retention';
import { LEDGER_KEY, OUTBOX_PENDING_KEY, outboxKey, ticketKey, TicketStore } from '../../bot/tickets';
import { MYKAD_DIGITS, ref, visitors } from './retention-fixture';

/** Thursday 26 Nov 2026, 11:00 in Kuala Lumpur (office hours). */
const T0 = Date.parse('2026-11-26T03:00:00Z');

let dir: string;
let file: string;
let now: number;
const clock = () => now;
const open: SqliteStorage[] = [];
function store(days: number, extra: { sweepEveryMs?: number } = {}): SqliteStorage {
  const s = new SqliteStorage(file, { retention: retentionPolicy(days, EXPIRING_KEY_PREFIXES), clock, ...extra });
  open.push(s);
  return s;
}
/** Every key in the file, read past the store. */
function keysInFile(): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare('SELECT key FROM items ORDER BY key').all() as { key: string }[]).map((r) => r.key);
  } finally {
    db.close();
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-retention-'));
  file = path.join(dir, 'hanna.db');
  now = T0;
});
afterEach(() => {
  for (const s of open.splice(0)) s.close();
  jest.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('after 30 days a sweep deletes old conversations and widget logs; a fresh or continued one, the ticket and its outbox entry stay', async () => {
  const s = store(30);
  const v = await visitors(s, () => new Date(now));
  const reference = await v.fileTicket('filed');
  // Half-way through the officer form: the state holds the MyKad until the form completes.
  await v.say('halfway', ['talk to an officer', 'A3100001237X', 'Maju Jaya Sdn Bhd', 'Siti Aminah binti Ahmad', '900101-14-5673']);
  expect(JSON.stringify((await s.read([stateKey(ref('halfway'))]))[stateKey(ref('halfway'))])).toContain(MYKAD_DIGITS);
  await v.say('continued', ['hi']);
  await v.widget('widget-old');
  const before = keysInFile();

  now = T0 + 20 * DAY_MS;
  await v.say('continued', ['how do I register an employee']);
  now = T0 + 31 * DAY_MS;
  await v.say('fresh', ['hello']);
  await v.widget('widget-new');
  expect(await s.sweep()).toBe(3);

  const expired = [stateKey(ref('filed')), stateKey(ref('halfway')), logKey('widget-old')];
  expect(expired.every((k) => before.includes(k))).toBe(true);
  const after = keysInFile();
  expect(after).toEqual(
    [...before.filter((k) => !expired.includes(k)), stateKey(ref('fresh')), logKey('widget-new')].sort(),
  );
  expect(JSON.stringify(after)).not.toContain('halfway');
  // Everything support staff own is still there, as filed.
  for (const k of [ticketKey(reference), outboxKey(reference), LEDGER_KEY, OUTBOX_PENDING_KEY]) expect(after).toContain(k);
  const ticket = await new TicketStore(s).get(reference);
  expect(ticket?.checklist.mykad).toBe(MYKAD_DIGITS);
  expect(ticket?.checklist.companyName).toBe('Maju Jaya Sdn Bhd');
  expect(after.some((k) => k.startsWith('ticket-filing/'))).toBe(true);
  expect(after.some((k) => k.startsWith('ticket-quota/'))).toBe(true);

  // The visitor whose conversation expired starts afresh; the widget conversation is gone.
  expect(await v.service.load(ref('filed'))).toBeUndefined();
  expect(await v.activityLog.get('widget-old')).toBeUndefined();
  expect((await v.activityLog.get('widget-new'))?.activities).toHaveLength(2);
  expect(await s.sweep()).toBe(0);
});

test('a document 29 days old stays, and RETENTION_DAYS=0 deletes nothing however old', async () => {
  let s = store(30);
  const v = await visitors(s, () => new Date(now));
  await v.fileTicket('a');
  await v.widget('w');
  const before = keysInFile();
  now = T0 + 29 * DAY_MS;
  expect(await s.sweep()).toBe(0);
  s.close();

  now = T0 + 3650 * DAY_MS;
  s = store(0); // a sweep would run at open
  expect(await s.sweep()).toBe(0);
  expect(keysInFile()).toEqual(before);
  expect(readConfig({ RETENTION_DAYS: '0' }).retentionDays).toBe(0);
});

test('the store sweeps when it opens and then every hour, and stops when closed', async () => {
  jest.useFakeTimers();
  let s = store(30);
  await s.writeAll([{ key: stateKey(ref('old')), doc: { state: {} } }, { key: ticketKey('HN-2026-000001'), doc: { reference: 'HN-2026-000001' } }]);
  s.close();
  now = T0 + 31 * DAY_MS;
  s = store(30);
  expect(keysInFile()).toEqual([ticketKey('HN-2026-000001')]);

  await s.write(logKey('c'), { activities: [] });
  now += 31 * DAY_MS;
  jest.advanceTimersByTime(SWEEP_EVERY_MS - 1000);
  expect(keysInFile()).toContain(logKey('c'));
  jest.advanceTimersByTime(1000);
  expect(keysInFile()).toEqual([ticketKey('HN-2026-000001')]);
  s.close();
  expect(jest.getTimerCount()).toBe(0);
});

test('a file from before retention gets the updated_at column at open; its old rows start their period then', async () => {
  const old = new Database(file);
  old.exec('CREATE TABLE items (key TEXT PRIMARY KEY, doc TEXT NOT NULL, etag TEXT NOT NULL)');
  const put = old.prepare('INSERT INTO items VALUES (?, ?, ?)');
  put.run(stateKey(ref('legacy')), JSON.stringify({ state: { lang: 'ms' } }), 'e1');
  put.run(ticketKey('HN-2025-000007'), JSON.stringify({ reference: 'HN-2025-000007' }), 'e2');
  old.close();

  const s = store(30);
  const again = store(30); // a second opener finds the column already there
  expect((await s.read([stateKey(ref('legacy'))]))[stateKey(ref('legacy'))]).toEqual({ doc: { state: { lang: 'ms' } }, eTag: 'e1' });
  const db = new Database(file, { readonly: true });
  const columns = (db.prepare('PRAGMA table_info(items)').all() as { name: string }[]).map((c) => c.name);
  const indexes = (db.prepare('PRAGMA index_list(items)').all() as { name: string }[]).map((i) => i.name);
  const stamps = db.prepare('SELECT updated_at FROM items').all() as { updated_at: number }[];
  db.close();
  expect(columns).toContain('updated_at');
  expect(indexes).toContain('items_updated_at');
  expect(stamps.map((r) => r.updated_at)).toEqual([T0, T0]);

  now = T0 + 29 * DAY_MS;
  expect(await again.sweep()).toBe(0);
  now = T0 + 31 * DAY_MS;
  expect(await again.sweep()).toBe(1);
  expect(keysInFile()).toEqual([ticketKey('HN-2025-000007')]);
});

test('the app wires RETENTION_DAYS to the store: at start it deletes an expired conversation, not a ticket, and logs it', async () => {
  const s = store(0);
  await s.writeAll([
    { key: stateKey(ref('old')), doc: { state: {} } },
    { key: logKey('old'), doc: { activities: [] } },
    { key: ticketKey('HN-2026-000002'), doc: { reference: 'HN-2026-000002' } },
  ]);
  s.close();
  const db = new Database(file);
  db.prepare('UPDATE items SET updated_at = ?').run(Date.now() - 8 * DAY_MS);
  db.close();

  const lines: string[] = [];
  const app = createApp(readConfig({ STORAGE_URL: `sqlite:${file}`, RETENTION_DAYS: '7' }), { log: createLogger('info', (l) => lines.push(l)) });
  await app.close();
  expect(keysInFile().filter((k) => !k.startsWith('tickets/') && !k.startsWith('outbox/'))).toEqual([ticketKey('HN-2026-000002')]);
  expect(lines.join('\n')).toMatch(/"deleted":2.*retention/);
});

test('RETENTION_DAYS defaults to 30 and refuses what is not a whole number of days', () => {
  expect(readConfig({}).retentionDays).toBe(30);
  expect(readConfig({ RETENTION_DAYS: ' 365 ' }).retentionDays).toBe(365);
  for (const bad of ['-1', '1.5', 'thirty', '30d', '100000']) {
    expect(() => readConfig({ RETENTION_DAYS: bad })).toThrow(ConfigError);
    expect(() => readConfig({ RETENTION_DAYS: bad })).toThrow(/RETENTION_DAYS must be a whole number from 0 to 3650/);
  }
});
