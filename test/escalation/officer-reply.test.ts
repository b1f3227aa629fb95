// What an officer gets and can do on a ticket: the contact and the intent trail in the e-mail and
// on /api/tickets, and one reply to the employer by e-mail through the outbox, sent exactly once
// even when posted twice at the same time. Real server, real SMTP server on 127.0.0.1.
import type { Ticket } from '../../bot/tickets';
import { IN_HOURS, MYKAD_DIGITS, mailBody, mailHeader, startApp, startSmtp, waitFor, type Bot, type Smtp } from './helpers';
import { fileThroughForm } from './form-driver';

const FAST = { pollMs: 30, baseDelayMs: 80, maxDelayMs: 300, leaseMs: 5_000 };
const TOKEN = 'staff-token-for-tests-0123456789';
const EMPLOYER = 'siti@majujaya.example.test';
let n = 0;

type OneTicket = Ticket & { mykadMasked: string | null };

async function api(bot: Bot, method: string, path: string, body?: unknown, token = TOKEN): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${bot.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function ticket(bot: Bot, reference: string): Promise<OneTicket> {
  const res = await api(bot, 'GET', `/api/tickets/${reference}`);
  expect(res.status).toBe(200);
  return res.json as unknown as OneTicket;
}

/** A ticket as the form files it, with the contact the form collects. */
async function fileWithContact(bot: Bot, contact: { email?: string; phone?: string } | undefined): Promise<string> {
  const { ticket: t } = await bot.app.handoff.tickets.file(
    {
      draft: {
        checklist: { employerCode: 'A3100001237X', companyName: 'Maju Jaya Sdn Bhd', repName: 'Siti Aminah', mykad: MYKAD_DIGITS, problem: 'Cannot log in to ASSIST' },
        topics: ['portal_login'],
        lang: 'en',
        channel: 'webchat',
        createdAt: IN_HOURS.toISOString(),
        transcript: [
          { from: 'user', text: 'cannot login assist', at: IN_HOURS.toISOString(), intent: 'portal_login', confidence: 0.91 },
          { from: 'bot', text: 'Try resetting your password.', at: IN_HOURS.toISOString() },
        ],
        ...(contact ? { contact } : {}),
      },
      channel: 'webchat',
      conversationId: `officer-${++n}`,
      identity: `officer-${n}`,
    },
    IN_HOURS,
  );
  bot.app.handoff.worker?.kick();
  return t.reference;
}

const mailsTo = (smtp: Smtp, address: string) => smtp.mails.filter((m) => m.to.includes(address));

describe('a handoff officers can act on', () => {
  let smtp: Smtp;
  let bot: Bot;
  beforeAll(async () => {
    smtp = await startSmtp();
    bot = await startApp(
      { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HANDOFF_EMAIL_TO: 'officers@example.test', HANDOFF_EMAIL_FROM: 'hanna@example.test', TRIAGE_TOKEN: TOKEN },
      { outbox: FAST },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await smtp.stop();
  });

  test('the ticket e-mail and /api/tickets show the intent trail: what the bot made of each user message', async () => {
    const { reference } = await fileThroughForm(bot.url, `trail-${++n}`, ['macam mana nak reset password ASSIST', 'nak cakap dengan pegawai'], {
      problem: 'Saya tidak boleh log masuk ASSIST',
      contact: EMPLOYER,
    });
    const t = await ticket(bot, reference);
    const first = t.transcript.find((turn) => turn.from === 'user');
    expect(first?.text).toBe('macam mana nak reset password ASSIST');
    expect(typeof first?.intent).toBe('string');
    expect(first?.confidence).toBeGreaterThan(0);
    expect(first?.confidence).toBeLessThanOrEqual(1);
    // Bot turns carry no guess: the trail is about what the user said.
    expect(t.transcript.filter((turn) => turn.from === 'bot').every((turn) => turn.intent === undefined)).toBe(true);

    await waitFor(() => smtp.mails.some((m) => mailHeader(m.raw, 'subject').includes(reference)), 'the ticket e-mail');
    const body = mailBody(smtp.mails.find((m) => mailHeader(m.raw, 'subject').includes(reference))!.raw);
    expect(body).toContain('INTENT TRAIL');
    expect(body).toContain(`${first!.intent} (${Math.round(first!.confidence! * 100)}%) ← macam mana nak reset password ASSIST`);
    expect(body).not.toContain(MYKAD_DIGITS.slice(6));
  });

  test('the ticket e-mail and /api/tickets show the contact; without one the e-mail says so', async () => {
    const withContact = await fileWithContact(bot, { email: EMPLOYER, phone: '012-345 6789' });
    const without = await fileWithContact(bot, undefined);
    expect((await ticket(bot, withContact)).contact).toEqual({ email: EMPLOYER, phone: '012-345 6789' });
    expect((await ticket(bot, without)).contact).toBeUndefined();
    const bodyOf = async (ref: string) => {
      await waitFor(() => smtp.mails.some((m) => mailHeader(m.raw, 'subject').includes(ref)), `the e-mail of ${ref}`);
      return mailBody(smtp.mails.find((m) => mailHeader(m.raw, 'subject').includes(ref))!.raw);
    };
    expect(await bodyOf(withContact)).toContain(`Contact: e-mel / e-mail ${EMPLOYER}; telefon / phone 012-345 6789`);
    expect(await bodyOf(without)).toMatch(/Contact: \(tidak diberi \/ not given\)/);
    expect(await bodyOf(withContact)).toContain('portal_login (91%) ← cannot login assist');
  });

  test('a reply posted twice at once reaches the employer once and is recorded on the ticket; a second reply is refused', async () => {
    const reference = await fileWithContact(bot, { email: EMPLOYER });
    const reply = { id: 'reply-0001-abcdef', text: 'Dear Puan Siti,\n\nYour ASSIST password has been reset. Please log in again.', author: 'Aminah (Careline)' };
    const [a, b] = await Promise.all([api(bot, 'POST', `/api/tickets/${reference}/reply`, reply), api(bot, 'POST', `/api/tickets/${reference}/reply`, reply)]);
    expect([a.status, b.status].sort()).toEqual([200, 202]);

    await waitFor(async () => (await ticket(bot, reference)).reply?.delivery.state === 'sent', 'the reply to be sent');
    await waitFor(async () => !(await bot.app.handoff.tickets.pendingDeliveries()).some((id) => id.startsWith(reference)), 'the outbox to empty');
    const mine = mailsTo(smtp, EMPLOYER).filter((m) => mailHeader(m.raw, 'subject').includes(reference));
    expect(mine).toHaveLength(1);
    expect(mailHeader(mine[0].raw, 'subject')).toBe(`[${reference}] Balasan kepada tiket anda / Reply to your ticket`);
    expect(mailHeader(mine[0].raw, 'reply-to')).toBe('officers@example.test');
    const body = mailBody(mine[0].raw);
    expect(body).toContain('Your ASSIST password has been reset. Please log in again.');
    expect(body).toContain('– Aminah (Careline)');
    expect(body).not.toMatch(/900101|A3100001237X/);

    const t = await ticket(bot, reference);
    expect(t.reply).toMatchObject({ id: reply.id, author: 'Aminah (Careline)', to: EMPLOYER, at: IN_HOURS.toISOString(), text: reply.text });

    // The same send again is the same reply; another one is refused.
    expect((await api(bot, 'POST', `/api/tickets/${reference}/reply`, reply)).status).toBe(200);
    const second = await api(bot, 'POST', `/api/tickets/${reference}/reply`, { ...reply, id: 'reply-0002-abcdef' });
    expect(second.status).toBe(409);
    expect(second.json.error).toMatch(/already sent/);
    expect(mailsTo(smtp, EMPLOYER).filter((m) => mailHeader(m.raw, 'subject').includes(reference))).toHaveLength(1);
  });

  test('two officers replying at the same moment: one reply is stored and sent, the other is told', async () => {
    const reference = await fileWithContact(bot, { email: EMPLOYER });
    const results = await Promise.all(
      ['officer-a-0001', 'officer-b-0002'].map((id) => api(bot, 'POST', `/api/tickets/${reference}/reply`, { id, text: `Reply ${id}`, author: id })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
    await waitFor(async () => (await ticket(bot, reference)).reply?.delivery.state === 'sent', 'the reply to be sent');
    expect(mailsTo(smtp, EMPLOYER).filter((m) => mailHeader(m.raw, 'subject').includes(reference))).toHaveLength(1);
  });

  test('a mail server refusing the reply only delays it: the ticket shows it retrying, then sent, once', async () => {
    const reference = await fileWithContact(bot, { email: EMPLOYER });
    await waitFor(async () => (await ticket(bot, reference)).delivery.email.state === 'sent', 'the ticket e-mail first');
    smtp.reject = true;
    try {
      expect((await api(bot, 'POST', `/api/tickets/${reference}/reply`, { id: 'reply-retry-0001', text: 'We are on it.', author: 'Aminah' })).status).toBe(202);
      await waitFor(async () => (await ticket(bot, reference)).reply?.delivery.state === 'retrying', 'the reply to be retrying');
      const failed = (await ticket(bot, reference)).reply!.delivery;
      expect(failed.lastError).toMatch(/451/);
    } finally {
      smtp.reject = false;
    }
    await waitFor(async () => (await ticket(bot, reference)).reply?.delivery.state === 'sent', 'the reply to be sent after the retry');
    expect(mailsTo(smtp, EMPLOYER).filter((m) => mailHeader(m.raw, 'subject').includes(reference))).toHaveLength(1);
    // The ticket e-mail's own delivery record is untouched by the reply's.
    expect((await ticket(bot, reference)).delivery.email.state).toBe('sent');
  });

  test('no e-mail on the ticket: the officer is told to call, or that no contact was given; nothing is queued', async () => {
    const phoneOnly = await fileWithContact(bot, { phone: '012-345 6789' });
    const none = await fileWithContact(bot, undefined);
    const reply = { id: 'reply-none-0001', text: 'Hello', author: 'Aminah' };
    const byPhone = await api(bot, 'POST', `/api/tickets/${phoneOnly}/reply`, reply);
    expect(byPhone.status).toBe(409);
    expect(byPhone.json.error).toMatch(/please call the employer/);
    const nothing = await api(bot, 'POST', `/api/tickets/${none}/reply`, reply);
    expect(nothing.status).toBe(409);
    expect(nothing.json.error).toMatch(/no contact details/);
    expect((await ticket(bot, phoneOnly)).reply).toBeUndefined();
    expect((await bot.app.handoff.tickets.pendingDeliveries()).some((id) => id.includes('/reply/'))).toBe(false);
  });

  test('bad replies get a polite reason: too long, empty, no name, the MyKad in it, no token', async () => {
    const reference = await fileWithContact(bot, { email: EMPLOYER });
    const post = (body: unknown, token?: string) => api(bot, 'POST', `/api/tickets/${reference}/reply`, body, token);
    const long = await post({ id: 'reply-long-0001', text: 'x'.repeat(3001), author: 'Aminah' });
    expect(long.status).toBe(400);
    expect(long.json.error).toMatch(/too long: at most 3000 characters/);
    expect((await post({ id: 'reply-empty-001', text: '   ', author: 'Aminah' })).json.error).toMatch(/Write the reply first/);
    expect((await post({ id: 'reply-name-0001', text: 'Hello' })).json.error).toMatch(/Give your name/);
    const mykad = await post({ id: 'reply-kad-00001', text: 'We checked MyKad 900101-14-5673 for you', author: 'Aminah' });
    expect(mykad.status).toBe(400);
    expect(mykad.json.error).toMatch(/contains the MyKad number/);
    expect((await post({ id: 'reply-tok-00001', text: 'Hello', author: 'Aminah' }, 'wrong-token')).status).toBe(401);
    expect((await api(bot, 'POST', '/api/tickets/HN-2026-999999/reply', { id: 'reply-miss-0001', text: 'Hello', author: 'A' })).status).toBe(404);
    expect((await ticket(bot, reference)).reply).toBeUndefined();
  });
});
