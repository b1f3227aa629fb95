// Just enough of RFC 6455 for the Direct Line stream: the handshake, unfragmented or
// fragmented text frames from the client (Web Chat sends empty ones as keep-alives), ping/pong
// and close. The server only ever sends text. No extensions, no compression.
import crypto from 'crypto';
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const MAX_MESSAGE_BYTES = 64 * 1024;

export interface WebSocketConnection {
  /** When the client last sent anything (ms since epoch). */
  readonly lastHeard: number;
  send(text: string): void;
  close(code?: number): void;
  onMessage(handler: (text: string) => void): void;
  onClose(handler: () => void): void;
}

/** Answers the upgrade request; null (and a 400 written) if it is not a valid WebSocket handshake. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex): WebSocketConnection | null {
  const key = req.headers['sec-websocket-key'];
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();
  if (upgrade !== 'websocket' || typeof key !== 'string' || !/^[A-Za-z0-9+/]{22}==$/.test(key) || req.headers['sec-websocket-version'] !== '13') {
    socket.on('error', () => socket.destroy());
    socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', () => socket.destroy());
    return null;
  }
  const accept = crypto.createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  return new Connection(socket);
}

/** A server-to-client frame: FIN set, no mask. */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, len]) : len < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  if (len >= 126 && len < 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 126;
    head.writeUInt16BE(len, 2);
  } else if (len >= 65536) {
    head[0] = 0x80 | opcode;
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(len), 2);
  }
  return Buffer.concat([head, payload]);
}

class Connection implements WebSocketConnection {
  private buffer = Buffer.alloc(0);
  private fragments: Buffer[] = [];
  /** Opcode of the message being received (continuation frames carry 0). */
  private messageOpcode = 0x1;
  private closed = false;
  lastHeard = Date.now();
  private readonly messageHandlers: ((text: string) => void)[] = [];
  private readonly closeHandlers: (() => void)[] = [];

  constructor(private readonly socket: Duplex) {
    // An open stream is watched by its keep-alive check, not by the HTTP idle timeout.
    (socket as Duplex & { setTimeout?: (ms: number) => void }).setTimeout?.(0);
    socket.on('data', (chunk: Buffer) => this.receive(chunk));
    // The HTTP server allows half-open sockets: when the client ends, end ours too.
    socket.on('end', () => {
      socket.end();
      this.finish();
    });
    socket.on('close', () => this.finish());
    socket.on('error', () => {
      socket.destroy();
      this.finish();
    });
  }

  send(text: string): void {
    if (!this.closed) this.socket.write(encodeFrame(0x1, Buffer.from(text, 'utf8')));
  }

  close(code = 1000): void {
    if (this.closed) return;
    const payload = Buffer.alloc(2);
    payload.writeUInt16BE(code, 0);
    this.socket.end(encodeFrame(0x8, payload));
    // A client that never closes its side must not hold the connection (or server.close()) open.
    setTimeout(() => this.socket.destroy(), 1000).unref();
    this.finish();
  }

  onMessage(handler: (text: string) => void): void {
    this.messageHandlers.push(handler);
  }

  onClose(handler: () => void): void {
    this.closeHandlers.push(handler);
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const h of this.closeHandlers) h();
  }

  private receive(chunk: Buffer): void {
    this.lastHeard = Date.now();
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      if (this.buffer.length < 2) return;
      const fin = (this.buffer[0] & 0x80) !== 0;
      const opcode = this.buffer[0] & 0x0f;
      const masked = (this.buffer[1] & 0x80) !== 0;
      let len = this.buffer[1] & 0x7f;
      let at = 2;
      if (len === 126) {
        if (this.buffer.length < 4) return;
        len = this.buffer.readUInt16BE(2);
        at = 4;
      } else if (len === 127) {
        if (this.buffer.length < 10) return;
        const big = this.buffer.readBigUInt64BE(2);
        len = big > BigInt(MAX_MESSAGE_BYTES) ? MAX_MESSAGE_BYTES + 1 : Number(big);
        at = 10;
      }
      // Clients must mask their frames (RFC 6455 5.1); anything too large is refused.
      if (!masked) return this.close(1002);
      if (len > MAX_MESSAGE_BYTES) return this.close(1009);
      if (this.buffer.length < at + 4 + len) return;
      const mask = this.buffer.subarray(at, at + 4);
      const payload = Buffer.from(this.buffer.subarray(at + 4, at + 4 + len));
      for (let i = 0; i < payload.length; i++) payload[i] ^= mask[i & 3];
      this.buffer = this.buffer.subarray(at + 4 + len);
      this.frame(fin, opcode, payload);
      if (this.closed) return;
    }
  }

  private frame(fin: boolean, opcode: number, payload: Buffer): void {
    switch (opcode) {
      case 0x0: // continuation of a fragmented message
      case 0x1: // text
      case 0x2: {
        // binary messages are read and ignored
        if (opcode !== 0x0) this.messageOpcode = opcode;
        this.fragments.push(payload);
        const size = this.fragments.reduce((n, b) => n + b.length, 0);
        if (size > MAX_MESSAGE_BYTES) return this.close(1009);
        if (!fin) return;
        const message = Buffer.concat(this.fragments);
        this.fragments = [];
        if (this.messageOpcode === 0x1) for (const h of this.messageHandlers) h(message.toString('utf8'));
        return;
      }
      case 0x8: // close: answer it and end
        return this.close(1000);
      case 0x9: // ping
        if (!this.closed) this.socket.write(encodeFrame(0xa, payload));
        return;
      case 0xa: // pong
        return;
      default:
        return this.close(1002);
    }
  }
}
