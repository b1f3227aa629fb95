// The website widget in a real browser: the demo page at / runs the official Web Chat against
// this server's own Direct Line endpoint. A visitor asks in Malay, presses a suggested action,
// gets a quote card, reloads and finds the conversation again; nothing leaves 127.0.0.1.
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { launchBrowser, type Browser } from './browser';
import { SENDBOX, webChat } from './webchat';
import type { Reply } from '../../bot/core/types';

const OUT = path.resolve(__dirname, '../../test-output');
const LOGIN_Q = 'camne nak log masuk portal assist';
const QUOTE_Q = 'brp caruman utk gaji RM2500';

let bot: RunningBot;
let browser: Browser;
let page: Page;
const requests: string[] = [];

/** The first line of a reply as Web Chat shows it (markdown removed). */
function firstLine(reply: Reply): string {
  return reply.text.split('\n')[0].replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/[*_`]/g, '').trim();
}

/** What the core answers to the same messages in a twin conversation: what the page must show. */
const twin = { channelId: 'webchat', conversationId: 'twin', userId: 'twin' };
async function expected(text: string, ref = twin): Promise<Reply[]> {
  return (await bot.app.service.message(ref, { text, channel: 'webchat' })).replies;
}

const { userBubbles, botBubbles, suggested, send } = webChat(() => page);

/** The conversation id the widget keeps in sessionStorage for a reload. */
async function savedConversation(): Promise<unknown> {
  return page.evaluate(`(() => {
    const key = Object.keys(sessionStorage).find((k) => k.startsWith('hanna-webchat:'));
    return key ? JSON.parse(sessionStorage.getItem(key)).conversationId : null;
  })()`);
}

beforeAll(async () => {
  bot = await startBot();
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('request', (r) => requests.push(r.url()));
  page.on('websocket', (ws) => requests.push(ws.url()));
  await bot.app.service.join(twin);
  fs.mkdirSync(OUT, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

test('the demo page opens with Web Chat ready and a welcome', async () => {
  await page.goto(`${bot.url}/`);
  await page.locator(SENDBOX).waitFor({ timeout: 20_000 });
  await botBubbles().filter({ hasText: 'Selamat datang!' }).first().waitFor({ timeout: 10_000 });
  expect(await page.locator('.hanna-bubble').getAttribute('aria-expanded')).toBe('true');
});

test('a Malay question gets the Malay answer the core gives', async () => {
  const [answer] = await expected(LOGIN_Q);
  await send(LOGIN_Q);
  await userBubbles().filter({ hasText: LOGIN_Q }).waitFor({ timeout: 10_000 });
  await botBubbles().filter({ hasText: firstLine(answer) }).first().waitFor({ timeout: 10_000 });
  for (const action of answer.suggestedActions ?? []) {
    await suggested(action.title).waitFor({ timeout: 5_000 });
  }
});

test('pressing a suggested action sends it and answers it', async () => {
  const [login] = await expected(LOGIN_Q); // the twin needs the same buttons on offer
  const title = (login.suggestedActions ?? []).map((a) => a.title).find((t) => !/^lagi$/i.test(t));
  if (!title) throw new Error('the login answer offers no suggested action to press');
  const [answer] = await expected(title);
  await suggested(title).click();
  await userBubbles().filter({ hasText: title }).waitFor({ timeout: 10_000 });
  await botBubbles().filter({ hasText: firstLine(answer) }).first().waitFor({ timeout: 10_000 });
});

test('a contribution question shows the quote card', async () => {
  await send(QUOTE_Q);
  const card = page.locator('.ac-adaptiveCard').last();
  await card.waitFor({ timeout: 10_000 });
  await expect(card.textContent()).resolves.toContain('RM42.85');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'widget.png') });
});

test('after a reload the conversation is still there, once', async () => {
  const conversationBefore = await savedConversation();
  await page.reload();
  await page.locator(SENDBOX).waitFor({ timeout: 20_000 });
  await userBubbles().filter({ hasText: QUOTE_Q }).waitFor({ timeout: 10_000 });
  expect(await userBubbles().filter({ hasText: LOGIN_Q }).count()).toBe(1);
  expect(await page.locator('.ac-adaptiveCard').count()).toBe(1);
  expect(await botBubbles().filter({ hasText: 'Selamat datang!' }).count()).toBe(1);
  const conversationAfter = await savedConversation();
  expect(conversationBefore).toMatch(/^[\w-]{10,}$/);
  expect(conversationAfter).toBe(conversationBefore);
  await page.screenshot({ path: path.join(OUT, 'widget-reloaded.png') });
});

test('keyboard alone: close with Escape, reopen with Enter, type and send', async () => {
  const bubble = page.locator('.hanna-bubble');
  await page.locator(SENDBOX).focus();
  await page.keyboard.press('Escape');
  await expect(page.locator('#hanna-panel').isHidden()).resolves.toBe(true);
  // Focus went back to the bubble, which says what it does.
  expect(await page.evaluate('document.activeElement && document.activeElement.className')).toBe('hanna-bubble');
  expect(await bubble.getAttribute('aria-expanded')).toBe('false');
  await page.keyboard.press('Enter');
  await expect(page.locator('#hanna-panel').isVisible()).resolves.toBe(true);
  await page.waitForFunction(`document.activeElement && document.activeElement.matches('${SENDBOX}')`, undefined, { timeout: 5_000 });
  await page.keyboard.type('terima kasih');
  await page.keyboard.press('Enter');
  await userBubbles().filter({ hasText: 'terima kasih' }).waitFor({ timeout: 10_000 });
});

test('every control in the widget has a name', async () => {
  // Visible buttons and text fields without an accessible name (label, title or text). Controls hidden from
  // assistive technology (aria-hidden, like Web Chat's file input behind its labelled upload button) are left out.
  const unnamed = await page.evaluate(`Array.from(document.querySelectorAll('#hanna-panel button, #hanna-panel input, #hanna-panel textarea, .hanna-bubble'))
    .filter((e) => e.offsetParent !== null && !e.closest('[aria-hidden="true"]'))
    .filter((e) => !(e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent.trim() || e.getAttribute('aria-labelledby') || (e.labels && e.labels.length)))
    .map((e) => e.outerHTML.slice(0, 120))`);
  expect(unnamed).toEqual([]);
});

test('new messages arrived over the WebSocket stream, not by polling', () => {
  expect(requests.some((u) => /^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[^/]+\/stream\?/.test(u))).toBe(true);
  expect(requests.some((u) => /\/activities\?watermark=/.test(u))).toBe(false);
});

test('with data-transport="polling" the widget polls and still answers', async () => {
  const tab = await browser.context.newPage(); // a new tab: its own sessionStorage, a new conversation
  const seen: string[] = [];
  tab.on('request', (r) => seen.push(r.url()));
  tab.on('websocket', (ws) => seen.push(ws.url()));
  try {
    await tab.goto(`${bot.url}/?transport=polling`);
    const box = tab.locator(SENDBOX);
    await box.waitFor({ timeout: 20_000 });
    const twin2 = { ...twin, conversationId: 'twin-2' };
    await bot.app.service.join(twin2);
    const [answer] = await expected('how do I log in to assist', twin2);
    await box.click();
    await box.pressSequentially('how do I log in to assist');
    await box.press('Enter');
    await tab.locator('.webchat__bubble:not(.webchat__bubble--from-user)').filter({ hasText: firstLine(answer) }).first().waitFor({ timeout: 10_000 });
    expect(seen.some((u) => /\/activities\?watermark=/.test(u))).toBe(true);
    expect(seen.some((u) => u.startsWith('ws:'))).toBe(false);
    requests.push(...seen);
  } finally {
    await tab.close();
  }
});

test('the pages loaded nothing from any other host', () => {
  const host = new URL(bot.url).host;
  const outside = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).host !== host);
  expect(requests.length).toBeGreaterThan(5);
  expect(outside).toEqual([]);
});

test('at 390 px (a phone) the demo page does not scroll sideways and the open chat fills the screen', async () => {
  const tab = await browser.context.newPage();
  try {
    await tab.setViewportSize({ width: 390, height: 844 });
    await tab.goto(`${bot.url}/`);
    await tab.locator(SENDBOX).waitFor({ timeout: 20_000 });
    expect(await tab.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(true);
    expect(await tab.locator('#hanna-panel').boundingBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    expect(await tab.locator('.hanna-bubble').isVisible()).toBe(false);
    await tab.locator('.hanna-close').click();
    // Closed: the page itself, still without sideways scrolling, and the bubble back.
    expect(await tab.locator('.hanna-bubble').isVisible()).toBe(true);
    expect(await tab.evaluate('document.scrollingElement.scrollWidth <= window.innerWidth')).toBe(true);
  } finally {
    await tab.close();
  }
});
