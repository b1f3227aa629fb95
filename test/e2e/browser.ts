// Debian's chromium driven by playwright-core, with the flags this machine needs: no
// sandbox (root), and no background networking (the network is closed; without these
// flags Chromium keeps trying Google's hosts).
import fs from 'fs';
import os from 'os';
import path from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Where the browser tests draw their screenshots: test-output/ on every run, and the README's pictures in
 * docs/screenshots/ when asked (`npm run screenshots`), so that a test run leaves the work tree clean.
 */
export const SCREENSHOTS = path.resolve(__dirname, '../..', process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/screenshots' : 'test-output/screenshots');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A headless browser with a fresh, empty profile that is deleted on close. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run "bash scripts/ensure-system-deps.sh" (npm test does) or set CHROMIUM_PATH`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    locale: 'ms-MY',
  });
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
