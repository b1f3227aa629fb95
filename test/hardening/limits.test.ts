// Limits with clear answers: 413 for big bodies, 400 for bad JSON, a polite reply for long
// messages; 429 + Retry-After per conversation and per user on /api/messages (never per address:
// the Bot Connector's few addresses carry every user), per address on the widget's public routes,
// on token refresh, conversation starts and polling, a lock-out after wrong support-staff tokens,
// tickets per address per day, and counters in the store so that instances share one limit.
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createApp, createCoreDeps, listen, type App } from '../../bot/app';
import { ConfigError, readConfig } from '../../bot/config';
import { silentLogger } from '../../bot/logging';
import type { CoreDeps } from '../../bot/core';
import { startBot, message, post, texts, type RunningBot } from '../helpers/bot-server';
import { startRedis } from './helpers/processes';

let deps: CoreDeps;
beforeAll(() => {
  deps = createCoreDeps();
});

let ip = 0;
const from = (addr: string) => ({ 'x-forwarded-for': `198.51.100.77, ${addr}` });
const freshIp = () => `203.0.113.${++ip}`;
const DL = '/v3/directline';

async function dl(url: string, method: string, route: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const h: Record<string, string> = { ...headers };
  if (token) h.authorization = `Bearer ${token}`;
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(`${url}${DL}${route}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, retryAfter: res.headers.get('retry-after'), json: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

async function widgetConversation(url: string, headers: Record<string, string> = {}): Promise<{ conv: string; token: string }> {
  const gen = await dl(url, 'POST', '/tokens/generate', undefined, undefined, headers);
  expect(gen.status).toBe(200);
  const token = gen.json.token as string;
  expect((await dl(url, 'POST', '/conversations', token, {}, headers)).status).toBe(201);
  return { conv: gen.json.conversationId as string, token };
}

describe('/api/messages', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    // one trusted proxy, so each test can speak from the addresses it needs
    bot = await startBot({ RATE_LIMIT_PER_MINUTE: '4', TRUST_PROXY_HOPS: '1' }, deps);
  });
  afterAll(async () => bot.stop());

  test('a body over 256 KB gets 413 and malformed JSON gets 400, each with a JSON reason', async () => {
    const big = await post(bot.url, message('x'.repeat(257 * 1024)), from(freshIp()));
    expect(big.status).toBe(413);
    const bad = await post(bot.url, '{"type": "message", "text": ', from(freshIp()));
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual(expect.objectContaining({ message: expect.any(String) }));
  });

  test('a message over 2,000 characters gets a polite reply that it is too long', async () => {
    const res = await post(bot.url, message('caruman '.repeat(300)), from(freshIp()));
    expect(res.status).toBe(200);
    expect(texts(res.json.activities)).toMatch(/too long|terlalu panjang/i);
    expect(texts(res.json.activities)).toMatch(/2,000/);
  });

  test('the 5th message of one conversation within a minute gets 429 with Retry-After, other conversations go on', async () => {
    const conv = `limited-${Date.now()}`;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...from(freshIp()) }, body: JSON.stringify(message('hello', conv, `u-${i}`)) });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await last!.json()) as { error: string; message: string; retryAfter: number };
    expect(body).toMatchObject({ error: 'rate_limited', retryAfter });
    expect(body.message).toMatch(/Too many messages in this conversation/);
    expect((await post(bot.url, message('hello', `${conv}-other`, 'someone-else'), from(freshIp()))).status).toBe(200);
  });

  test('the 5th message of one user id within a minute gets 429, whatever the conversation', async () => {
    const user = `busy-user-${Date.now()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(bot.url, message('hello', `by-user-${Date.now()}-${i}`, user), from(freshIp()))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
  });

  test('40 conversations from one address (the Bot Connector) are all answered: no per-address limit here', async () => {
    const addr = freshIp();
    const res = await Promise.all(Array.from({ length: 40 }, (_, i) => post(bot.url, message('hello', `connector-${Date.now()}-${i}`, `connector-user-${i}`), from(addr))));
    expect(res.map((r) => r.status)).toEqual(res.map(() => 200));
  });
});

describe('the widget routes', () => {
  test('the 5th token request from one address within a minute gets 429 with Retry-After', async () => {
    const bot = await startBot({ RATE_LIMIT_PER_MINUTE: '4' }, deps);
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await dl(bot.url, 'POST', '/tokens/generate');
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.retryAfter;
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      await bot.stop();
    }
  });

  describe('with a generous address limit', () => {
    let bot: RunningBot;
    beforeAll(async () => {
      bot = await startBot({ RATE_LIMIT_PER_MINUTE: '1000', TRUST_PROXY_HOPS: '1' }, deps);
    });
    afterAll(async () => bot.stop());

    test('token refresh is limited per conversation (10 a minute)', async () => {
      const c = await widgetConversation(bot.url, from(freshIp()));
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await dl(bot.url, 'POST', '/tokens/refresh', c.token, undefined, from(freshIp()))).status);
      expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
      expect(statuses[10]).toBe(429);
    });

    test('POST /conversations is limited per conversation (10 a minute)', async () => {
      const c = await widgetConversation(bot.url, from(freshIp()));
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await dl(bot.url, 'POST', '/conversations', c.token, {}, from(freshIp()))).status);
      expect(statuses.slice(0, 9).every((s) => s === 200)).toBe(true);
      expect(statuses[9]).toBe(429);
    });

    test('activity polling is limited per conversation (150 a minute)', async () => {
      const c = await widgetConversation(bot.url, from(freshIp()));
      const statuses: number[] = [];
      for (let i = 0; i < 151; i++) statuses.push((await dl(bot.url, 'GET', `/conversations/${c.conv}/activities`, c.token, undefined, from(freshIp()))).status);
      expect(statuses.slice(0, 150).every((s) => s === 200)).toBe(true);
      expect(statuses[150]).toBe(429);
    });

    test('one address files at most 20 tickets a day, over any number of conversations', async () => {
      const addr = freshIp();
      const lines = ['talk to an officer', 'A3100001237X', 'Maju Jaya Sdn Bhd', 'Siti Aminah binti Ahmad', '900101-14-5673', 'Cannot log in to ASSIST', 'skip', 'send'];
      const outcomes: string[] = [];
      for (let i = 0; i < 21; i++) {
        const c = await widgetConversation(bot.url, from(addr));
        for (const text of lines) expect((await dl(bot.url, 'POST', `/conversations/${c.conv}/activities`, c.token, { type: 'message', text }, from(addr))).status).toBe(200);
        const log = (await dl(bot.url, 'GET', `/conversations/${c.conv}/activities`, c.token, undefined, from(addr))).json as { activities: { text?: string }[] };
        outcomes.push(log.activities.map((a) => a.text ?? '').join('\n'));
      }
      const filed = outcomes.filter((t) => /HN-\d{4}-\d{6}/.test(t));
      expect(filed).toHaveLength(20);
      expect(outcomes[20]).toMatch(/Too many tickets have been filed from this network today/);
      expect(outcomes[20]).toMatch(/1-300-22-8000/);
      // Another address is not affected.
      const c = await widgetConversation(bot.url, from(freshIp()));
      for (const text of lines) await dl(bot.url, 'POST', `/conversations/${c.conv}/activities`, c.token, { type: 'message', text }, from(freshIp()));
      const other = (await dl(bot.url, 'GET', `/conversations/${c.conv}/activities`, c.token)).json as { activities: { text?: string }[] };
      expect(other.activities.map((a) => a.text ?? '').join('\n')).toMatch(/HN-\d{4}-\d{6}/);
    }, 60_000);
  });
});

describe('support-staff token', () => {
  const TOKEN = 'a-support-staff-token-of-40-characters!!';

  test('a TRIAGE_TOKEN shorter than 32 characters is refused at start-up with a clear message', () => {
    expect(() => readConfig({ TRIAGE_TOKEN: 'short-token' })).toThrow(ConfigError);
    expect(() => readConfig({ TRIAGE_TOKEN: 'short-token' })).toThrow(/TRIAGE_TOKEN must be at least 32 characters/);
    expect(readConfig({ TRIAGE_TOKEN: 'x'.repeat(32) }).triageToken).toHaveLength(32);
  });

  test('after 10 wrong tokens from one address even the right one is refused (429) there; other addresses go on', async () => {
    const bot = await startBot({ RATE_LIMIT_PER_MINUTE: '30', TRUST_PROXY_HOPS: '1', TRIAGE_TOKEN: TOKEN }, deps);
    try {
      const addr = freshIp();
      const tickets = (token: string, a: string) => fetch(`${bot.url}/api/tickets`, { headers: { authorization: `Bearer ${token}`, ...from(a) } });
      const wrong: number[] = [];
      for (let i = 0; i < 10; i++) wrong.push((await tickets(`guess-${i}`, addr)).status);
      expect(wrong).toEqual(Array(10).fill(401));
      const locked = await tickets(TOKEN, addr);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
      expect((await tickets(TOKEN, freshIp())).status).toBe(200);
    } finally {
      await bot.stop();
    }
  });
});

describe('instances on one store share one limit', () => {
  async function twoApps(storageUrl: string): Promise<{ urls: string[]; stop(): Promise<void> }> {
    const apps: App[] = [];
    const urls: string[] = [];
    for (let i = 0; i < 2; i++) {
      const app = createApp(readConfig({ STORAGE_URL: storageUrl, RATE_LIMIT_PER_MINUTE: '4' }), { log: silentLogger, deps });
      apps.push(app);
      urls.push(await listen(app, 0, '127.0.0.1'));
    }
    return { urls, stop: async () => void (await Promise.all(apps.map((a) => a.close()))) };
  }
  const fiveOverTwo = async (urls: string[]) => {
    const conv = `shared-${Date.now()}`;
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(urls[i % 2], message('hello', conv, `u-${i}`))).status);
    return statuses;
  };

  test('Redis: the 5th message of a conversation, over two instances, gets 429', async () => {
    const redis = await startRedis();
    const bots = await twoApps(redis.url);
    try {
      expect(await fiveOverTwo(bots.urls)).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await bots.stop();
      await redis.stop();
    }
  });

  test('SQLite: the same with two instances on one file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-limits-'));
    const bots = await twoApps(`sqlite:${path.join(dir, 'h.db')}`);
    try {
      expect(await fiveOverTwo(bots.urls)).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await bots.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('limits off', () => {
  test('RATE_LIMIT_PER_MINUTE=0 lets 50 quick messages of one conversation through', async () => {
    const bot = await startBot({ RATE_LIMIT_PER_MINUTE: '0' }, deps);
    try {
      const res = await Promise.all(Array.from({ length: 50 }, () => post(bot.url, message('hello', 'bench-conv'))));
      expect(res.every((r) => r.status === 200)).toBe(true);
    } finally {
      await bot.stop();
    }
  });
});
