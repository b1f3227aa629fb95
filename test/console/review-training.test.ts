// The loop the console exists for: a message the bot could not place is queued, a staff member
// labels it on the API, `hanna review export` turns it into a training line, and the bot restarted on
// training data with that line added (a copy of intents/data) answers the message with the labelled intent.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createUnderstander } from '../../intents';
import { DEFAULT_DATA_DIR } from '../../intents/training-data';
import { review } from '../../bot/cli/review';
import { createCoreDeps } from '../../bot/app';
import { IN_HOURS, say, startApp } from '../escalation/helpers';

const TOKEN = 'review-training-token-0123456789abc';
const MESSAGE = 'macam mana nak ubah alamat syarikat';
const LABEL = 'navigate_portal';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-review-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function captured(run: () => Promise<number>): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
    chunks.push(String(chunk));
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    cb?.();
    return true;
  }) as typeof process.stdout.write);
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void chunks.push(`${a.join(' ')}\n`));
  try {
    return { code: await run(), out: chunks.join('') };
  } finally {
    spy.mockRestore();
    log.mockRestore();
  }
}

test('a labelled item, exported into a copy of the training data, is answered with its label after a restart', async () => {
  const storageUrl = `sqlite:${path.join(dir, 'hanna.db')}`;
  const bot = await startApp({ TRIAGE_TOKEN: TOKEN, STORAGE_URL: storageUrl });
  try {
    await say(bot.url, 'review-1', MESSAGE);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const list = (await (await fetch(`${bot.url}/api/review`, { headers: auth })).json()) as { items: { id: string; message: string; top: { intent: string }[] }[] };
    const item = list.items.find((i) => i.message === MESSAGE)!;
    expect(item.top[0].intent).toBe('out_of_scope');
    const res = await fetch(`${bot.url}/api/review/${item.id}/label`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ label: LABEL }) });
    expect(res.status).toBe(200);
  } finally {
    await bot.stop();
  }

  const data = path.join(dir, 'data');
  fs.cpSync(DEFAULT_DATA_DIR, data, { recursive: true });
  const env = process.env.STORAGE_URL;
  process.env.STORAGE_URL = storageUrl;
  try {
    // Printed: one object per intent in the data files' own shape.
    const printed = await captured(() => review(['export'], IN_HOURS));
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.out.trim())).toEqual({ intent: LABEL, ms: [MESSAGE], en: [], mixed: [] });
    // Appended to the copy; a second export adds nothing (the line is there already).
    const appended = await captured(() => review(['export', '--into', data], IN_HOURS));
    expect(appended.out).toContain('added 1 training line(s)');
    expect((await captured(() => review(['export', '--into', data], IN_HOURS))).out).toContain('added 0 training line(s)');
  } finally {
    if (env === undefined) delete process.env.STORAGE_URL;
    else process.env.STORAGE_URL = env;
  }
  const file = JSON.parse(fs.readFileSync(path.join(data, `${LABEL}.json`), 'utf8')) as { ms: string[] };
  expect(file.ms.at(-1)).toBe(MESSAGE);

  const before = createUnderstander().classify(MESSAGE);
  const after = createUnderstander({ dataDir: data, tuning: { cache: false } }).classify(MESSAGE);
  expect(before.intent).toBe('out_of_scope');
  expect(after.intent).toBe(LABEL);

  // The bot restarted on that data (same store) answers the employer's message with the labelled topic.
  const deps = createCoreDeps(createUnderstander({ dataDir: data }));
  const restarted = await startApp({ TRIAGE_TOKEN: TOKEN, STORAGE_URL: storageUrl }, { deps });
  try {
    const expected = deps.kb.answer(deps.kb.catalogue.id(LABEL)!, 'ms', { now: IN_HOURS }).text;
    const answered = await say(restarted.url, 'review-2', MESSAGE);
    expect(answered.text).toContain(expected.split('\n')[0]);
    expect(answered.text).not.toMatch(/tidak dapat membantu/);
  } finally {
    await restarted.stop();
  }
}, 120_000);
