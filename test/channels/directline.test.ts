// The Direct Line 3.0 subset over real HTTP: what the official Web Chat client does, and what
// a visitor must not be able to do (read or write someone else's conversation).
import fs from 'fs';
import os from 'os';
import path from 'path';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { createCoreDeps } from '../../bot/app';
import type { CoreDeps } from '../../bot/core';

// Built once: training the classifier is the slow part of starting a bot.
let deps: CoreDeps;
beforeAll(() => {
  deps = createCoreDeps();
});

const DL = '/v3/directline';

interface DlActivity {
  id: string;
  type: string;
  text?: string;
  timestamp: string;
  from: { id: string; role?: string };
  replyToId?: string;
  channelData?: Record<string, unknown>;
  suggestedActions?: { actions: { title: string; value: string }[] };
}

async function call(bot: RunningBot, method: string, url: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${bot.url}${DL}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function startConversation(bot: RunningBot): Promise<{ conversationId: string; token: string }> {
  const gen = await call(bot, 'POST', '/tokens/generate');
  expect(gen.status).toBe(200);
  const token = gen.json.token as string;
  const start = await call(bot, 'POST', '/conversations', token, { user: { id: 'chosen-by-client' } });
  expect(start.status).toBe(201);
  expect(start.json.conversationId).toBe(gen.json.conversationId);
  return { conversationId: gen.json.conversationId as string, token: start.json.token as string };
}

async function activities(bot: RunningBot, c: { conversationId: string; token: string }, watermark = '') {
  const r = await call(bot, 'GET', `/conversations/${c.conversationId}/activities?watermark=${watermark}`, c.token);
  expect(r.status).toBe(200);
  return r.json as { activities: DlActivity[]; watermark: string };
}

function userIdOf(token: string): string {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).user;
}

describe('Direct Line for Web Chat', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({}, deps);
  });
  afterAll(async () => bot.stop());

  test('a new conversation starts with the welcome, and watermarks only return what is new', async () => {
    const c = await startConversation(bot);
    const first = await activities(bot, c);
    expect(first.activities).toHaveLength(1);
    expect(first.activities[0].from.role).toBe('bot');
    expect(first.activities[0].text).toMatch(/Selamat datang/);
    expect((await activities(bot, c, first.watermark)).activities).toEqual([]);
    // Starting again with the same token does not repeat the welcome.
    expect((await call(bot, 'POST', '/conversations', c.token)).status).toBe(200);
    expect((await activities(bot, c)).activities).toHaveLength(1);
  });

  test('a posted message is echoed as the token user and answered in order', async () => {
    const c = await startConversation(bot);
    const { watermark } = await activities(bot, c);
    const posted = await call(bot, 'POST', `/conversations/${c.conversationId}/activities`, c.token, {
      type: 'message',
      text: 'camne nak log masuk portal assist',
      from: { id: 'someone-else', role: 'user' },
      channelData: { clientActivityID: 'client-1', secret: 'dropped' },
    });
    expect(posted.status).toBe(200);
    const got = (await activities(bot, c, watermark)).activities;
    expect(got[0].id).toBe(posted.json.id);
    expect(got[0].from).toEqual(expect.objectContaining({ id: userIdOf(c.token), role: 'user' }));
    expect(got[0].channelData).toEqual({ clientActivityID: 'client-1' });
    expect(got.length).toBeGreaterThan(1);
    for (const reply of got.slice(1)) {
      expect(reply.from.role).toBe('bot');
      expect(reply.replyToId).toBe(got[0].id);
    }
    expect(got[1].text).toMatch(/ASSIST/);
    expect(got[1].suggestedActions?.actions.length).toBeGreaterThan(0);
    const times = got.map((a) => Date.parse(a.timestamp));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(times).size).toBe(times.length);
  });

  test('a contribution question gets the quote as an Adaptive Card attachment', async () => {
    const c = await startConversation(bot);
    await call(bot, 'POST', `/conversations/${c.conversationId}/activities`, c.token, { type: 'message', text: 'brp caruman utk gaji RM2500' });
    const all = (await activities(bot, c)).activities;
    const card = all.find((a) => (a as unknown as { attachments?: unknown[] }).attachments);
    expect(JSON.stringify(card)).toContain('42.85');
  });

  test('one visitor cannot read or write another visitor\'s conversation', async () => {
    const alice = await startConversation(bot);
    const mallory = await startConversation(bot);
    expect((await call(bot, 'GET', `/conversations/${alice.conversationId}/activities`, mallory.token)).status).toBe(403);
    expect((await call(bot, 'POST', `/conversations/${alice.conversationId}/activities`, mallory.token, { type: 'message', text: 'hi' })).status).toBe(403);
    expect((await call(bot, 'GET', `/conversations/${alice.conversationId}`, mallory.token)).status).toBe(403);
    expect((await call(bot, 'GET', `/conversations/${alice.conversationId}/activities`)).status).toBe(401);
    // A token whose payload is swapped for Alice's conversation fails its signature.
    const [h, , s] = mallory.token.split('.');
    const forged = Buffer.from(JSON.stringify({ conv: alice.conversationId, user: userIdOf(mallory.token), iat: 1, exp: 4102444800 })).toString('base64url');
    expect((await call(bot, 'GET', `/conversations/${alice.conversationId}/activities`, `${h}.${forged}.${s}`)).status).toBe(403);
    expect((await activities(bot, alice)).activities).toHaveLength(1);
  });

  test('refresh gives a new token for the same conversation; an unknown conversation is 404', async () => {
    const c = await startConversation(bot);
    const r = await call(bot, 'POST', '/tokens/refresh', c.token);
    expect(r.status).toBe(200);
    expect(r.json.conversationId).toBe(c.conversationId);
    expect(userIdOf(r.json.token as string)).toBe(userIdOf(c.token));
    expect((await activities(bot, { ...c, token: r.json.token as string })).activities).toHaveLength(1);
    const never = (await call(bot, 'POST', '/tokens/generate')).json.token as string;
    expect((await call(bot, 'POST', '/tokens/refresh', never)).status).toBe(404);
  });

  test('behind a TLS proxy (X-Forwarded-Proto: https) the stream address is wss://', async () => {
    const gen = await call(bot, 'POST', '/tokens/generate');
    const res = await fetch(`${bot.url}${DL}/conversations`, { method: 'POST', headers: { authorization: `Bearer ${gen.json.token}`, 'x-forwarded-proto': 'https' } });
    const body = (await res.json()) as { streamUrl: string };
    expect(body.streamUrl.startsWith(`wss://${new URL(bot.url).host}${DL}/conversations/`)).toBe(true);
    const plain = await call(bot, 'GET', `/conversations/${gen.json.conversationId}`, gen.json.token as string);
    expect(String(plain.json.streamUrl).startsWith('ws://')).toBe(true);
  });

  test('bad input gets 400, typing is accepted and not logged, and CORS preflight is answered', async () => {
    const c = await startConversation(bot);
    const url = `/conversations/${c.conversationId}/activities`;
    expect((await call(bot, 'POST', url, c.token, { type: 'message', text: 'x'.repeat(2001) })).status).toBe(400);
    expect((await call(bot, 'POST', url, c.token, { type: 'message', text: '   ' })).status).toBe(400);
    expect((await call(bot, 'POST', url, c.token, { type: 'typing' })).status).toBe(200);
    expect((await activities(bot, c)).activities).toHaveLength(1);
    const pre = await fetch(`${bot.url}${DL}${url}`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });
});

test('a conversation survives a restart on the same store and secret (reload after a deploy)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-dl-'));
  const env = { STORAGE_URL: `sqlite:${path.join(dir, 'bot.db')}`, DIRECTLINE_SECRET: 'test-secret-shared-by-instances' };
  try {
    const first = await startBot(env, deps);
    const c = await startConversation(first);
    await call(first, 'POST', `/conversations/${c.conversationId}/activities`, c.token, { type: 'message', text: 'hello' });
    const before = await activities(first, c);
    await first.stop();

    const second = await startBot(env, deps);
    try {
      expect((await call(second, 'GET', `/conversations/${c.conversationId}?watermark=`, c.token)).status).toBe(200);
      const after = await activities(second, c);
      expect(after.activities.map((a) => a.id)).toEqual(before.activities.map((a) => a.id));
      expect(after.watermark).toBe(before.watermark);
    } finally {
      await second.stop();
    }
    // Another secret (e.g. an instance without DIRECTLINE_SECRET) does not accept the token.
    const other = await startBot({ ...env, DIRECTLINE_SECRET: 'another' }, deps);
    try {
      expect((await call(other, 'GET', `/conversations/${c.conversationId}/activities`, c.token)).status).toBe(403);
    } finally {
      await other.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
