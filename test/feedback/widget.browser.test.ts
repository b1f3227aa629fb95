// The widget in a real browser (Chromium, the official Web Chat against this server): a visitor asks,
// presses 👎, is asked what was missing, takes the officer offered, goes through the checklist with a
// contact, sees the summary, presses "Hantar" and gets the reference. The 👎 reaches the console's queue.
import type { Page } from 'playwright-core';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { launchBrowser, type Browser } from '../e2e/browser';
import { SENDBOX, webChat } from '../e2e/webchat';
import { ReviewQueue } from '../../bot/insights';

const QUESTION = 'macam mana nak bayar caruman';

let bot: RunningBot;
let browser: Browser;
let page: Page;

const { botBubbles, suggested, send, botSays } = webChat(() => page);

beforeAll(async () => {
  bot = await startBot();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

test('ask, 👎, then the checklist with a contact, the summary and Hantar: the reference', async () => {
  await page.goto(`${bot.url}/`);
  await page.locator(SENDBOX).waitFor({ timeout: 20_000 });
  await send(QUESTION);
  await suggested('👎').waitFor({ timeout: 10_000 });
  await suggested('👍').waitFor({ timeout: 5_000 });
  await suggested('👎').click();
  await botSays(/Apa yang kurang\?/);

  await suggested('Cakap dengan pegawai').click();
  await botSays(/nombor majikan/i);
  for (const [answer, next] of [
    ['A3100001237X', /nama syarikat/i],
    ['Maju Jaya Sdn Bhd', /nama wakil/i],
    ['Siti Aminah binti Ahmad', /MyKad/],
    ['900101-14-5673', /masalah/i],
    ['Bayaran FPX gagal tetapi wang sudah ditolak', /e-mel atau nombor telefon/],
    ['siti@majujaya.com.my', /Ini yang akan dihantar kepada pegawai/],
  ] as const) {
    await send(answer);
    await botSays(next);
  }
  const summary = botBubbles().filter({ hasText: /Ini yang akan dihantar/ }).last();
  await expect(summary.textContent()).resolves.toContain('900101-**-***3');
  await expect(summary.textContent()).resolves.not.toContain('900101145673');
  await suggested('Batal').waitFor({ timeout: 5_000 });
  await suggested('Ubah').waitFor({ timeout: 5_000 });
  await suggested('Hantar').click();

  await botSays(/Nombor rujukan: HN-\d{4}-\d{6}/);
  const text = (await botBubbles().filter({ hasText: /Nombor rujukan/ }).last().textContent()) ?? '';
  expect(text).toMatch(/siti@majujaya\.com\.my/);
  const reference = /HN-\d{4}-\d{6}/.exec(text)![0];
  const ticket = await bot.app.handoff.tickets.get(reference);
  expect(ticket?.contact).toEqual({ email: 'siti@majujaya.com.my' });
  expect(ticket?.checklist.problem).toBe('Bayaran FPX gagal tetapi wang sudah ditolak');

  // The 👎 is in the console's queue.
  await bot.app.insights.flush();
  const queue = await new ReviewQueue(bot.app.store.storage).list({ now: new Date(), filter: 'all' });
  expect(queue.items.filter((i) => i.reason === 'down')).toEqual([
    expect.objectContaining({ intent: 'payment_methods', answerId: 'payment_methods', message: QUESTION }),
  ]);
});
