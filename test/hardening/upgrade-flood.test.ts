// HTTP upgrade requests that are not Direct Line streams (h2c, "Connection: Upgrade" on any
// path) are answered at once and closed; a flood of them leaves the server answering, and a
// connection that sends nothing is closed after the idle timeout.
import net from 'net';
import { startBot, type RunningBot } from '../helpers/bot-server';

interface Outcome {
  status: number | null;
  closed: boolean;
}

/** Sends `request` on a raw socket; resolves with the status line's code and whether the server closed within `ms`. */
function rawRequest(port: number, request: string, ms: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let seen = '';
    let settled = false;
    const done = (closed: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const m = /^HTTP\/1\.1 (\d{3})/.exec(seen);
      resolve({ status: m ? Number(m[1]) : null, closed });
    };
    const timer = setTimeout(() => done(false), ms);
    socket.on('data', (c: Buffer) => (seen += c.toString('latin1')));
    socket.on('error', () => done(true));
    socket.on('close', () => done(true));
    // The client keeps its side open: the server must close, not wait for the client.
    socket.on('connect', () => socket.write(request));
  });
}

const portOf = (url: string) => Number(new URL(url).port);

describe('upgrade requests', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({}, undefined, { idleTimeoutMs: 1500 });
  });
  afterAll(async () => bot.stop());

  test('an upgrade to h2c on / and a "Connection: Upgrade" GET /healthz are each answered with 4xx and closed at once', async () => {
    const h2c = await rawRequest(portOf(bot.url), 'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAoAAAAAIAAAAA\r\n\r\n', 3000);
    expect(h2c).toEqual({ status: 404, closed: true });
    const health = await rawRequest(portOf(bot.url), 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n', 3000);
    expect(health).toEqual({ status: 404, closed: true });
    // A stream path without a valid WebSocket handshake: refused too, not left open.
    const stream = await rawRequest(portOf(bot.url), 'GET /v3/directline/conversations/x/stream HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: foo\r\n\r\n', 3000);
    expect(stream.closed).toBe(true);
    expect(stream.status).toBeGreaterThanOrEqual(400);
  });

  test('a flood of 300 such requests is answered and closed, and /healthz still answers', async () => {
    const port = portOf(bot.url);
    const requests = Array.from({ length: 300 }, (_, i) =>
      rawRequest(port, i % 2 ? 'GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n' : 'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n', 8000),
    );
    const outcomes = await Promise.all(requests);
    expect(outcomes.filter((o) => !o.closed || o.status !== 404)).toEqual([]);
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('a connection that sends nothing is closed after the idle timeout', async () => {
    const started = Date.now();
    const silent = await rawRequest(portOf(bot.url), '', 6000);
    expect(silent.closed).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });
});
