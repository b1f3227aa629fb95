// Crash safety with the embedded default store: `kill -9` the real `hanna serve` process during a
// conversation and during an escalation, start it again on the same SQLite file, and nothing
// the bot acknowledged is lost.
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { GOOD_ANSWERS, FINISH, MYKAD_DIGITS, REFERENCE, say, startSmtp, waitFor } from '../escalation/helpers';
import { message, post } from '../helpers/bot-server';
import { freePort, startHanna, type BotProcess } from './helpers/processes';

const TRIAGE_TOKEN = 'crash-test-triage-token-0123456789';
let dir: string;
let env: Record<string, string>;
let bot: BotProcess | null = null;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-crash-'));
  env = { STORAGE_URL: `sqlite:${path.join(dir, 'h.db')}`, TRIAGE_TOKEN };
});
afterEach(async () => {
  await bot?.stop();
  bot = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function restart(extra: Record<string, string> = {}): Promise<string> {
  if (bot) await bot.kill9();
  bot = await startHanna({ ...env, ...extra });
  return bot.url;
}

test('kill -9 between turns: the quote and the half-filled checklist are still there', async () => {
  let url = await restart();
  expect((await say(url, 'c-quote', 'berapa caruman untuk gaji RM2500')).text).toContain('42.85');
  expect((await say(url, 'c-form', 'nak cakap dengan pegawai')).text).toMatch(/nombor majikan/i);
  expect((await say(url, 'c-form', GOOD_ANSWERS[0])).text).toMatch(/nama syarikat/i);

  url = await restart();
  // the follow-up recomputes the remembered quote; the checklist goes on at the company name
  expect((await say(url, 'c-quote', 'Umur 60 ke atas')).text).toContain('30.60');
  expect((await say(url, 'c-form', GOOD_ANSWERS[1])).text).toMatch(/nama wakil/i);
}, 60_000);

test('kill -9 with turns in flight: every acknowledged turn survives and the store still opens', async () => {
  let url = await restart();
  const convs = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
  // each conversation starts the checklist; the process dies while the answers are coming back
  let acknowledged = 0;
  const pending = convs.map((c) =>
    post(url, message('nak cakap dengan pegawai', c, 'employer-1')).then(
      (r) => (r.status === 200 ? (acknowledged++, true) : false),
      () => false,
    ),
  );
  await waitFor(() => acknowledged >= 5, 'the first answers');
  await bot!.kill9();
  const ok = await Promise.all(pending);
  url = await restart();
  for (const [i, c] of convs.entries()) {
    const reply = (await say(url, c, GOOD_ANSWERS[0])).text;
    // acknowledged: the form was saved, so the employer number moves it on to the company name
    if (ok[i]) expect(reply).toMatch(/nama syarikat/i);
  }
  expect(ok.filter(Boolean).length).toBeGreaterThanOrEqual(5);
}, 60_000);

test('kill -9 right after the ticket reply: the ticket is stored and its e-mail goes out after restart, once', async () => {
  let url = await restart(); // no SMTP yet: the ticket waits in the outbox
  const conv = 'c-escalation';
  let last = '';
  for (const line of ['nak cakap dengan pegawai', ...GOOD_ANSWERS, 'Tidak dapat log masuk ASSIST', ...FINISH]) last = (await say(url, conv, line)).text;
  const ref = REFERENCE.exec(last)?.[0];
  expect(ref).toBeDefined();

  const smtp = await startSmtp();
  try {
    url = await restart({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HANDOFF_EMAIL_TO: 'officers@example.test' });
    const res = await fetch(`${url}/api/tickets/${ref}`, { headers: { authorization: `Bearer ${TRIAGE_TOKEN}` } });
    expect(res.status).toBe(200);
    const ticket = (await res.json()) as { checklist: Record<string, string>; status: string };
    expect(ticket.checklist).toMatchObject({ employerCode: 'A3100001237X', mykad: '900101-**-***3', problem: 'Tidak dapat log masuk ASSIST' });
    expect(ticket.status).toBe('open');
    await waitFor(() => smtp.mails.some((m) => m.raw.includes(ref!)), 'the ticket e-mail', 20_000);
    // the conversation itself is past the form: a new question is answered normally
    expect((await say(url, conv, 'berapa caruman untuk gaji RM2500')).text).toContain('42.85');
    // A second restart does not send it again. The restarted worker passes over the outbox one pass
    // at a time, in filing order: once a ticket filed after the restart is e-mailed, every pass that
    // could have sent the first one again is over.
    url = await restart({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HANDOFF_EMAIL_TO: 'officers@example.test' });
    let later = '';
    for (const line of ['nak cakap dengan pegawai', ...GOOD_ANSWERS, 'Bayaran caruman tidak dikemas kini', ...FINISH]) later = (await say(url, 'c-escalation-2', line, 'employer-2')).text;
    const laterRef = REFERENCE.exec(later)?.[0];
    expect(laterRef).toBeDefined();
    expect(laterRef).not.toBe(ref);
    await waitFor(() => smtp.mails.some((m) => m.raw.includes(laterRef!)), 'the e-mail of a ticket filed after the second restart', 20_000);
    expect(smtp.mails.filter((m) => m.raw.includes(ref!))).toHaveLength(1);
  } finally {
    await smtp.stop();
  }
}, 90_000);

test('kill -9 while a ticket e-mail is being sent: after the restart it goes out at once, not when the lease runs out, and once', async () => {
  // A mail server that accepts the connection and never answers: the send hangs with the lease held.
  const hung: net.Socket[] = [];
  const hang = net.createServer((socket) => void hung.push(socket));
  await new Promise<void>((resolve) => hang.listen(0, '127.0.0.1', () => resolve()));
  const hangPort = (hang.address() as net.AddressInfo).port;
  const smtp = await startSmtp();
  // Restarted as an operator would: same host, same PORT, so the same instance name.
  const PORT = String(await freePort());
  try {
    let url = await restart({ PORT, SMTP_URL: `smtp://127.0.0.1:${hangPort}`, HANDOFF_EMAIL_TO: 'officers@example.test' });
    let last = '';
    for (const line of ['nak cakap dengan pegawai', ...GOOD_ANSWERS, 'Tidak dapat log masuk ASSIST', ...FINISH]) last = (await say(url, 'c-lease', line)).text;
    const ref = REFERENCE.exec(last)![0];
    await waitFor(() => hung.length > 0, 'the worker to start sending');

    // Its lease (10 minutes) is released at start: the e-mail goes out at the worker's first passes,
    // well inside this deadline, instead of when the lease runs out.
    url = await restart({ PORT, SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HANDOFF_EMAIL_TO: 'officers@example.test' });
    await waitFor(() => smtp.mails.some((m) => m.raw.includes(ref)), 'the ticket e-mail after the restart (a held lease would delay it 10 minutes)', 30_000);
    const res = await fetch(`${url}/api/tickets/${ref}`, { headers: { authorization: `Bearer ${TRIAGE_TOKEN}` } });
    expect(((await res.json()) as { delivery: { email: { state: string } } }).delivery.email.state).toBe('sent');
    expect(smtp.mails.filter((m) => m.raw.includes(ref))).toHaveLength(1);
  } finally {
    for (const s of hung) s.destroy();
    await new Promise<void>((resolve) => hang.close(() => resolve()));
    await smtp.stop();
  }
}, 90_000);
