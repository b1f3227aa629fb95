// No widget message is lost under concurrency, on Redis and on SQLite, with two instances on one
// store: 50 parallel posts to one Direct Line conversation are each logged once and each answered;
// a client retry with the same clientActivityID is not applied twice; parallel POST /conversations
// give one welcome.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createApp, createCoreDeps, listen, type App } from '../../bot/app';
import { readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import type { CoreDeps } from '../../bot/core';
import { startRedis, type RedisServer } from './helpers/processes';

const DL = '/v3/directline';
const SECRET = 'directline-concurrency-test-secret-0123456789';

interface DlActivity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role?: string };
  replyToId?: string;
  channelData?: { clientActivityID?: string };
}

let deps: CoreDeps;
beforeAll(() => {
  deps = createCoreDeps();
});

async function startTwo(storageUrl: string): Promise<{ urls: string[]; stop(): Promise<void> }> {
  const apps: App[] = [];
  const urls: string[] = [];
  for (let i = 0; i < 2; i++) {
    const app = createApp(readConfig({ STORAGE_URL: storageUrl, RATE_LIMIT_PER_MINUTE: '0', DIRECTLINE_SECRET: SECRET }), { log: silentLogger, deps });
    apps.push(app);
    urls.push(await listen(app, 0, '127.0.0.1'));
  }
  return { urls, stop: async () => void (await Promise.all(apps.map((a) => a.close()))) };
}

async function call(base: string, method: string, url: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${base}${DL}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function allActivities(base: string, conv: string, token: string): Promise<DlActivity[]> {
  const r = await call(base, 'GET', `/conversations/${conv}/activities`, token);
  expect(r.status).toBe(200);
  return (r.json as { activities: DlActivity[] }).activities;
}

const say = (base: string, conv: string, token: string, clientActivityID: string, text = 'terima kasih') =>
  call(base, 'POST', `/conversations/${conv}/activities`, token, { type: 'message', from: { id: 'x' }, text, channelData: { clientActivityID } });

async function exercise(urls: string[]): Promise<void> {
  const gen = await call(urls[0], 'POST', '/tokens/generate');
  const token = gen.json.token as string;
  const conv = gen.json.conversationId as string;

  // Three parallel starts (a double click, a retry) over both instances: one welcome.
  const starts = await Promise.all([0, 1, 0].map((i) => call(urls[i], 'POST', '/conversations', token, {})));
  expect(starts.map((s) => s.status).sort()).toEqual([200, 200, 201]);
  const welcome = await allActivities(urls[1], conv, token);
  const single = await (async () => {
    const g = await call(urls[0], 'POST', '/tokens/generate');
    await call(urls[0], 'POST', '/conversations', g.json.token as string, {});
    return allActivities(urls[0], g.json.conversationId as string, g.json.token as string);
  })();
  expect(welcome.length).toBe(single.length);

  // 50 parallel messages, spread over both instances.
  const ids = Array.from({ length: 50 }, (_, i) => `client-${i}`);
  const posted = await Promise.all(ids.map((id, i) => say(urls[i % 2], conv, token, id)));
  expect(posted.map((p) => p.status)).toEqual(ids.map(() => 200));

  const log = await allActivities(urls[0], conv, token);
  const userActivities = log.filter((a) => a.from.role === 'user');
  const byClientId = new Map<string, DlActivity[]>();
  for (const a of userActivities) byClientId.set(a.channelData?.clientActivityID ?? '', [...(byClientId.get(a.channelData?.clientActivityID ?? '') ?? []), a]);
  expect([...byClientId.keys()].sort()).toEqual([...ids].sort());
  expect([...byClientId.values()].every((list) => list.length === 1)).toBe(true);
  // Each message is answered, and the answer is in the log the client reads.
  for (const [i, p] of posted.entries()) {
    const echo = byClientId.get(ids[i])![0];
    expect(p.json.id).toBe(echo.id);
    expect(log.some((a) => a.from.role === 'bot' && a.replyToId === echo.id && (a.text ?? '') !== '')).toBe(true);
  }

  // A client retry with the same clientActivityID (sequential, then three at once): same id, applied once.
  const again = await say(urls[1], conv, token, 'client-7');
  expect(again).toEqual({ status: 200, json: { id: byClientId.get('client-7')![0].id } });
  const burst = await Promise.all([0, 1, 0].map((i) => say(urls[i], conv, token, 'client-retry', 'hello')));
  expect(burst.map((b) => b.status)).toEqual([200, 200, 200]);
  expect(new Set(burst.map((b) => b.json.id)).size).toBe(1);
  const after = await allActivities(urls[1], conv, token);
  expect(after.filter((a) => a.from.role === 'user').length).toBe(51);
  expect(after.filter((a) => a.from.role === 'bot' && a.replyToId === burst[0].json.id).length).toBeGreaterThan(0);
  expect(after.filter((a) => a.from.role === 'bot' && a.replyToId === byClientId.get('client-7')![0].id).length).toBe(
    log.filter((a) => a.from.role === 'bot' && a.replyToId === byClientId.get('client-7')![0].id).length,
  );
}

describe('50 parallel widget messages', () => {
  test('on Redis, two instances', async () => {
    const redis: RedisServer = await startRedis();
    const bots = await startTwo(redis.url);
    try {
      await exercise(bots.urls);
    } finally {
      await bots.stop();
      await redis.stop();
    }
  }, 60_000);

  test('on SQLite, two instances on one file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-dl-conc-'));
    const bots = await startTwo(`sqlite:${path.join(dir, 'h.db')}`);
    try {
      await exercise(bots.urls);
    } finally {
      await bots.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
