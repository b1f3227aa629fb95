// A ticket is stored before the reply that names it: a process that stops (or is killed) right
// after the reply has lost nothing, and numbers are never given twice.
import { spawn } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { SqliteStorage } from '../../bot/storage';
import { outboxKey, TicketStore, type OutboxEntry } from '../../bot/tickets';
import { message, post } from '../helpers/bot-server';
import { GOOD_ANSWERS, FINISH, IN_HOURS, MYKAD_DIGITS, conversation, referenceIn, startApp, waitFor } from './helpers';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-tickets-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const draft = (i: number) => ({
  checklist: { employerCode: 'A3100001237X', companyName: `Syarikat ${i}`, repName: 'Ali bin Abu', mykad: MYKAD_DIGITS, problem: 'Cannot log in' },
  topics: ['login_how'],
  lang: 'en' as const,
  channel: 'test',
  createdAt: IN_HOURS.toISOString(),
  transcript: [],
});

test('a ticket filed over HTTP is still there, with its outbox entry, after the app is closed and the store reopened', async () => {
  const file = path.join(dir, 'hanna.db');
  const bot = await startApp({ STORAGE_URL: `sqlite:${file}` });
  const done = await conversation(bot.url, 'durable-1', ['talk to an officer', ...GOOD_ANSWERS, 'The contribution file upload fails', ...FINISH]);
  const reference = referenceIn(done.text);
  await bot.stop();

  const storage = new SqliteStorage(file);
  try {
    const tickets = new TicketStore(storage);
    const ticket = await tickets.get(reference);
    expect(ticket?.checklist.companyName).toBe('Maju Jaya Sdn Bhd');
    expect(ticket?.checklist.mykad).toBe(MYKAD_DIGITS);
    expect(ticket?.checklist.problem).toBe('The contribution file upload fails');
    expect((await tickets.list()).tickets.map((t) => t.reference)).toEqual([reference]);
    // No SMTP was configured: the e-mail waits in the outbox for a worker that has one.
    expect(await tickets.pendingDeliveries()).toEqual([reference]);
    const entry = (await storage.read([outboxKey(reference)]))[outboxKey(reference)]?.doc as OutboxEntry | undefined;
    expect(entry?.state).toBe('pending');
  } finally {
    storage.close();
  }

  // A restarted app carries on the numbering.
  const again = await startApp({ STORAGE_URL: `sqlite:${file}` });
  try {
    const next = await conversation(again.url, 'durable-2', ['talk to an officer', ...GOOD_ANSWERS, 'Another problem with ASSIST', ...FINISH]);
    expect(Number(referenceIn(next.text).slice(-6))).toBe(Number(reference.slice(-6)) + 1);
  } finally {
    await again.stop();
  }
});

test('a server killed with SIGKILL right after the reply has the ticket in its store', async () => {
  const file = path.join(dir, 'hanna.db');
  const child = spawn(process.execPath, ['bin/hanna.js', 'serve'], {
    cwd: path.resolve(__dirname, '../..'),
    env: { ...process.env, STORAGE_URL: `sqlite:${file}`, PORT: '0', HOST: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '0', SMTP_URL: '', HANDOFF_EMAIL_TO: '', TRIAGE_TOKEN: '', LOG_LEVEL: 'silent', MicrosoftAppId: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  try {
    await waitFor(() => /listening on (http:\/\/\S+)/.test(out), 'the server to start', 45_000);
    const url = /listening on (http:\/\/\S+)/.exec(out)![1];
    let last = '';
    for (const text of ['talk to an officer', ...GOOD_ANSWERS, 'I was charged late payment interest by mistake', ...FINISH]) {
      const res = await post(url, message(text, 'killed-conv', 'killed-user'));
      last = (res.json.activities ?? []).map((a) => a.text ?? '').join('\n');
    }
    const reference = referenceIn(last);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const storage = new SqliteStorage(file);
    try {
      const tickets = new TicketStore(storage);
      expect((await tickets.get(reference))?.checklist.problem).toBe('I was charged late payment interest by mistake');
      expect(await tickets.pendingDeliveries()).toContain(reference);
    } finally {
      storage.close();
    }
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 60_000);

test('filing the same form again (a retried turn) returns the same ticket instead of a second one', async () => {
  const storage = new SqliteStorage(path.join(dir, 'hanna.db'));
  try {
    const tickets = new TicketStore(storage);
    const req = { draft: draft(1), channel: 'test', conversationId: 'c1', identity: 'conversation/test/c1/u|2026-11-26T02:59:00.000Z' };
    const first = await tickets.file(req, IN_HOURS);
    const second = await tickets.file(req, IN_HOURS);
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(second.ticket.reference).toBe(first.ticket.reference);
    expect((await tickets.list()).total).toBe(1);
    expect(await tickets.pendingDeliveries()).toEqual([first.ticket.reference]);
  } finally {
    storage.close();
  }
});

test('two stores on one SQLite file filing at the same time never reuse a number', async () => {
  const file = path.join(dir, 'hanna.db');
  const storages = [new SqliteStorage(file), new SqliteStorage(file)];
  try {
    const stores = storages.map((s) => new TicketStore(s));
    await stores[0].init(IN_HOURS);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => stores[i % 2].file({ draft: draft(i), channel: 'test', conversationId: `c${i}`, identity: `id-${i}` }, IN_HOURS)),
    );
    const numbers = results.map((r) => Number(r.ticket.reference.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const listed = await stores[1].list({ limit: 100 });
    expect(listed.total).toBe(30);
    expect((await stores[1].pendingDeliveries()).length).toBe(30);
  } finally {
    storages.forEach((s) => s.close());
  }
});

test('numbering restarts each year, counted in Kuala Lumpur time', async () => {
  const storage = new SqliteStorage(path.join(dir, 'hanna.db'));
  try {
    const tickets = new TicketStore(storage);
    const late2026 = new Date('2026-12-31T15:30:00Z'); // 23:30 on 31 Dec in KL
    const early2027 = new Date('2026-12-31T16:30:00Z'); // 00:30 on 1 Jan in KL
    const a = await tickets.file({ draft: draft(1), channel: 'test', conversationId: 'a', identity: 'a' }, late2026);
    const b = await tickets.file({ draft: draft(2), channel: 'test', conversationId: 'b', identity: 'b' }, early2027);
    expect(a.ticket.reference).toMatch(/^HN-2026-\d{6}$/);
    expect(b.ticket.reference).toBe('HN-2027-000001');
  } finally {
    storage.close();
  }
});
