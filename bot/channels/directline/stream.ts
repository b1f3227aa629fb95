// Direct Line streaming: Web Chat opens a WebSocket at the streamUrl and receives each new
// activity group ({activities, watermark}) as soon as this instance logs it. Activities logged
// by another instance (several instances on one store) arrive at the next re-check of the store.
import { EventEmitter } from 'events';
import type http from 'http';
import type { Duplex } from 'stream';
import type { Logger } from '../../logging';
import { since, type ActivityLog } from './activity-log';
import { bearer, type TokenIssuer } from './tokens';
import { acceptWebSocket, refuse, type WebSocketConnection } from './websocket';
import { clientAddress } from '../../limits';

export const STREAM_PATH = /^\/v3\/directline\/conversations\/([^/]+)\/stream$/;
/** So that one address cannot hold the whole process cap; room for an office of visitors behind one NAT. */
export const MAX_STREAMS_PER_ADDRESS = 30;

/** In-process "conversation X has new activities" notifications. */
export class ActivityFeed {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  notify(conversationId: string): void {
    this.emitter.emit(conversationId);
  }

  subscribe(conversationId: string, listener: () => void): () => void {
    this.emitter.on(conversationId, listener);
    return () => this.emitter.off(conversationId, listener);
  }
}

export interface StreamDeps {
  tokens: TokenIssuer;
  store: ActivityLog;
  feed: ActivityFeed;
  log: Logger;
  /** How often an open stream re-reads the store for activities logged by other instances. */
  recheckMs?: number;
  /** Open streams per process at most; more are refused with 503. */
  maxStreams?: number;
  /** Open streams per conversation at most (a few tabs); more are refused with 429. */
  maxPerConversation?: number;
  /** Open streams per client address at most (MAX_STREAMS_PER_ADDRESS); more are refused with 429. */
  maxPerAddress?: number;
  /** Trusted reverse proxies in front of the bot (who the client is). */
  trustProxyHops?: number;
  clock?: () => Date;
  /** The page's Origin against WIDGET_ORIGINS; absent = any. */
  originAllowed?: (origin: string | undefined) => boolean;
}

export { refuse };

export function attachStreams(server: http.Server, deps: StreamDeps): { close(): void } {
  const clock = deps.clock ?? (() => new Date());
  const open = new Set<() => void>();
  const perConversation = new Map<string, number>();
  const perAddress = new Map<string, number>();
  const maxPerAddress = deps.maxPerAddress ?? MAX_STREAMS_PER_ADDRESS;

  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://local');
    const m = STREAM_PATH.exec(url.pathname);
    // No other part of the server takes upgrades (restify only re-emits them), so anything but a
    // stream is refused here, whatever other listeners there are.
    if (!m) return refuse(socket, '404 Not Found');
    if (deps.originAllowed && !deps.originAllowed(req.headers.origin)) return refuse(socket, '403 Forbidden');
    const verified = deps.tokens.verify(url.searchParams.get('t') ?? bearer(req.headers.authorization) ?? '');
    if (!verified.ok) return refuse(socket, '403 Forbidden');
    const conv = verified.claims.conv;
    if (decodeURIComponent(m[1]) !== conv) return refuse(socket, '403 Forbidden');
    if (open.size >= (deps.maxStreams ?? 10_000)) return refuse(socket, '503 Service Unavailable');
    if ((perConversation.get(conv) ?? 0) >= (deps.maxPerConversation ?? 5)) return refuse(socket, '429 Too Many Requests');
    const address = clientAddress(req, deps.trustProxyHops ?? 0);
    if ((perAddress.get(address) ?? 0) >= maxPerAddress) return refuse(socket, '429 Too Many Requests');
    acceptWebSocket(req, socket, head, (ws) => serve(ws, conv, address, verified.claims.exp, url.searchParams.get('watermark') ?? ''));
  };

  const serve = (ws: WebSocketConnection, conv: string, address: string, exp: number, from: string) => {
    let watermark = from;
    let running = false;
    let sending = false;
    let again = false;
    // One read at a time per stream, so no activity is sent twice; and one group in flight at a
    // time, so a client that does not read makes us wait (the next group gathers what came
    // meanwhile) instead of queueing without limit in memory.
    const pump = async (): Promise<void> => {
      if (running || sending) {
        again = true;
        return;
      }
      running = true;
      try {
        do {
          again = false;
          if (!ws.open) return;
          const log = await deps.store.get(conv);
          if (!log) return ws.close(1011);
          const group = since(log, watermark);
          watermark = group.watermark;
          if (group.activities.length > 0) {
            sending = true;
            ws.send(JSON.stringify(group), () => {
              sending = false;
              if (again) void pump();
            });
            return;
          }
        } while (again);
      } catch (err) {
        deps.log.warn({ err, conversation: conv }, 'stream could not read the conversation');
      } finally {
        running = false;
      }
    };

    const unsubscribe = deps.feed.subscribe(conv, () => void pump());
    const recheck = setInterval(() => {
      // Web Chat sends a keep-alive every 20 s: a client silent for a minute is gone.
      if (Date.now() - ws.lastHeard > 60_000) ws.close(1001);
      else void pump();
    }, deps.recheckMs ?? 5000);
    // A stream lives no longer than its token; Web Chat reconnects with its refreshed token.
    const expiry = setTimeout(() => ws.close(1000), Math.max(0, exp * 1000 - clock().getTime()));
    const stop = () => ws.close(1001);
    open.add(stop);
    perConversation.set(conv, (perConversation.get(conv) ?? 0) + 1);
    perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
    ws.onClose(() => {
      const fromHere = (perAddress.get(address) ?? 1) - 1;
      if (fromHere > 0) perAddress.set(address, fromHere);
      else perAddress.delete(address);
      unsubscribe();
      clearInterval(recheck);
      clearTimeout(expiry);
      open.delete(stop);
      const left = (perConversation.get(conv) ?? 1) - 1;
      if (left > 0) perConversation.set(conv, left);
      else perConversation.delete(conv);
    });
    // Web Chat sends empty messages as keep-alives; nothing to answer.
    ws.onMessage(() => undefined);
    void pump();
  };

  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const stop of [...open]) stop();
    },
  };
}
