// The widget embedded as an employer would: a plain page on another origin (a second HTTP server
// on another port) carrying the README's exact one-line tag. Real Chromium opens it, asks a quote
// and sees the amounts, over the WebSocket stream and with data-transport="polling", at desktop
// (1280 px) and phone (390 px) width. With WIDGET_ORIGINS set, a page of another site is told
// that the chat is unavailable there. The README's widget screenshots are drawn here.
import fs from 'fs';
import http from 'http';
import path from 'path';
import type { Page } from 'playwright-core';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { launchBrowser, SCREENSHOTS, type Browser } from './browser';
import { createCoreDeps } from '../../bot/app';
import { WIDGET_STRINGS } from '../../bot/channels/web/strings';
import { WEBCHAT_REQUEST_HEADERS } from '../../bot/channels/cors';
import type { CoreDeps } from '../../bot/core';

const README = path.resolve(__dirname, '../../README.md');
const SHOTS = SCREENSHOTS;
const SENDBOX = '[data-id="webchat-sendbox-input"]';
const QUOTE_Q = 'brp caruman utk gaji RM2500';
const PLACEHOLDER = 'https://bot.example.com';

/** The embed line exactly as the README tells site owners to paste it. */
function readmeTag(): string {
  const m = /<script src="https:\/\/bot\.example\.com\/widget\.js"[^>]*><\/script>/.exec(fs.readFileSync(README, 'utf8'));
  if (!m) throw new Error('README.md has no embed line <script src="https://bot.example.com/widget.js" ...></script>');
  return m[0];
}

interface EmbedSite {
  /** http://127.0.0.1:PORT; the same server is another origin as http://localhost:PORT. */
  url: string;
  close(): Promise<void>;
}

/**
 * An employer's site: a plain page with the README's tag pointing at the bot given in `?bot=`,
 * optionally with data-transport="polling" (the README's advice for proxies without WebSockets).
 */
async function startSite(): Promise<EmbedSite> {
  const tag = readmeTag();
  const server = http.createServer((req, res) => {
    const q = new URL(req.url ?? '/', 'http://local').searchParams;
    let line = tag.replace(PLACEHOLDER, q.get('bot') ?? '');
    if (q.get('transport') === 'polling') line = line.replace('<script ', '<script data-transport="polling" ');
    const lang = q.get('lang') === 'en' ? 'en' : 'ms';
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover"><title>Kedai Runcit Maju</title>
<link rel="icon" href="data:,"></head>
<body style="font-family:sans-serif;margin:0;padding:24px;background:#fafafa">
<h1>Kedai Runcit Maju Sdn Bhd</h1><p>Laman majikan contoh. / An example employer's page.</p>
${line}
</body></html>`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let deps: CoreDeps;
let bot: RunningBot;
let site: EmbedSite;
let browser: Browser;
/** The request headers Chromium asked the bot to allow in its CORS preflights. */
const preflightHeaders = new Set<string>();

beforeAll(async () => {
  deps = createCoreDeps();
  bot = await startBot({}, deps);
  bot.app.server.server.on('request', (req: http.IncomingMessage) => {
    const asked = req.method === 'OPTIONS' ? req.headers['access-control-request-headers'] : undefined;
    for (const h of String(asked ?? '').split(',')) if (h.trim()) preflightHeaders.add(h.trim().toLowerCase());
  });
  site = await startSite();
  browser = await launchBrowser();
  fs.mkdirSync(SHOTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await bot?.stop();
});

interface Tab {
  page: Page;
  requests: string[];
  problems: string[];
}

/** A new tab (its own sessionStorage, so a new conversation) at that width. */
async function openTab(width: number): Promise<Tab> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width, height: width > 480 ? 800 : 844 });
  const tab: Tab = { page, requests: [], problems: [] };
  page.on('request', (r) => tab.requests.push(r.url()));
  page.on('websocket', (ws) => tab.requests.push(ws.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') tab.problems.push(m.text());
  });
  page.on('pageerror', (e) => tab.problems.push(e.message));
  return tab;
}

/** True when the page is wider than the window (the visitor would scroll sideways). */
const sideways = (page: Page) => page.evaluate('document.scrollingElement.scrollWidth > window.innerWidth') as Promise<boolean>;

async function ask(page: Page, text: string): Promise<void> {
  const box = page.locator(SENDBOX);
  await box.click();
  await box.pressSequentially(text);
  await box.press('Enter');
}

/** Polls until the function returns true or the deadline passes. */
async function until(what: string, check: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe.each([
  ['websocket', 1280],
  ['websocket', 390],
  ['polling', 1280],
  ['polling', 390],
] as const)('on another site, over %s, at %i px', (transport, width) => {
  test('the README tag opens the chat and a quote is answered with its amounts', async () => {
    const { page, requests, problems } = await openTab(width);
    try {
      const query = `?bot=${encodeURIComponent(bot.url)}${transport === 'polling' ? '&transport=polling' : ''}`;
      await page.goto(`${site.url}/${query}`);
      expect(new URL(site.url).origin).not.toBe(new URL(bot.url).origin);
      const bubble = page.locator('.hanna-bubble');
      await bubble.click();
      await page.locator(SENDBOX).waitFor({ timeout: 20_000 });
      await page.locator('.webchat__bubble').filter({ hasText: 'Selamat datang!' }).first().waitFor({ timeout: 10_000 });

      await ask(page, QUOTE_Q);
      const card = page.locator('.ac-adaptiveCard').last();
      await card.waitFor({ timeout: 15_000 });
      const shown = await page.locator('#hanna-panel').textContent();
      // The employer's figure and the Act 4 line, in text and card alike (RM2,500.00 format in both).
      for (const amount of ['RM42.85', 'RM47.75', 'RM2,500.00']) expect(shown).toContain(amount);
      expect(await card.textContent()).toContain('RM47.75');
      await page.locator('.webchat__suggested-actions').getByRole('button', { name: 'Kenapa?' }).waitFor({ timeout: 5_000 });
      // Web Chat's "Connecting…" line gone: the picture shows a settled chat.
      await until('Web Chat online', async () => !(await page.locator('.webchat__connectivityStatus').isVisible()), 10_000);
      await page.locator('.webchat__bubble:not(.webchat__bubble--from-user)').last().scrollIntoViewIfNeeded();

      if (transport === 'websocket') {
        expect(requests.some((u) => u.startsWith(`${bot.url.replace('http', 'ws')}/v3/directline/conversations/`))).toBe(true);
        expect(requests.some((u) => /\/activities\?watermark=/.test(u))).toBe(false);
      } else {
        expect(requests.some((u) => /\/activities\?watermark=/.test(u))).toBe(true);
        expect(requests.some((u) => u.startsWith('ws:'))).toBe(false);
      }
      // Only the site and the bot were asked for anything; no CORS complaint in the console.
      const hosts = new Set(requests.filter((u) => /^(https?|wss?):/.test(u)).map((u) => new URL(u).host));
      expect([...hosts].sort()).toEqual([new URL(bot.url).host, new URL(site.url).host].sort());
      expect(problems.filter((p) => /CORS|Access-Control|blocked/i.test(p))).toEqual([]);
      expect(await sideways(page)).toBe(false);

      if (width <= 480) {
        // A phone: the panel is the whole screen and the round button steps aside while it is open.
        const box = await page.locator('#hanna-panel').boundingBox();
        expect(box).toEqual({ x: 0, y: 0, width, height: 844 });
        expect(await bubble.isVisible()).toBe(false);
        // Suggested actions stay in one row that scrolls sideways inside the chat.
        const row = await page.evaluate(`(() => {
          const items = [...document.querySelectorAll('.webchat__suggested-actions__flow-item-box')].filter((e) => e.offsetParent);
          const tops = new Set(items.map((e) => Math.round(e.getBoundingClientRect().top)));
          return { items: items.length, rows: tops.size };
        })()`);
        expect(row).toEqual({ items: expect.any(Number), rows: 1 });
        expect((row as { items: number }).items).toBeGreaterThan(1);
        if (transport === 'websocket') await page.screenshot({ path: path.join(SHOTS, 'widget-phone.png') });
        await page.locator('.hanna-close').click();
        expect(await bubble.isVisible()).toBe(true);
      } else if (transport === 'websocket') {
        // The README's desktop picture: the open panel and a little of the page around it.
        const vp = page.viewportSize()!;
        await page.screenshot({ path: path.join(SHOTS, 'widget-desktop.png'), clip: { x: vp.width - 520, y: vp.height - 760, width: 520, height: 760 } });
      }
    } finally {
      await page.close();
    }
  }, 60_000);
});

test('with WIDGET_ORIGINS set, a listed site gets the chat and any other site is told it is unavailable there', async () => {
  const listed = site.url; // http://127.0.0.1:PORT
  const other = site.url.replace('127.0.0.1', 'localhost'); // the same page, another origin
  const strict = await startBot({ WIDGET_ORIGINS: listed }, deps);
  try {
    const ok = await openTab(1280);
    try {
      await ok.page.goto(`${listed}/?bot=${encodeURIComponent(strict.url)}`);
      await ok.page.locator('.hanna-bubble').click();
      await ok.page.locator('.webchat__bubble').filter({ hasText: 'Selamat datang!' }).first().waitFor({ timeout: 20_000 });
      await ask(ok.page, QUOTE_Q);
      await ok.page.locator('.ac-adaptiveCard').filter({ hasText: 'RM42.85' }).waitFor({ timeout: 15_000 });
    } finally {
      await ok.page.close();
    }

    for (const lang of ['ms', 'en'] as const) {
      const refused = await openTab(390);
      try {
        const started = Date.now();
        await refused.page.goto(`${other}/?lang=${lang}&bot=${encodeURIComponent(strict.url)}`);
        await refused.page.locator('.hanna-bubble').click();
        const alert = refused.page.getByRole('alert').filter({ hasText: WIDGET_STRINGS.unavailable[lang] });
        await alert.waitFor({ timeout: 8_000 });
        // At once from the server's refusal, not after the 10 s connection timeout.
        expect(Date.now() - started).toBeLessThan(8_000);
        expect(await refused.page.locator(SENDBOX).count()).toBe(0);
        expect(await sideways(refused.page)).toBe(false);
      } finally {
        await refused.page.close();
      }
    }
  } finally {
    await strict.stop();
  }
}, 60_000);

test('a widget that cannot connect within about 10 s says the chat is unavailable instead of spinning', async () => {
  const { page } = await openTab(1280);
  try {
    // The conversation never starts: its request hangs, as behind a proxy that swallows it.
    await page.route('**/v3/directline/conversations', () => undefined);
    const started = Date.now();
    await page.goto(`${site.url}/?lang=en&bot=${encodeURIComponent(bot.url)}`);
    await page.locator('.hanna-bubble').click();
    const alert = page.getByRole('alert').filter({ hasText: WIDGET_STRINGS.unavailable.en });
    await until('the unavailable message', () => alert.isVisible(), 16_000);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(9_000);
    expect(waited).toBeLessThan(16_000);
  } finally {
    await page.close();
  }
}, 30_000);

test('the headers Web Chat sent in the real runs above are exactly the ones the bot allows', () => {
  // Chromium names them in its preflights; X-Requested-With is the one the bot once refused.
  expect([...preflightHeaders].sort()).toEqual(WEBCHAT_REQUEST_HEADERS.map((h) => h.toLowerCase()).sort());
});
