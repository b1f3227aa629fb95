// The staff page in a real browser, driven from the keyboard only: sign in with the token,
// open a ticket from the list, change its status and add a note. Nothing leaves 127.0.0.1.
// At phone width the ticket table turns into cards and nothing scrolls sideways.
import fs from 'fs';
import path from 'path';
import type { Page } from 'playwright-core';
import { launchBrowser, SCREENSHOTS, type Browser } from '../e2e/browser';
import { GOOD_ANSWERS, FINISH, MYKAD_DIGITS, conversation, referenceIn, startApp, type Bot } from './helpers';

/** Screenshots shown in the README, redrawn by every run. */
const SHOTS = SCREENSHOTS;
const TOKEN = 'staff-page-token-0123456789abcdef';
let bot: Bot;
let browser: Browser;
let page: Page;
let reference: string;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  bot = await startApp({ TRIAGE_TOKEN: TOKEN });
  reference = referenceIn((await conversation(bot.url, 'staff-page-1', ['talk to an officer', ...GOOD_ANSWERS, 'Cannot print the ACR receipt', ...FINISH])).text);
  browser = await launchBrowser();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(describe: string, matches: () => Promise<boolean>, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await matches()) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`could not reach ${describe} with Tab`);
}

const focused = (js: string) => () => page.evaluate(js) as Promise<boolean>;

test('sign in, open a ticket, update it, all from the keyboard', async () => {
  await page.goto(`${bot.url}/staff`);
  // The token field has focus on arrival.
  await page.locator('#token').waitFor();
  expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe('token');
  await page.keyboard.type(TOKEN);
  await page.keyboard.press('Enter');

  const link = page.getByRole('link', { name: reference });
  await link.waitFor({ timeout: 10_000 });
  // The list shows the MyKad masked only.
  const row = page.getByRole('row').filter({ hasText: reference });
  expect(await row.textContent()).toContain('900101-**-***3');
  expect(await page.locator('table').textContent()).not.toContain(MYKAD_DIGITS);

  await tabTo('the ticket link', focused(`document.activeElement && document.activeElement.textContent === ${JSON.stringify(reference)}`));
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: new RegExp(reference) }).waitFor();
  // One ticket: the checklist, with the MyKad masked here too (the console never shows it whole).
  const details = await page.locator('#view').textContent();
  expect(details).toContain('900101-**-***3');
  expect(details).not.toContain(MYKAD_DIGITS);
  expect(details).toContain('Maju Jaya Sdn Bhd');
  expect(details).toContain('Cannot print the ACR receipt');

  await tabTo('the status field', focused(`document.activeElement && document.activeElement.id === 'edit-status'`));
  await page.keyboard.press('ArrowDown'); // open -> in_progress
  await page.keyboard.press('Tab');
  await page.keyboard.type('Aminah');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Aminah');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Phoned the employer.');
  await page.keyboard.press('Tab');
  expect(await page.evaluate('document.activeElement && document.activeElement.textContent')).toBe('Save');
  await page.keyboard.press('Enter');
  await page.getByText('Phoned the employer.').waitFor({ timeout: 10_000 });

  const res = await fetch(`${bot.url}/api/tickets/${reference}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  const ticket = (await res.json()) as { status: string; assignee: string; notes: { author: string; text: string }[] };
  expect(ticket.status).toBe('in_progress');
  expect(ticket.assignee).toBe('Aminah');
  expect(ticket.notes).toEqual([expect.objectContaining({ author: 'Aminah', text: 'Phoned the employer.' })]);

  const origin = new URL(bot.url).origin;
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
  expect(problems).toEqual([]);
}, 60_000);

test('a wrong token is refused and the sign-in form comes back with a message', async () => {
  await page.evaluate('sessionStorage.clear()');
  await page.goto(`${bot.url}/staff`);
  await page.locator('#token').waitFor();
  await page.keyboard.type('not-the-token');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'not accepted' }).waitFor({ timeout: 10_000 });
  expect(await page.locator('table').count()).toBe(0);
}, 30_000);

test('at 390 px (a phone) the list is cards and no page scrolls sideways; screenshots for the README', async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate(`sessionStorage.setItem('hanna-triage-token', ${JSON.stringify(TOKEN)})`);
  await page.goto(`${bot.url}/staff#?status=all`);
  await page.getByRole('link', { name: reference }).waitFor({ timeout: 10_000 });
  await page.screenshot({ path: path.join(SHOTS, 'staff-desktop.png'), clip: { x: 0, y: 0, width: 1280, height: 360 } });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`${bot.url}/staff#?status=all`);
  const link = page.getByRole('link', { name: reference });
  await link.waitFor({ timeout: 10_000 });
  expect(await sideways()).toBe(false);
  // One card per ticket: the row is a block as wide as the page, each value under its column's name.
  const card = await page.evaluate(`(() => {
    const tr = [...document.querySelectorAll('a')].find((a) => a.textContent === ${JSON.stringify(reference)}).closest('tr');
    return { display: getComputedStyle(tr).display, width: tr.getBoundingClientRect().width, label: getComputedStyle(tr.cells[5], '::before').content, mykad: tr.cells[5].textContent };
  })()`);
  expect(card).toEqual({ display: 'block', width: expect.any(Number), label: '"MyKad"', mykad: '900101-**-***3' });
  expect((card as { width: number }).width).toBeGreaterThan(300);
  await page.screenshot({ path: path.join(SHOTS, 'staff-phone.png'), clip: { x: 0, y: 0, width: 390, height: 540 } });

  await link.click();
  await page.getByRole('heading', { name: new RegExp(reference) }).waitFor();
  expect(await sideways()).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });
}, 30_000);

/** True when the page is wider than the window (the user would have to scroll sideways). */
function sideways(): Promise<boolean> {
  return page.evaluate('document.scrollingElement.scrollWidth > window.innerWidth') as Promise<boolean>;
}
