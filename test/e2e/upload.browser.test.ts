// The widget's upload button in real Chromium: the visitor attaches a contribution text file with the paper clip
// and gets the check report, in Malay and in English (the conversation's language).
import path from 'path';
import type { Page } from 'playwright-core';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { launchBrowser, type Browser } from './browser';

const SENDBOX = '[data-id="webchat-sendbox-input"]';
const FIXTURE = path.resolve(__dirname, '../textfile/fixtures/v2-faults.txt');

let bot: RunningBot;
let browser: Browser;

beforeAll(async () => {
  bot = await startBot();
  browser = await launchBrowser();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await bot?.stop();
});

const botBubbles = (page: Page) => page.locator('.webchat__bubble:not(.webchat__bubble--from-user)');

async function send(page: Page, text: string): Promise<void> {
  const box = page.locator(SENDBOX);
  await box.click();
  await box.pressSequentially(text);
  await box.press('Enter');
}

for (const [lang, opening, answered, expected] of [
  ['ms', 'saya perlukan bantuan caruman', 'Saya telah menyemak fail anda', 'Sedia untuk dimuat naik: TIDAK'],
  ['en', 'hello, I need help with contributions', 'I checked your file', 'Ready to upload: NO'],
] as const) {
  test(`a text file attached with the upload button gets the report (${lang})`, async () => {
    const page = await browser.context.newPage();
    try {
      await page.goto(`${bot.url}/`);
      await page.locator(SENDBOX).waitFor({ timeout: 20_000 });
      await send(page, opening);
      await page.locator('.webchat__bubble--from-user').filter({ hasText: opening }).waitFor({ timeout: 10_000 });
      const input = page.locator('input[type="file"]');
      expect(await input.getAttribute('accept')).toContain('.txt');
      await input.setInputFiles(FIXTURE);
      const report = botBubbles(page).filter({ hasText: answered });
      await report.first().waitFor({ timeout: 20_000 });
      const text = await report.first().innerText();
      expect(text).toContain(expected);
      expect(text).toMatch(lang === 'ms' ? /Baris \d+,/ : /Line \d+,/);
      // The full report is offered as a download, and the user's bubble shows the file's name.
      await page.locator('.webchat__bubble--from-user').filter({ hasText: 'v2-faults.txt' }).first().waitFor({ timeout: 5_000 });
      expect(await page.locator('a[href^="data:text/plain"]').count()).toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  }, 60_000);
}
