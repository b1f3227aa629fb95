// From the widget to the employer's mailbox, in Chromium: an employer asks a question and asks for a
// person in the website widget, goes through the escalation form, gives a contact e-mail, checks the
// summary (MyKad masked) and presses "Hantar / Send", and the ticket is filed; an officer
// signs in on /staff, opens the ticket, sees the contact and the intent trail, writes one reply and
// sends it (clicking twice), and the reply arrives once in a real SMTP server on 127.0.0.1.
import path from 'path';
import type { Page } from 'playwright-core';
import { GOOD_ANSWERS, REFERENCE, mailBody, mailHeader, startApp, startSmtp, waitFor, type Bot, type Smtp } from '../escalation/helpers';
import { launchBrowser, SCREENSHOTS, type Browser } from './browser';
import { SENDBOX, webChat } from './webchat';

const TOKEN = 'officer-browser-token-0123456789ab';
const EMPLOYER = 'siti@majujaya.example.test';
const QUESTION = 'camne nak log masuk portal assist';
const PROBLEM = 'Tak boleh log masuk ASSIST lepas tukar kata laluan';
const REPLY = 'Puan Siti, kata laluan ASSIST anda telah ditetapkan semula. Sila log masuk semula. / Your ASSIST password has been reset.';

let smtp: Smtp;
let bot: Bot;
let browser: Browser;
let page: Page;
let reference = '';
const problems: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  smtp = await startSmtp();
  bot = await startApp(
    { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HANDOFF_EMAIL_TO: 'officers@example.test', HANDOFF_EMAIL_FROM: 'hanna@example.test', TRIAGE_TOKEN: TOKEN },
    { outbox: { pollMs: 50, baseDelayMs: 100, maxDelayMs: 500, leaseMs: 5_000 } },
  );
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => problems.push(e.message));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
  await smtp?.stop();
});

const { botBubbles, send, botSays } = webChat(() => page);

/** A button the bot offers (a suggested action or a card action; not the send box's own button). */
const offered = (title: RegExp) => page.locator('.webchat__suggested-actions button, .ac-adaptiveCard button').filter({ hasText: title });

test('an employer asks in the widget, asks for a person, answers the checklist and a contact, checks the summary and sends it', async () => {
  await page.goto(`${bot.url}/`);
  await page.locator(SENDBOX).waitFor({ timeout: 20_000 });
  await botBubbles().filter({ hasText: 'Selamat datang!' }).first().waitFor({ timeout: 10_000 });
  const before = await botBubbles().count();
  await send(QUESTION);
  await waitFor(async () => (await botBubbles().count()) > before, 'the answer to the question');

  await send('nak cakap dengan pegawai');
  for (const [question, answer] of [
    [/nombor majikan/i, GOOD_ANSWERS[0]],
    [/nama syarikat/i, GOOD_ANSWERS[1]],
    [/nama wakil/i, GOOD_ANSWERS[2]],
    [/MyKad/, GOOD_ANSWERS[3]],
    [/masalah/i, PROBLEM],
    [/e-mel atau nombor telefon/i, EMPLOYER],
  ] as const) {
    await botSays(question);
    await send(answer);
  }
  // The summary: what the officer will get, MyKad masked, with Send / Change / Cancel.
  const summary = await botSays(/Ini yang akan dihantar kepada pegawai/);
  expect(summary).toContain('900101-**-***3');
  expect(summary).toContain(EMPLOYER);
  expect(summary).toContain(PROBLEM);
  expect(summary).not.toMatch(/900101145673|900101-14-5673/);
  await offered(/^Ubah/).waitFor({ timeout: 5_000 });
  await offered(/^Batal/).waitFor({ timeout: 5_000 });
  expect((await bot.app.handoff.tickets.list()).total).toBe(0);
  await offered(/^Hantar/).last().click();

  const filed = await botSays(REFERENCE);
  reference = REFERENCE.exec(filed)![0];
  // The promise names the channel given, and only that one.
  expect(filed).toContain(EMPLOYER);
  expect((await bot.app.handoff.tickets.get(reference))?.contact).toEqual({ email: EMPLOYER });
}, 120_000);

test('the officer opens the ticket on /staff, sees contact and intent trail, and sends one reply that reaches the SMTP server once', async () => {
  await page.goto(`${bot.url}/staff`);
  await page.locator('#token').fill(TOKEN);
  await page.keyboard.press('Enter');
  await page.locator('table.tickets').getByRole('link', { name: reference }).click();
  await page.locator('#ticket-title').filter({ hasText: reference }).waitFor({ timeout: 10_000 });

  await expect(page.locator('#contact').textContent()).resolves.toContain(EMPLOYER);
  const trail = await page.locator('#intent-trail li').allTextContents();
  // The question the employer typed first, with what the bot took it to be and how sure it was.
  expect(trail.find((line) => line.includes(QUESTION))).toMatch(/^[a-z_]+ \(\d{1,3}%\) ← /);
  // The console never shows the whole MyKad: the checklist masks it as the summary did.
  const whole = (await page.locator('body').textContent()) ?? '';
  expect(whole).toContain('900101-**-***3');
  expect(whole).not.toMatch(/900101-?14-?5673/);

  await page.locator('#reply-author').fill('Aminah (Careline)');
  await page.locator('#reply-text').fill(REPLY);
  await expect(page.locator('#reply-count').textContent()).resolves.toBe(`${REPLY.length} / 3000`);
  await page.locator('#reply-send').dblclick();

  // The page shows the reply as sent by the officer, and no longer offers to send one.
  await page.locator('#reply-status').waitFor({ timeout: 10_000 });
  await expect(page.locator('#reply-sent').textContent()).resolves.toBe(REPLY);
  expect(await page.locator('#reply-send').count()).toBe(0);
  await expect(page.locator('#reply-status').textContent()).resolves.toContain('Aminah (Careline)');

  const toEmployer = () => smtp.mails.filter((m) => m.to.includes(EMPLOYER));
  await waitFor(() => toEmployer().length > 0, 'the reply in the SMTP server', 15_000);
  await waitFor(async () => (await bot.app.handoff.tickets.get(reference))?.reply?.delivery.state === 'sent', 'the ticket to record the reply as sent');
  await waitFor(async () => (await bot.app.handoff.tickets.pendingDeliveries()).length === 0, 'the outbox to empty');
  expect(toEmployer()).toHaveLength(1);
  const mail = toEmployer()[0];
  expect(mailHeader(mail.raw, 'subject')).toContain(reference);
  expect(mailBody(mail.raw)).toContain('kata laluan ASSIST anda telah ditetapkan semula');
  expect(mail.raw).not.toMatch(/900101|145673/);

  // After a reload the ticket shows the reply as sent, still without a send button.
  await page.reload();
  await page.locator('#reply-status').filter({ hasText: /sent/ }).waitFor({ timeout: 10_000 });
  expect(await page.locator('#reply-send').count()).toBe(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-ticket-reply.png'), fullPage: true });

  // The officer closes the case with a note.
  await page.locator('#edit-status').selectOption('resolved');
  await page.locator('#edit-note').fill('Password reset; employer told by e-mail.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.locator('#ticket-title').filter({ hasText: 'Resolved' }).waitFor({ timeout: 10_000 });
  await page.getByText('Aminah (Careline): Password reset; employer told by e-mail.').waitFor({ timeout: 5_000 });
  expect((await bot.app.handoff.tickets.get(reference))?.status).toBe('resolved');
  expect(problems).toEqual([]);
  expect(requests.filter((u) => !u.startsWith(bot.url) && !u.startsWith(bot.url.replace('http', 'ws')) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
}, 60_000);
