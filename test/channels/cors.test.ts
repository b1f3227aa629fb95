// Embedding the widget on another site: CORS on every Direct Line route with the headers Web Chat
// really sends, WIDGET_ORIGINS limiting which sites may use it (HTTP and WebSocket), HEAD and
// revalidation of the static files.
import http from 'http';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { parseOrigins, WEBCHAT_REQUEST_HEADERS, OriginListError } from '../../bot/channels/cors';
import { readConfig, ConfigError } from '../../bot/config';
import { createCoreDeps } from '../../bot/app';
import type { CoreDeps } from '../../bot/core';

const DL = '/v3/directline';
const SHOP = 'https://shop.example';
const OTHER = 'https://evil.example';
let deps: CoreDeps;

beforeAll(() => {
  deps = createCoreDeps();
});

/** What a browser sends before Web Chat's POST of a message from another site. */
function preflight(url: string, origin: string): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-ms-bot-agent,x-requested-with' },
  });
}

/** The status line of a WebSocket handshake sent with this Origin. */
function upgrade(base: string, path: string, origin: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({
      hostname,
      port,
      path,
      headers: { connection: 'Upgrade', upgrade: 'websocket', 'sec-websocket-version': '13', 'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==', origin },
    });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

async function conversation(bot: RunningBot, origin: string): Promise<{ conversationId: string; token: string; streamUrl: string }> {
  const gen = (await (await fetch(`${bot.url}${DL}/tokens/generate`, { method: 'POST', headers: { origin } })).json()) as { token: string };
  const res = await fetch(`${bot.url}${DL}/conversations`, { method: 'POST', headers: { origin, authorization: `Bearer ${gen.token}` } });
  return (await res.json()) as { conversationId: string; token: string; streamUrl: string };
}

describe('WIDGET_ORIGINS', () => {
  test('empty or * means any site; a list holds exact origins; a path or another scheme is refused', () => {
    expect(parseOrigins('').any).toBe(true);
    expect(parseOrigins(' * ').any).toBe(true);
    const p = parseOrigins('https://Shop.Example, http://127.0.0.1:8080/');
    expect(p.any).toBe(false);
    expect([...p.origins]).toEqual(['https://shop.example', 'http://127.0.0.1:8080']);
    expect(() => parseOrigins('https://shop.example/page')).toThrow(OriginListError);
    expect(() => parseOrigins('ftp://shop.example')).toThrow(OriginListError);
    expect(() => parseOrigins('shop.example')).toThrow(OriginListError);
    expect(() => readConfig({ WIDGET_ORIGINS: 'shop.example' })).toThrow(ConfigError);
    expect(readConfig({ WIDGET_ORIGINS: 'https://shop.example' }).widgetOrigins).toEqual(['https://shop.example']);
    expect(readConfig({}).widgetOrigins).toEqual([]);
  });
});

describe('by default any site may embed the widget', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({}, deps);
  });
  afterAll(async () => bot.stop());

  test('preflights of token, conversation and activity routes allow the headers Web Chat sends', async () => {
    const c = await conversation(bot, SHOP);
    for (const path of ['/tokens/generate', '/tokens/refresh', '/conversations', `/conversations/${c.conversationId}`, `/conversations/${c.conversationId}/activities`]) {
      const pre = await preflight(`${bot.url}${DL}${path}`, SHOP);
      expect([path, pre.status]).toEqual([path, 204]);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      const allowed = (pre.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(/,\s*/);
      for (const h of WEBCHAT_REQUEST_HEADERS) expect(allowed).toContain(h.toLowerCase());
      expect(pre.headers.get('access-control-allow-methods')).toMatch(/POST/);
    }
  });

  test('answers, errors included, are readable by the embedding page', async () => {
    const c = await conversation(bot, SHOP);
    const list = await fetch(`${bot.url}${DL}/conversations/${c.conversationId}/activities`, { headers: { origin: SHOP, authorization: `Bearer ${c.token}` } });
    expect(list.status).toBe(200);
    expect(list.headers.get('access-control-allow-origin')).toBe('*');
    const bad = await fetch(`${bot.url}${DL}/conversations`, { method: 'POST', headers: { origin: SHOP } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('access-control-allow-origin')).toBe('*');
    expect(await upgrade(bot.url, new URL(c.streamUrl).pathname + new URL(c.streamUrl).search, SHOP)).toBe(101);
  });

  test('HEAD is answered on /, /widget.js, the Web Chat bundle and /healthz, with no body', async () => {
    for (const path of ['/', '/widget.js', '/webchat/webchat.js', '/healthz']) {
      const res = await fetch(`${bot.url}${path}`, { method: 'HEAD' });
      expect([path, res.status]).toEqual([path, 200]);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    }
    const head = await fetch(`${bot.url}/widget.js`, { method: 'HEAD' });
    const get = await fetch(`${bot.url}/widget.js`);
    expect(head.headers.get('etag')).toBe(get.headers.get('etag'));
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(await get.text())));
  });

  test('the scripts carry an ETag and Cache-Control, and a returning visitor gets 304', async () => {
    for (const path of ['/widget.js', '/webchat/webchat.js']) {
      const first = await fetch(`${bot.url}${path}`);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
      expect(first.headers.get('cache-control')).toMatch(/public/);
      expect(first.headers.get('access-control-allow-origin')).toBe('*');
      const again = await fetch(`${bot.url}${path}`, { headers: { 'if-none-match': etag! } });
      expect([path, again.status]).toEqual([path, 304]);
      expect(again.headers.get('etag')).toBe(etag);
    }
  });
});

describe('with WIDGET_ORIGINS set, other sites are refused', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ WIDGET_ORIGINS: `${SHOP},http://localhost:1` }, deps);
  });
  afterAll(async () => bot.stop());

  test('a listed site is allowed by name, on HTTP and on the WebSocket stream', async () => {
    const pre = await preflight(`${bot.url}${DL}/conversations`, SHOP);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(SHOP);
    expect(pre.headers.get('vary')).toMatch(/Origin/);
    const c = await conversation(bot, SHOP);
    expect(c.conversationId).toBeTruthy();
    expect(await upgrade(bot.url, new URL(c.streamUrl).pathname + new URL(c.streamUrl).search, SHOP)).toBe(101);
  });

  test('another site gets a readable 403 that says why, and its WebSocket is refused', async () => {
    const res = await fetch(`${bot.url}${DL}/tokens/generate`, { method: 'POST', headers: { origin: OTHER } });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBe(OTHER);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'OriginNotAllowed', message: expect.stringContaining('WIDGET_ORIGINS') });
    const pre = await preflight(`${bot.url}${DL}/conversations`, OTHER);
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-headers')).toBeNull();
    const c = await conversation(bot, SHOP);
    expect(await upgrade(bot.url, new URL(c.streamUrl).pathname + new URL(c.streamUrl).search, OTHER)).toBe(403);
  });

  test('requests without an Origin (curl, a server) are not cross-site and still work', async () => {
    const res = await fetch(`${bot.url}${DL}/tokens/generate`, { method: 'POST' });
    expect(res.status).toBe(200);
  });
});
