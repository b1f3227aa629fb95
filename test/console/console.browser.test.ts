// The console tabs of /staff in Chromium: sign in, page and search the tickets, see a message the
// bot did not understand (sent as a real conversation over HTTP) in "Belum difahami / Not
// understood", label it with one click, export it, and see the insight charts drawn as inline SVG
// with a bar or point per day that had data, and their CSV. Nothing leaves 127.0.0.1.
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, type Browser } from '../e2e/browser';
import { GOOD_ANSWERS, FINISH, IN_HOURS, conversation, referenceIn, say, startApp, type Bot } from '../escalation/helpers';

const TOKEN = 'console-browser-token-0123456789ab';
const DAY_MS = 86_400_000;
const OOS = 'macam mana nak ubah alamat syarikat';
let now = new Date(IN_HOURS.getTime() - 2 * DAY_MS);
let bot: Bot;
let browser: Browser;
let page: Page;
let reference: string;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  bot = await startApp({ TRIAGE_TOKEN: TOKEN }, { clock: () => now });
  // Three KL days of traffic: 24 Nov one conversation, 25 Nov two, 26 Nov three (one files a ticket).
  await say(bot.url, 'day1-a', 'how do I print the ACR for last month');
  now = new Date(IN_HOURS.getTime() - DAY_MS);
  await say(bot.url, 'day2-a', 'selamat pagi');
  await say(bot.url, 'day2-b', 'tukar emel majikan');
  now = IN_HOURS;
  await say(bot.url, 'day3-a', OOS);
  await say(bot.url, 'day3-b', 'apa nombor telefon careline perkeso');
  reference = referenceIn((await conversation(bot.url, 'day3-c', ['talk to an officer', ...GOOD_ANSWERS, 'Cannot print the ACR', ...FINISH])).text);
  await bot.app.insights.recordFeedback(
    { ref: { channelId: 'test', conversationId: 'day3-b', userId: 'employer-1' }, answerId: 'contact_support', intent: 'contact_support', lang: 'ms', vote: 'down', redactedMessage: 'apa nombor telefon careline perkeso' },
    IN_HOURS,
  );
  // 22 more tickets, filed straight into the store, for paging (20 a page): employer numbers E0000000001 ...
  for (let i = 1; i <= 22; i++) {
    const code = `E${String(i).padStart(10, '0')}`;
    await bot.app.handoff.tickets.file(
      {
        draft: { checklist: { employerCode: code, companyName: `Syarikat ${i}`, repName: 'Ali', mykad: '', problem: 'Test' }, topics: [], lang: 'ms', channel: 'test', createdAt: IN_HOURS.toISOString(), transcript: [] },
        channel: 'test',
        conversationId: `paging-${i}`,
        identity: `paging-${i}`,
      },
      new Date(IN_HOURS.getTime() - (i % 2) * DAY_MS),
    );
  }
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

function sideways(): Promise<boolean> {
  return page.evaluate('document.scrollingElement.scrollWidth > window.innerWidth') as Promise<boolean>;
}

test('sign in; the ticket list shows all tickets 20 a page, and searches by reference and employer number', async () => {
  await page.goto(`${bot.url}/staff`);
  await page.locator('#token').fill(TOKEN);
  await page.keyboard.press('Enter');
  const count = page.locator('#ticket-count');
  await count.filter({ hasText: '1–20 of 23' }).waitFor({ timeout: 10_000 });
  expect(await page.locator('table.tickets tbody tr').count()).toBe(20);
  expect(await page.locator('#status').inputValue()).toBe('all');
  expect(await page.locator('#prev-page').isDisabled()).toBe(true);
  await page.locator('#next-page').click();
  await count.filter({ hasText: '21–23 of 23' }).waitFor({ timeout: 10_000 });
  expect(await page.locator('table.tickets tbody tr').count()).toBe(3);
  expect(await page.locator('#next-page').isDisabled()).toBe(true);

  await page.getByLabel(/Search reference or employer number/).fill('e0000000017');
  await page.keyboard.press('Enter');
  await count.filter({ hasText: '1–1 of 1' }).waitFor({ timeout: 10_000 });
  expect(await page.locator('table.tickets tbody').textContent()).toContain('Syarikat 17');

  await page.getByLabel(/Search reference or employer number/).fill(reference);
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: reference }).waitFor({ timeout: 10_000 });
  expect(await page.locator('table.tickets tbody tr').count()).toBe(1);
}, 60_000);

test('a message the bot did not understand is in the queue; one click labels it; the export holds it', async () => {
  await page.getByRole('link', { name: 'Belum difahami / Not understood' }).click();
  const item = page.locator('#review-list > li').filter({ hasText: OOS });
  await item.waitFor({ timeout: 10_000 });
  expect(await item.textContent()).toContain('Di luar skop / Out of scope');
  // Its top three with confidences.
  expect(await item.locator('ul.top li').count()).toBe(3);
  expect(await item.locator('ul.top').textContent()).toMatch(/out_of_scope \d+%/);
  // The clarification and the 👎 are there too.
  await page.locator('#review-list > li').filter({ hasText: 'tukar emel majikan' }).waitFor();
  await page.locator('#review-list > li').filter({ hasText: '👎' }).waitFor();

  await item.getByRole('button', { name: 'Ini / This was: navigate_portal' }).click();
  await item.locator('.labelled').filter({ hasText: 'navigate_portal' }).waitFor({ timeout: 10_000 });
  const labelled = (await (await fetch(`${bot.url}/api/review?filter=labelled`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { items: { message: string; label: string }[] };
  expect(labelled.items.map((i) => [i.message, i.label])).toEqual([[OOS, 'navigate_portal']]);

  await page.locator('#export-training').click();
  const exported = page.locator('#export-text');
  await exported.waitFor({ timeout: 10_000 });
  expect(JSON.parse((await exported.textContent())!.trim())).toEqual({ intent: 'navigate_portal', ms: [OOS], en: [], mixed: [] });
  expect(await page.locator('#export').textContent()).toContain('intents/data');
}, 60_000);

test('the insight charts are drawn as inline SVG, a bar or point per day with data; each has a CSV', async () => {
  await page.getByRole('link', { name: 'Statistik / Insights' }).click();
  await page.locator('svg#chart-languages').waitFor({ timeout: 10_000 });
  const n = (sel: string) => page.locator(sel).count();
  // 14 days shown; conversations on 3 of them (1, 2 and 3).
  expect(await n('#chart-conversations g.day')).toBe(14);
  expect(await n('#chart-conversations rect.bar')).toBe(3);
  const heights = await page.locator('#chart-conversations rect.bar').evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
  expect(heights[0]).toBeLessThan(heights[1]);
  expect(heights[1]).toBeLessThan(heights[2]);
  // Containment and not-understood: one point per day with conversations / messages.
  expect(await n('#chart-containment polyline')).toBe(1);
  expect(await n('#chart-containment circle.point')).toBe(3);
  expect(await n('#chart-not-understood circle.point')).toBe(3);
  // Tickets: filed on 25 Nov (11 of the paging ones) and 26 Nov (11 + the conversation's).
  expect(await n('#chart-tickets g.day')).toBe(14);
  expect(await n('#chart-tickets rect.bar')).toBe(2);
  // Top intents as rows, the top three's trend as lines; 👍/👎 one row per rated answer; two languages.
  const intents = await n('#chart-intents g.row');
  expect(intents).toBeGreaterThanOrEqual(4);
  expect(await n('#chart-intent-trend polyline')).toBe(3);
  expect(await n('#chart-feedback g.row')).toBe(1);
  expect(await page.locator('#chart-feedback').textContent()).toContain('contact_support');
  expect(await n('#chart-languages g.row')).toBe(2);
  expect(await page.locator('svg.chart').count()).toBe(8);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#csv-conversations').click()]);
  const file = await download.path();
  const csv = fs.readFileSync(file!, 'utf8').split('\r\n');
  expect(csv[0]).toBe('day,conversations,messages');
  // 26 Nov: three conversations; their messages (2 + the escalation's 8: it asks for a contact and shows a summary).
  expect(csv).toContain('2026-11-26,3,10');
  expect(csv).toContain('2026-11-24,1,1');
  expect(download.suggestedFilename()).toMatch(/^hanna-conversations-2026-11-13-2026-11-26\.csv$/);

  const origin = new URL(bot.url).origin;
  expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'))).toEqual([]);
  expect(problems).toEqual([]);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-insights.png'), clip: { x: 0, y: 0, width: 1280, height: 1000 } });
}, 60_000);

test('at 390 px (a phone) the queue and the charts fit without sideways scrolling', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${bot.url}/staff#insights`);
  await page.locator('svg#chart-languages').waitFor({ timeout: 10_000 });
  expect(await sideways()).toBe(false);
  const width = await page.locator('svg#chart-conversations').evaluate((svg) => svg.getBoundingClientRect().width);
  expect(width).toBeGreaterThan(300);
  expect(width).toBeLessThanOrEqual(390);
  await page.goto(`${bot.url}/staff#review?filter=all`);
  await page.locator('#review-list > li').first().waitFor({ timeout: 10_000 });
  expect(await sideways()).toBe(false);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'staff-review-phone.png'), clip: { x: 0, y: 0, width: 390, height: 844 } });
  await page.setViewportSize({ width: 1280, height: 800 });
}, 30_000);
