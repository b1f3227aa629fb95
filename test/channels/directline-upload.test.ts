// Web Chat's upload button through the real server: the contribution file is checked and the report comes back as
// the bot's reply; the file itself is neither stored (SQLite file) nor logged.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createLogger } from '../../bot/logging';
import { startBot, type RunningBot } from '../helpers/bot-server';

const DL = '/v3/directline';
const FIXTURES = path.join(__dirname, '..', 'textfile', 'fixtures');
const FAULTY = fs.readFileSync(path.join(FIXTURES, 'v2-faults.txt'));
/** A valid MyKad in the first line of the fixture: it must appear nowhere but in the file. */
const MYKAD = '900101145673';

let bot: RunningBot;
let dir: string;
const logLines: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-upload-'));
  bot = await startBot({ STORAGE_URL: `sqlite:${path.join(dir, 'bot.db')}` }, undefined, { log: createLogger('debug', (l) => logLines.push(l)) });
});
afterAll(async () => {
  await bot.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, url: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${bot.url}${DL}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function start(): Promise<{ id: string; token: string }> {
  const gen = await call('POST', '/tokens/generate');
  const started = await call('POST', '/conversations', gen.json.token as string, {});
  expect(started.status).toBe(201);
  return { id: gen.json.conversationId as string, token: started.json.token as string };
}

/** What DirectLineJS sends: an activity part and a file part. */
function upload(c: { id: string; token: string }, bytes: Buffer, name = 'caruman.txt', token = c.token) {
  const form = new FormData();
  form.append('activity', new Blob([JSON.stringify({ type: 'message', channelData: { clientActivityID: `up-${Date.now()}` }, attachments: [{ name, contentType: 'text/plain' }] })], { type: 'application/vnd.microsoft.activity' }));
  form.append('file', new Blob([bytes], { type: 'text/plain' }), name);
  return fetch(`${bot.url}${DL}/conversations/${encodeURIComponent(c.id)}/upload?userId=x`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
}

interface Act { type: string; text?: string; from?: { role?: string }; attachments?: { name?: string; contentType: string; contentUrl?: string }[]; channelData?: { attachmentSizes?: number[] } }

async function activities(c: { id: string; token: string }): Promise<Act[]> {
  return (await call('GET', `/conversations/${encodeURIComponent(c.id)}/activities`, c.token)).json.activities as Act[];
}

describe('Direct Line upload of a contribution text file', () => {
  test('the report comes back as the bot reply in the conversation language; nothing of the file is kept or logged', async () => {
    for (const [greeting, expected, problems] of [
      ['hello, I need help with contributions', 'Ready to upload: NO', /^Line \d+, /m],
      ['saya perlukan bantuan caruman', 'Sedia untuk dimuat naik: TIDAK', /^Baris \d+, /m],
    ] as const) {
      const c = await start();
      await call('POST', `/conversations/${encodeURIComponent(c.id)}/activities`, c.token, { type: 'message', text: greeting });
      const res = await upload(c, FAULTY);
      expect(res.status).toBe(200);
      const acts = await activities(c);
      const echo = acts.find((a) => a.attachments?.some((x) => x.name === 'caruman.txt'));
      expect(echo?.channelData?.attachmentSizes).toEqual([FAULTY.length]);
      const reply = acts.at(-1)!;
      expect(reply.text).toContain(expected);
      expect(reply.text).toMatch(problems);
      const report = reply.attachments?.find((a) => a.contentUrl?.startsWith('data:text/plain'));
      expect(report).toBeDefined();
      expect(JSON.stringify(acts)).not.toContain(MYKAD);
    }
    // The stored conversation log and state (SQLite file) and every log line: no MyKad, no file line.
    const db = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
    expect(db).toContain('caruman.txt');
    expect(db).not.toContain(MYKAD);
    expect(db).not.toContain('TAN AH SENG');
    expect(logLines.join('\n')).not.toContain(MYKAD);
    expect(logLines.join('\n')).not.toContain('TAN AH SENG');
  });

  test('a file over 1 MB gets 413 with a polite reason, and the conversation goes on', async () => {
    const c = await start();
    const res = await upload(c, Buffer.alloc(1024 * 1024 + 1, 0x20));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('1 MB');
    const ok = await call('POST', `/conversations/${encodeURIComponent(c.id)}/activities`, c.token, { type: 'message', text: 'hello' });
    expect(ok.status).toBe(200);
  });

  test('no token is 401, a wrong or another conversation\'s token 403, and nothing is run', async () => {
    const c = await start();
    const other = await start();
    expect((await upload(c, FAULTY, 'a.txt', '')).status).toBe(401);
    expect((await upload(c, FAULTY, 'a.txt', `${c.token}x`)).status).toBe(403);
    expect((await upload(c, FAULTY, 'a.txt', other.token)).status).toBe(403);
    expect((await activities(c)).some((a) => a.attachments?.some((x) => x.name === 'a.txt'))).toBe(false);
  });

  test('the upload answer without a file asks for the file, in both languages', async () => {
    const c = await start();
    await call('POST', `/conversations/${encodeURIComponent(c.id)}/activities`, c.token, { type: 'message', text: 'tak boleh upload fail caruman keluar error format' });
    expect((await activities(c)).at(-1)?.text).toContain('lampirkan fail .txt');
    const e = await start();
    await call('POST', `/conversations/${encodeURIComponent(e.id)}/activities`, e.token, { type: 'message', text: 'upload txt file error, how do I upload the contribution file' });
    expect((await activities(e)).at(-1)?.text).toContain('attach the .txt file here');
  });
});
