// The Direct Line WebSocket stream with a hand-made client: the handshake, history on
// connect, pushes on new activities, ping/pong and close, and who may connect.
import crypto from 'crypto';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import type { Duplex } from 'stream';
import { startBot, type RunningBot } from '../helpers/bot-server';
import { waitFor, withDeadline } from '../helpers/wait';
import { createCoreDeps } from '../../bot/app';
import type { CoreDeps } from '../../bot/core';

interface Group {
  activities: { id: string; text?: string; from: { role?: string } }[];
  watermark: string;
}

/** A minimal WebSocket client: masked frames out, frames in as {opcode, payload}. */
class Client {
  private buffer = Buffer.alloc(0);
  private readonly frames: { opcode: number; payload: Buffer }[] = [];
  private waiters: (() => void)[] = [];
  closed = false;

  constructor(
    private readonly socket: Duplex,
    head: Buffer,
  ) {
    const receive = (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      while (this.buffer.length >= 2) {
        let len = this.buffer[1] & 0x7f;
        let at = 2;
        if (len === 126) [len, at] = [this.buffer.readUInt16BE(2), 4];
        else if (len === 127) [len, at] = [Number(this.buffer.readBigUInt64BE(2)), 10];
        if (this.buffer.length < at + len) break;
        this.frames.push({ opcode: this.buffer[0] & 0x0f, payload: this.buffer.subarray(at, at + len) });
        this.buffer = this.buffer.subarray(at + len);
      }
      this.waiters.splice(0).forEach((w) => w());
    };
    socket.on('data', receive);
    // Frames that arrived together with the 101 answer.
    if (head.length > 0) receive(head);
    socket.on('close', () => {
      this.closed = true;
      this.waiters.splice(0).forEach((w) => w());
    });
  }

  send(opcode: number, payload: Buffer): void {
    const mask = crypto.randomBytes(4);
    const masked = Buffer.from(payload.map((b, i) => b ^ mask[i & 3]));
    this.socket.write(Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | payload.length]), mask, masked]));
  }

  async next(timeoutMs = 8000): Promise<{ opcode: number; payload: Buffer }> {
    const deadline = Date.now() + timeoutMs;
    while (this.frames.length === 0) {
      if (this.closed || Date.now() > deadline) throw new Error(this.closed ? 'closed' : 'timed out waiting for a frame');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
    return this.frames.shift()!;
  }

  async group(timeoutMs?: number): Promise<Group> {
    const f = await this.next(timeoutMs);
    expect(f.opcode).toBe(1);
    return JSON.parse(f.payload.toString('utf8')) as Group;
  }

  end(): void {
    this.socket.destroy();
  }
}

function connect(streamUrl: string): Promise<Client | number> {
  const url = new URL(streamUrl.replace(/^ws/, 'http'));
  const key = crypto.randomBytes(16).toString('base64');
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname + url.search, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': key, 'Sec-WebSocket-Version': '13' } });
    req.on('upgrade', (res, socket, head) => {
      const expectedAccept = crypto.createHash('sha1').update(key + '258EAFA5-E914-47DA-95CA-C5AB0DC85B11').digest('base64');
      expect(res.headers['sec-websocket-accept']).toBe(expectedAccept);
      resolve(new Client(socket, head));
    });
    req.on('response', (res) => resolve(res.statusCode ?? 0));
    req.on('error', reject);
    req.end();
  });
}

async function dl(bot: RunningBot, method: string, url: string, token?: string, body?: unknown) {
  const res = await fetch(`${bot.url}/v3/directline${url}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return (await res.json()) as Record<string, string>;
}

async function start(bot: RunningBot) {
  const gen = await dl(bot, 'POST', '/tokens/generate');
  return dl(bot, 'POST', '/conversations', gen.token);
}

let deps: CoreDeps;
let bot: RunningBot;
beforeAll(async () => {
  deps = createCoreDeps();
  bot = await startBot({}, deps);
});
afterAll(async () => bot.stop());

test('the stream sends the history at once, then each new exchange as it happens', async () => {
  const c = await start(bot);
  expect(c.streamUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/v3\/directline\/conversations\/[\w-]+\/stream\?watermark=&t=/);
  const ws = await connect(c.streamUrl);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  try {
    const history = await ws.group();
    expect(history.activities.map((a) => a.from.role)).toEqual(['bot']);
    const posted = dl(bot, 'POST', `/conversations/${c.conversationId}/activities`, c.token, { type: 'message', text: 'lupa kata laluan' });
    const pushed: Group['activities'] = [];
    while (!pushed.some((a) => a.from.role === 'bot')) pushed.push(...(await ws.group()).activities);
    expect(pushed[0]).toEqual(expect.objectContaining({ id: (await posted).id, text: 'lupa kata laluan' }));
    // Keep-alives (empty text) are ignored; a ping gets its pong; a close gets a close.
    ws.send(0x1, Buffer.alloc(0));
    ws.send(0x9, Buffer.from('hi'));
    const pong = await ws.next();
    expect(pong).toEqual({ opcode: 0xa, payload: Buffer.from('hi') });
    ws.send(0x8, Buffer.from([0x03, 0xe8]));
    expect((await ws.next()).opcode).toBe(0x8);
  } finally {
    ws.end();
  }
});

test('a stream resumes after the watermark it names', async () => {
  const c = await start(bot);
  await dl(bot, 'POST', `/conversations/${c.conversationId}/activities`, c.token, { type: 'message', text: 'hi' });
  const again = await dl(bot, 'GET', `/conversations/${c.conversationId}?watermark=1`, c.token);
  expect(again.streamUrl).toContain('watermark=1&');
  const ws = await connect(again.streamUrl);
  if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
  try {
    const group = await ws.group();
    expect(group.activities[0].text).toBe('hi');
    expect(group.activities.every((a) => Number(a.id.split('|')[1]) > 1)).toBe(true);
  } finally {
    ws.end();
  }
});

test('a stream needs a valid token for that very conversation', async () => {
  const alice = await start(bot);
  const mallory = await start(bot);
  const url = new URL(alice.streamUrl);
  url.searchParams.set('t', mallory.token);
  expect(await connect(url.toString())).toBe(403);
  url.searchParams.set('t', 'forged.token.here');
  expect(await connect(url.toString())).toBe(403);
  url.searchParams.delete('t');
  expect(await connect(url.toString())).toBe(403);
});

test('one conversation may hold a few streams, not unlimited ones', async () => {
  const c = await start(bot);
  const clients: Client[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const ws = await connect(c.streamUrl);
      if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
      clients.push(ws);
    }
    expect(await connect(c.streamUrl)).toBe(429);
    clients.pop()!.end();
    // The server frees the place when it sees the close: try until it has.
    let again: Client | number = 429;
    await waitFor(
      async () => {
        again = await connect(c.streamUrl);
        return typeof again !== 'number';
      },
      { what: 'a sixth stream to be let in after one closed' },
    );
    if (typeof again !== 'number') clients.push(again);
  } finally {
    clients.forEach((w) => w.end());
  }
});

test('an activity logged by another instance reaches the stream at the next re-check', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-stream-'));
  const env = { STORAGE_URL: `sqlite:${path.join(dir, 'bot.db')}`, DIRECTLINE_SECRET: 'shared-by-both' };
  const a = await startBot(env, deps);
  const b = await startBot(env, deps);
  try {
    const c = await start(a);
    const ws = await connect(c.streamUrl);
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    try {
      await ws.group(); // the welcome
      await dl(b, 'POST', `/conversations/${c.conversationId}/activities`, c.token, { type: 'message', text: 'terima kasih' });
      const group = await ws.group(8000);
      expect(group.activities[0].text).toBe('terima kasih');
    } finally {
      ws.end();
    }
  } finally {
    await a.stop();
    await b.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('stopping the server closes its open streams instead of hanging', async () => {
  const other = await startBot({}, deps);
  let stopped = false;
  const c = await start(other);
  const ws = await connect(c.streamUrl);
  try {
    if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
    await ws.group();
    await withDeadline(other.stop(), { what: 'the server to stop with a stream open', timeoutMs: 10_000 });
    stopped = true;
    expect((await ws.next()).opcode).toBe(0x8);
  } finally {
    if (typeof ws !== 'number') ws.end();
    if (!stopped) await other.stop();
  }
});
