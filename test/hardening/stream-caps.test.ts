// One address cannot hold the stream cap: streams are capped per client address, and a widget
// token expires at an absolute time however often it is refreshed.
import crypto from 'crypto';
import http from 'http';
import type { Duplex } from 'stream';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { createCoreDeps } from '../../bot/app';
import { TokenIssuer } from '../../bot/channels/directline';
import { MAX_STREAMS_PER_ADDRESS } from '../../bot/channels/directline/stream';

/** Opens a stream; the status (101 when accepted) and the socket to close. */
function connect(streamUrl: string): Promise<{ status: number; socket?: Duplex }> {
  const url = new URL(streamUrl.replace(/^ws/, 'http'));
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': crypto.randomBytes(16).toString('base64'), 'Sec-WebSocket-Version': '13' },
    });
    req.on('upgrade', (_res, socket) => resolve({ status: 101, socket }));
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end();
  });
}

async function dl(bot: RunningBot, method: string, url: string, token?: string) {
  const res = await fetch(`${bot.url}/v3/directline${url}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, json: (await res.json()) as Record<string, string> };
}

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({}, createCoreDeps());
});
afterAll(async () => bot.stop());

test(`one address holds at most ${MAX_STREAMS_PER_ADDRESS} streams; closing one lets another in`, async () => {
  const sockets: Duplex[] = [];
  try {
    const statuses: number[] = [];
    // several conversations, a few streams each (the per-conversation cap is 5)
    while (statuses.length < MAX_STREAMS_PER_ADDRESS + 1) {
      const gen = await dl(bot, 'POST', '/tokens/generate');
      const c = await dl(bot, 'POST', '/conversations', gen.json.token);
      for (let i = 0; i < 4 && statuses.length < MAX_STREAMS_PER_ADDRESS + 1; i++) {
        const s = await connect(c.json.streamUrl);
        statuses.push(s.status);
        if (s.socket) sockets.push(s.socket);
      }
    }
    expect(statuses.slice(0, MAX_STREAMS_PER_ADDRESS).every((s) => s === 101)).toBe(true);
    expect(statuses[MAX_STREAMS_PER_ADDRESS]).toBe(429);
    sockets.pop()!.destroy();
    const gen = await dl(bot, 'POST', '/tokens/generate');
    const c = await dl(bot, 'POST', '/conversations', gen.json.token);
    const deadline = Date.now() + 5000;
    let again = await connect(c.json.streamUrl);
    while (again.status !== 101 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      again = await connect(c.json.streamUrl);
    }
    expect(again.status).toBe(101);
    if (again.socket) sockets.push(again.socket);
  } finally {
    for (const s of sockets) s.destroy();
  }
});

test('refreshing a token every 25 minutes does not keep it alive past its absolute lifetime', () => {
  let now = Date.parse('2026-11-26T00:00:00Z');
  const issuer = new TokenIssuer('x'.repeat(40), 30 * 60, () => new Date(now));
  let { token } = issuer.issue('conv-1', 'dl_user');
  const lifetimeMs = TokenIssuer.ABSOLUTE_LIFETIME_SECONDS * 1000;
  const started = now;
  while (now - started < lifetimeMs + 60 * 60_000) {
    now += 25 * 60_000;
    const verified = issuer.verify(token);
    if (!verified.ok) break;
    token = issuer.refresh(verified.claims).token;
  }
  expect(issuer.verify(token)).toEqual({ ok: false, reason: 'expired' });
  expect(now - started).toBeLessThanOrEqual(lifetimeMs + 25 * 60_000);
  expect(now - started).toBeGreaterThan(lifetimeMs - 30 * 60_000);
});

test('the refresh route carries the first token\'s start time forward', async () => {
  const gen = await dl(bot, 'POST', '/tokens/generate');
  await dl(bot, 'POST', '/conversations', gen.json.token);
  const refreshed = await dl(bot, 'POST', '/tokens/refresh', gen.json.token);
  expect(refreshed.status).toBe(200);
  const claims = (t: string) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString('utf8')) as { born: number };
  expect(claims(gen.json.token).born).toEqual(expect.any(Number));
  expect(claims(refreshed.json.token).born).toBe(claims(gen.json.token).born);
});
