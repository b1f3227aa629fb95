// botbuilder's outbound clients are built once per (app id, service URL, audience) and reused,
// with a bound, and replies still reach the Emulator on every turn.
import http from 'http';
import type { AddressInfo } from 'net';
import type { Activity } from 'botbuilder';
import { BoundedCache, CachingBotFrameworkAuthentication, CLIENT_CACHE_SIZE } from '../../bot/channels/botframework/clients';
import { startBot, message, post, SDKS, type RunningBot } from '../helpers/bot-server';

function activityFor(serviceUrl: string): Activity {
  return { ...message('hi'), deliveryMode: undefined, serviceUrl } as unknown as Activity;
}

describe('client cache (anonymous mode)', () => {
  test('the same service URL reuses its clients; another URL gets its own', async () => {
    const auth = new CachingBotFrameworkAuthentication({});
    const first = await auth.authenticateRequest(activityFor('http://127.0.0.1:3978/'), '');
    const second = await auth.authenticateRequest(activityFor('http://127.0.0.1:3978/'), '');
    const a = await first.connectorFactory!.create('http://127.0.0.1:3978/', first.audience);
    const b = await second.connectorFactory!.create('http://127.0.0.1:3978/', second.audience);
    const c = await second.connectorFactory!.create('http://127.0.0.1:3979/', second.audience);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
    expect(await auth.createUserTokenClient(first.claimsIdentity)).toBe(await auth.createUserTokenClient(second.claimsIdentity));
  });

  test('caller-chosen service URLs cannot grow the cache past its bound', async () => {
    const auth = new CachingBotFrameworkAuthentication({});
    const { connectorFactory, audience } = await auth.authenticateRequest(activityFor('http://127.0.0.1:1/'), '');
    const oldest = await connectorFactory!.create('http://127.0.0.1:1/', audience);
    for (let i = 2; i <= CLIENT_CACHE_SIZE + 50; i++) await connectorFactory!.create(`http://127.0.0.1:${i}/`, audience);
    expect(auth.connectors.size).toBe(CLIENT_CACHE_SIZE);
    expect(await connectorFactory!.create('http://127.0.0.1:1/', audience)).not.toBe(oldest);
  });

  test('a client that failed to build is built again next time', async () => {
    const cache = new BoundedCache<number>(2);
    await expect(cache.get('k', () => Promise.reject(new Error('no token')))).rejects.toThrow('no token');
    await expect(cache.get('k', () => Promise.resolve(7))).resolves.toBe(7);
    expect(cache.size).toBe(1);
  });
});

describe.each(SDKS)('replies posted to a local Emulator (CHANNEL_SDK=%s)', (sdk) => {
  let bot: RunningBot;
  let emulator: http.Server;
  const received: string[] = [];
  beforeAll(async () => {
    emulator = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(`${req.url} ${(JSON.parse(body) as { text?: string }).text ?? ''}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"id":"r"}');
      });
    });
    await new Promise<void>((resolve) => emulator.listen(0, '127.0.0.1', resolve));
    bot = await startBot({ CHANNEL_SDK: sdk });
  });
  afterAll(async () => {
    await bot.stop();
    emulator.closeAllConnections();
    await new Promise((resolve) => emulator.close(resolve));
  });

  test('every turn reaches the Emulator through the reused client, in the right conversation', async () => {
    const url = `http://127.0.0.1:${(emulator.address() as AddressInfo).port}/`;
    for (const conversation of ['emu-a', 'emu-b', 'emu-a']) {
      const res = await post(bot.url, { ...message('hello', conversation), deliveryMode: undefined, serviceUrl: url });
      expect(res.status).toBe(200);
    }
    expect(received.filter((r) => r.startsWith('/v3/conversations/emu-a/')).length).toBeGreaterThanOrEqual(2);
    expect(received.filter((r) => r.startsWith('/v3/conversations/emu-b/')).length).toBeGreaterThanOrEqual(1);
    expect(received.join('\n')).toMatch(/Hello|Helo|Hai/i);
  });
});
