// A deeply nested activity value is refused with a plain 400, and no internal error message (a
// stack overflow, a library's wording) ever reaches the client.
import { startBot, type RunningBot } from '../helpers/bot-server';
import { freePort } from './helpers/processes';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot.stop());

/** `{"a":{"a":...}}` nested `depth` deep, built as text (JSON.stringify would overflow itself). */
const nested = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

async function widget(): Promise<{ conv: string; token: string }> {
  const gen = (await (await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string; conversationId: string };
  await fetch(`${bot.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${gen.token}` } });
  return { conv: gen.conversationId, token: gen.token };
}

const INTERNAL = /call stack|RangeError|TypeError|at \w+ \(|\.ts:\d+|node_modules/i;

test('a Direct Line activity whose value is nested 10,000 deep gets 400, with no internal message', async () => {
  const c = await widget();
  const res = await fetch(`${bot.url}/v3/directline/conversations/${c.conv}/activities`, {
    method: 'POST',
    headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
    body: `{"type":"message","text":"hi","value":${nested(10_000)}}`,
  });
  const body = await res.text();
  expect(res.status).toBe(400);
  expect(body).not.toMatch(INTERNAL);
  expect(body).toMatch(/nested/i);
});

test('a value nested 33 deep is refused, 30 deep is accepted', async () => {
  const c = await widget();
  const send = (depth: number) =>
    fetch(`${bot.url}/v3/directline/conversations/${c.conv}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${c.token}`, 'content-type': 'application/json' },
      body: `{"type":"message","text":"hi","value":${nested(depth)}}`,
    });
  expect((await send(33)).status).toBe(400);
  expect((await send(30)).status).toBe(200);
});

test('/api/messages with a 10,000-deep value: a clear 400, no internal message', async () => {
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: `{"type":"message","text":"hi","channelId":"test","deliveryMode":"expectReplies","conversation":{"id":"deep"},"from":{"id":"u"},"recipient":{"id":"b"},"serviceUrl":"http://127.0.0.1:9/","value":${nested(10_000)}}`,
  });
  const body = await res.text();
  expect(res.status).toBe(400);
  expect(body).not.toMatch(INTERNAL);
});

test('an internal failure (the store is away) answers 500 with a generic message, not the error text', async () => {
  const port = await freePort(); // nothing listens there
  const down = await startBot({ STORAGE_URL: `redis://127.0.0.1:${port}` });
  try {
    const gen = (await (await fetch(`${down.url}/v3/directline/tokens/generate`, { method: 'POST' })).json()) as { token: string };
    const res = await fetch(`${down.url}/v3/directline/conversations`, { method: 'POST', headers: { authorization: `Bearer ${gen.token}` } });
    const body = await res.text();
    expect(res.status).toBe(500);
    expect(body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|Redis|retries|MaxRetries/i);
    expect(body).toMatch(/went wrong|ralat/i);
  } finally {
    await down.stop();
  }
}, 30_000);
