// Ticket e-mails through a real SMTP server on 127.0.0.1: the officer gets one readable message
// per ticket, a mail server that is down or refusing only delays it, and two workers on one
// store never send a ticket twice.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { composeTicketEmail, createSmtpMailer, OutboxWorker } from '../../bot/handoff';
import { SqliteStorage } from '../../bot/storage';
import { TicketStore, type Ticket } from '../../bot/tickets';
import {
  GOOD_ANSWERS, FINISH,
  IN_HOURS,
  conversation,
  freePort,
  mailBody,
  mailHeader,
  referenceIn,
  startApp,
  startSmtp,
  waitFor,
  type Bot,
  type Smtp,
} from './helpers';

const FAST = { pollMs: 30, baseDelayMs: 80, maxDelayMs: 300, leaseMs: 5_000 };
const TOKEN = 'staff-token-for-tests-0123456789';
let n = 0;

function mailEnv(port: number): Record<string, string> {
  return {
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    HANDOFF_EMAIL_TO: 'officers@example.test',
    HANDOFF_EMAIL_FROM: 'hanna@example.test',
    PUBLIC_URL: 'https://bot.example.test',
    TRIAGE_TOKEN: TOKEN,
  };
}

async function fileTicket(bot: Bot, problem = 'I cannot log in to ASSIST after changing my password'): Promise<string> {
  const done = await conversation(bot.url, `delivery-${++n}`, ['talk to an officer', ...GOOD_ANSWERS, problem, ...FINISH]);
  return referenceIn(done.text);
}

async function ticketOverApi(bot: Bot, reference: string): Promise<Ticket> {
  const res = await fetch(`${bot.url}/api/tickets/${reference}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Ticket;
}

/** One more pass of the app's worker over the outbox: how many e-mails it sent. */
async function anotherPass(bot: Bot): Promise<number> {
  const worker = bot.app.handoff.worker;
  if (!worker) throw new Error('the app has no outbox worker: SMTP_URL and HANDOFF_EMAIL_TO must be set');
  return worker.runOnce();
}

describe('e-mail to the officers', () => {
  let smtp: Smtp;
  let bot: Bot;
  beforeAll(async () => {
    smtp = await startSmtp();
    bot = await startApp(mailEnv(smtp.port), { outbox: FAST });
  });
  afterAll(async () => {
    await bot.stop();
    await smtp.stop();
  });

  test('one message per ticket, with the reference in a bilingual subject and the checklist in the body', async () => {
    const reference = await fileTicket(bot);
    await waitFor(() => smtp.mails.some((m) => mailHeader(m.raw, 'subject').includes(reference)), 'the e-mail');
    const mail = smtp.mails.find((m) => mailHeader(m.raw, 'subject').includes(reference))!;
    expect(mail.to).toEqual(['officers@example.test']);
    expect(mail.from).toBe('hanna@example.test');
    const subject = mailHeader(mail.raw, 'subject');
    expect(subject).toMatch(/Tiket baharu/);
    expect(subject).toMatch(/New ticket/);
    expect(subject).toContain('Maju Jaya Sdn Bhd');

    const body = mailBody(mail.raw);
    expect(body).toContain(`Reference: ${reference}`);
    expect(body).toContain('Employer number: A3100001237X');
    expect(body).toContain('Company name: Maju Jaya Sdn Bhd');
    expect(body).toContain('Representative: Siti Aminah binti Ahmad');
    expect(body).toContain("Representative's MyKad: 900101-14-5673");
    expect(body).toContain('Problem: I cannot log in to ASSIST after changing my password');
    expect(body).toMatch(/TRANSCRIPT \(personal data redacted\)/);
    expect(body).toContain('User: talk to an officer');
    expect(body).toContain(`https://bot.example.test/staff#${reference}`);
    // Filed at 11:00 in Kuala Lumpur.
    expect(body).toMatch(/Filed: 26 Nov 2026, 11:00/);

    await waitFor(async () => (await ticketOverApi(bot, reference)).delivery.email.state === 'sent', 'the ticket to show the e-mail as sent');
    const ticket = await ticketOverApi(bot, reference);
    expect(ticket.delivery.email.attempts).toBe(1);
    expect(ticket.delivery.email.sentAt).not.toBeNull();
    // Nothing more is sent for it later.
    expect(await anotherPass(bot)).toBe(0);
    expect(smtp.mails.filter((m) => mailHeader(m.raw, 'subject').includes(reference))).toHaveLength(1);
  });

  test('a server that refuses the message at first: the ticket shows retrying, then it is delivered once', async () => {
    smtp.reject = true;
    const reference = await fileTicket(bot, 'Payment done but the ACR receipt is missing');
    await waitFor(async () => (await ticketOverApi(bot, reference)).delivery.email.state === 'retrying', 'a failed attempt');
    const failing = await ticketOverApi(bot, reference);
    expect(failing.delivery.email.lastError).toMatch(/451/);
    expect(failing.delivery.email.nextAttemptAt).not.toBeNull();
    expect(smtp.mails.filter((m) => mailHeader(m.raw, 'subject').includes(reference))).toHaveLength(0);

    smtp.reject = false;
    await waitFor(async () => (await ticketOverApi(bot, reference)).delivery.email.state === 'sent', 'delivery after the server recovers');
    expect(await anotherPass(bot)).toBe(0);
    expect(smtp.mails.filter((m) => mailHeader(m.raw, 'subject').includes(reference))).toHaveLength(1);
  });
});

describe('a mail server that is down', () => {
  test('delays the ticket, which is delivered exactly once when the server comes up', async () => {
    const port = await freePort();
    const bot = await startApp(mailEnv(port), { outbox: FAST });
    let smtp: Smtp | null = null;
    try {
      const reference = await fileTicket(bot);
      await waitFor(async () => (await ticketOverApi(bot, reference)).delivery.email.attempts >= 2, 'two failed attempts');
      const waiting = await ticketOverApi(bot, reference);
      expect(waiting.delivery.email.state).toBe('retrying');
      expect(waiting.delivery.email.lastError).toMatch(/ECONNREFUSED|connect/i);
      // It stays listed as an open ticket whatever the mail does.
      const list = (await (await fetch(`${bot.url}/api/tickets?status=open`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { tickets: Ticket[] };
      expect(list.tickets.map((t) => t.reference)).toContain(reference);

      smtp = await startSmtp(port);
      await waitFor(() => smtp!.mails.length > 0, 'the e-mail once the server is up');
      await waitFor(async () => (await ticketOverApi(bot, reference)).delivery.email.state === 'sent', 'the ticket to show it sent');
      expect(await anotherPass(bot)).toBe(0);
      expect(smtp.mails).toHaveLength(1);
      expect(mailHeader(smtp.mails[0].raw, 'subject')).toContain(reference);
    } finally {
      await bot.stop();
      await smtp?.stop();
    }
  });
});

describe('two workers on one store', () => {
  test('deliver every ticket exactly once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-outbox-'));
    const file = path.join(dir, 'hanna.db');
    const smtp = await startSmtp();
    // Two connections to one SQLite file behave like two processes sharing the store.
    const storages = [new SqliteStorage(file), new SqliteStorage(file)];
    const stores = storages.map((s) => new TicketStore(s));
    try {
      await stores[0].init(IN_HOURS);
      const filed = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          stores[i % 2].file(
            {
              draft: { checklist: { employerCode: 'A3100001237X', companyName: `Syarikat ${i}`, problem: 'Cannot log in' }, topics: [], lang: 'en', channel: 'test', createdAt: IN_HOURS.toISOString(), transcript: [] },
              channel: 'test',
              conversationId: `c-${i}`,
              identity: `filing-${i}`,
            },
            IN_HOURS,
          ),
        ),
      );
      const refs = filed.map((f) => f.ticket.reference);
      expect(new Set(refs).size).toBe(12);

      const settings = { from: 'hanna@example.test', to: 'officers@example.test', publicUrl: '' };
      const workers = stores.map(
        (tickets, i) => new OutboxWorker({ tickets, mailer: createSmtpMailer(`smtp://127.0.0.1:${smtp.port}`), compose: (t) => composeTicketEmail(t, settings), owner: `worker-${i}`, ...FAST }),
      );
      workers.forEach((w) => w.start());
      await waitFor(async () => (await stores[0].pendingDeliveries()).length === 0, 'the outbox to empty', 20_000);
      // Nothing is pending, so a later pass sends nothing; stop() waits for a send under way, so
      // after it every e-mail the workers will ever send has reached the server.
      await Promise.all(workers.map((w) => w.stop()));

      const subjects = smtp.mails.map((m) => mailHeader(m.raw, 'subject'));
      for (const ref of refs) expect(subjects.filter((s) => s.includes(ref))).toHaveLength(1);
      expect(smtp.mails).toHaveLength(12);
      for (const ref of refs) expect((await stores[1].get(ref))!.delivery.email.state).toBe('sent');
    } finally {
      storages.forEach((s) => s.close());
      await smtp.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
