// The Direct Line stream's WebSocket side, on the `ws` library: the handshake, framing,
// ping/pong, close and the message size cap are its job. The server only ever sends text.
import type { IncomingMessage } from 'http';
import type { Duplex } from 'stream';
import { WebSocketServer, type WebSocket } from 'ws';

const MAX_MESSAGE_BYTES = 64 * 1024;
/** How long a closed stream waits for the client's close frame before dropping the socket. */
const CLOSE_GRACE_MS = 1000;

export interface WebSocketConnection {
  /** When the client last sent anything (ms since epoch). */
  readonly lastHeard: number;
  /** False once closing: sending is pointless then. */
  readonly open: boolean;
  /**
   * Sends one text message; `written` runs once it has left for the client (or the stream
   * closed). A caller that waits for it before sending more never queues on a slow reader.
   */
  send(text: string, written?: () => void): void;
  close(code?: number): void;
  onMessage(handler: (text: string) => void): void;
  onClose(handler: () => void): void;
}

/**
 * Answers an upgrade request that is not taken and closes the connection at once. Node hands an
 * upgraded socket over without timeouts or error handling: one left open stays open for good.
 */
export function refuse(socket: Duplex, status: string): void {
  socket.on('error', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () => socket.destroy());
  // A client that does not read its answer must not hold the socket either.
  setTimeout(() => socket.destroy(), 2000).unref();
}

/** One per process: a WebSocket server that only completes handshakes handed to it. */
let server: WebSocketServer | undefined;
function wsServer(): WebSocketServer {
  if (!server) {
    // No compression: it costs memory per connection and the groups are small JSON.
    server = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES, perMessageDeflate: false, clientTracking: false });
    // An invalid handshake gets the same short answer and forced close as every other refusal.
    server.on('wsClientError', (_err: Error, socket: Duplex) => refuse(socket, '400 Bad Request'));
  }
  return server;
}

/** Completes the handshake; `accepted` gets the connection, or is never called (and a 400 written) if the handshake is invalid. */
export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, accepted: (ws: WebSocketConnection) => void): void {
  wsServer().handleUpgrade(req, socket, head, (ws) => accepted(new Connection(ws)));
}

class Connection implements WebSocketConnection {
  lastHeard = Date.now();
  private closing = false;

  constructor(private readonly ws: WebSocket) {
    const heard = () => {
      this.lastHeard = Date.now();
    };
    ws.on('message', heard);
    ws.on('ping', heard);
    ws.on('pong', heard);
    // A protocol error or a reset: `ws` closes the connection and then emits 'close'.
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      this.closing = true;
    });
  }

  get open(): boolean {
    return !this.closing && this.ws.readyState === this.ws.OPEN;
  }

  send(text: string, written?: () => void): void {
    if (!this.open) {
      written?.();
      return;
    }
    this.ws.send(text, written ? () => written() : undefined);
  }

  close(code = 1000): void {
    if (this.closing) return;
    this.closing = true;
    this.ws.close(code);
    // A client that never answers the close must not hold the connection (or server.close()) open.
    setTimeout(() => this.ws.terminate(), CLOSE_GRACE_MS).unref();
  }

  onMessage(handler: (text: string) => void): void {
    this.ws.on('message', (data, isBinary) => {
      // Binary messages are read and ignored.
      if (!isBinary) handler(data.toString());
    });
  }

  onClose(handler: () => void): void {
    this.ws.on('close', () => handler());
  }
}
