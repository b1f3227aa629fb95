// HTTP glue for the rate limits: which limits exist, who the client is, and the 429 answer
// (Retry-After + JSON). The counters are in the store (store-limiter.ts), shared by every instance.
import crypto from 'crypto';
import type restify from 'restify';
import { createLimiter, type Limiter, type LimiterBackend, type Verdict } from './store-limiter';

export interface RequestLimits {
  /** Widget routes, per client address (never /api/messages: the Bot Connector's few addresses carry every user). */
  byAddress: Limiter | null;
  /** Messages per conversation. */
  byConversation: Limiter | null;
  /** Messages per user id on /api/messages. */
  byUser: Limiter | null;
  /** Widget token refreshes per conversation. */
  tokenRefresh: Limiter | null;
  /** Widget conversation starts (POST /conversations) per conversation. */
  conversationStart: Limiter | null;
  /** Widget activity polls (GET .../activities) per conversation. */
  polling: Limiter | null;
  /**
   * Requests to /api/messages that fail authentication, per address: over it they get 429 instead of
   * 401. A request that passes authentication never consults it, so the Bot Connector is not throttled.
   */
  authFailures: Limiter | null;
  /** Wrong support-staff tokens per address: over it the address is locked out for a while. */
  triageFailures: Limiter | null;
  /** Escalation tickets per client address (widget) or per user id (Bot Framework channels) per day. */
  ticketFilings: Limiter | null;
  /** Reverse proxies in front of the bot whose X-Forwarded-For entries are trusted. */
  trustProxyHops: number;
}

/** Fixed figures beside RATE_LIMIT_PER_MINUTE (README "Limits" explains each). */
export const LIMITS = {
  tokenRefreshPerMinute: 10,
  conversationStartsPerMinute: 10,
  /** Web Chat without a WebSocket polls about once a second. */
  pollsPerMinute: 150,
  triageFailures: 10,
  triageFailureWindowSeconds: 15 * 60,
  triageLockoutSeconds: 15 * 60,
  ticketsPerAddressPerDay: 20,
} as const;

/** Every limit on the given counter store; all off (null) when `perMinute` is 0 (benchmarks). */
export function createRequestLimits(perMinute: number, trustProxyHops = 0, backend: LimiterBackend = { kind: 'memory' }, onError?: (err: unknown) => void): RequestLimits {
  const make = (name: string, points: number, durationSeconds = 60, blockSeconds?: number): Limiter | null =>
    perMinute > 0 ? createLimiter(backend, { name, points, durationSeconds, blockSeconds }, onError) : null;
  return {
    byAddress: make('address', perMinute),
    byConversation: make('conversation', perMinute),
    byUser: make('user', perMinute),
    tokenRefresh: make('token-refresh', LIMITS.tokenRefreshPerMinute),
    conversationStart: make('conversation-start', LIMITS.conversationStartsPerMinute),
    polling: make('poll', LIMITS.pollsPerMinute),
    authFailures: make('auth-failures', perMinute),
    triageFailures: make('triage-failures', LIMITS.triageFailures, LIMITS.triageFailureWindowSeconds, LIMITS.triageLockoutSeconds),
    ticketFilings: make('ticket-filings', LIMITS.ticketsPerAddressPerDay, 24 * 60 * 60),
    trustProxyHops,
  };
}

/**
 * The client's address. Behind `hops` trusted proxies it is the entry the outermost trusted proxy
 * appended to X-Forwarded-For (entries further left are whatever the client claimed).
 */
export function clientAddress(req: Pick<restify.Request, 'socket' | 'headers'>, hops: number): string {
  const socket = req.socket?.remoteAddress ?? 'unknown';
  if (hops <= 0) return socket;
  const header = req.headers['x-forwarded-for'];
  const list = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return list.length >= hops ? list[list.length - hops] : socket;
}

/** A bounded map key for a conversation (ids come from the request and can be huge). */
export function conversationKey(channelId: unknown, conversationId: unknown): string {
  const key = `${String(channelId ?? '')}/${String(conversationId ?? '')}`;
  return key.length <= 200 ? key : crypto.createHash('sha256').update(key).digest('hex');
}

const MESSAGE = {
  address: 'Terlalu banyak permintaan dari alamat ini. Sila cuba lagi sebentar lagi. / Too many requests from this address. Please try again shortly.',
  conversation: 'Terlalu banyak mesej dalam perbualan ini. Sila tunggu sebentar. / Too many messages in this conversation. Please wait a moment.',
  user: 'Terlalu banyak mesej daripada pengguna ini. Sila tunggu sebentar. / Too many messages from this user. Please wait a moment.',
  lockout: 'Terlalu banyak token yang salah dari alamat ini. Sila cuba lagi kemudian. / Too many wrong tokens from this address. Please try again later.',
};

export function sendTooMany(res: restify.Response, verdict: Extract<Verdict, { ok: false }>, what: keyof typeof MESSAGE): void {
  res.header('Retry-After', String(verdict.retryAfterSeconds));
  res.send(429, { error: 'rate_limited', message: MESSAGE[what], retryAfter: verdict.retryAfterSeconds });
}
