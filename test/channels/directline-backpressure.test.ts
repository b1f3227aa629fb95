// A stream whose client stops reading (a phone in a tunnel, a frozen tab) must not make the server
// queue every update in memory: it waits until the last group has gone out, and the next group
// carries everything that came meanwhile. Nothing is lost or sent twice.
import crypto from 'crypto';
import http from 'http';
import type { AddressInfo } from 'net';
import type { Duplex } from 'stream';
import { MemoryDocumentStore } from '../../bot/storage';
import { ActivityLog } from '../../bot/channels/directline/activity-log';
import { ActivityFeed, attachStreams } from '../../bot/channels/directline/stream';
import { TokenIssuer } from '../../bot/channels/directline/tokens';
import { silentLogger } from '../../bot/logging';

const UPDATES = 30;
const TEXT_BYTES = 512 * 1024; // 15 MB in all: more than the loopback socket buffers hold

interface Group {
  activities: { id: string; text: string }[];
  watermark: string;
}

/** Server frames (unmasked, text) parsed from a raw socket. */
function frames(socket: Duplex, onGroup: (g: Group) => void): void {
  let buffer = Buffer.alloc(0);
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (buffer.length < 2) return;
      let len = buffer[1] & 0x7f;
      let at = 2;
      if (len === 126) [len, at] = buffer.length < 4 ? [Infinity, 4] : [buffer.readUInt16BE(2), 4];
      else if (len === 127) [len, at] = buffer.length < 10 ? [Infinity, 10] : [Number(buffer.readBigUInt64BE(2)), 10];
      if (buffer.length < at + len) return;
      if ((buffer[0] & 0x0f) === 0x1) onGroup(JSON.parse(buffer.subarray(at, at + len).toString('utf8')) as Group);
      buffer = buffer.subarray(at + len);
    }
  });
}

test('a client that stops reading gets what it missed in few groups once it reads again, each activity once', async () => {
  const tokens = new TokenIssuer('backpressure-test-secret');
  const store = new ActivityLog(new MemoryDocumentStore());
  const feed = new ActivityFeed();
  const server = http.createServer();
  const streams = attachStreams(server, { tokens, store, feed, log: silentLogger });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  const conv = 'conv-slow-reader';
  await store.open(conv, 'dl_user');
  const { token } = tokens.issue(conv, 'dl_user');
  try {
    const socket = await new Promise<Duplex>((resolve, reject) => {
      const req = http.request({
        host: '127.0.0.1', port, path: `/v3/directline/conversations/${conv}/stream?t=${token}`,
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': crypto.randomBytes(16).toString('base64'), 'Sec-WebSocket-Version': '13' },
      });
      req.on('upgrade', (_res, s, head) => {
        if (head.length > 0) s.unshift(head);
        resolve(s);
      });
      req.on('response', (res) => reject(new Error(`refused with ${res.statusCode}`)));
      req.on('error', reject);
      req.end();
    });
    const groups: Group[] = [];
    frames(socket, (g) => groups.push(g));
    socket.pause(); // the client stops reading

    for (let i = 0; i < UPDATES; i++) {
      await store.append(conv, [{ type: 'message', from: { id: 'bot', name: 'Hanna', role: 'bot' }, text: `${i}:`.padEnd(TEXT_BYTES, 'x') }]);
      feed.notify(conv);
    }
    socket.resume();
    const deadline = Date.now() + 30_000;
    const received = () => groups.flatMap((g) => g.activities);
    while (received().length < UPDATES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));

    expect(received().map((a) => Number(a.text.split(':')[0]))).toEqual(Array.from({ length: UPDATES }, (_, i) => i));
    expect(new Set(received().map((a) => a.id)).size).toBe(UPDATES);
    // Sent one by one while the socket took them, then the rest together: not one queued frame per update.
    expect(groups.length).toBeLessThan(UPDATES / 2);
    socket.destroy();
  } finally {
    streams.close();
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
});
