// HTTP glue for the rate limits: who the client is, and the 429 answer (Retry-After + JSON).
// Used by /api/messages and by any other public route (the widget's token endpoint).
import crypto from 'crypto';
import type restify from 'restify';
import { RateLimiter, type Verdict } from './rate-limiter';

export interface RequestLimits {
  /** Requests per client address; null when limiting is off. */
  byAddress: RateLimiter | null;
  /** Messages per conversation; null when limiting is off. */
  byConversation: RateLimiter | null;
  /** Reverse proxies in front of the bot whose X-Forwarded-For entries are trusted. */
  trustProxyHops: number;
}

export function createRequestLimits(perMinute: number, trustProxyHops = 0): RequestLimits {
  return {
    byAddress: perMinute > 0 ? new RateLimiter(perMinute) : null,
    byConversation: perMinute > 0 ? new RateLimiter(perMinute) : null,
    trustProxyHops,
  };
}

/**
 * The client's address. Behind `hops` trusted proxies it is the entry the outermost trusted proxy
 * appended to X-Forwarded-For (entries further left are whatever the client claimed).
 */
export function clientAddress(req: restify.Request, hops: number): string {
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
};

export function sendTooMany(res: restify.Response, verdict: Extract<Verdict, { ok: false }>, what: keyof typeof MESSAGE): void {
  res.header('Retry-After', String(verdict.retryAfterSeconds));
  res.send(429, { error: 'rate_limited', message: MESSAGE[what], retryAfter: verdict.retryAfterSeconds });
}

/** A restify handler that answers 429 when the client address is over its limit. */
export function limitByAddress(limits: RequestLimits): restify.RequestHandler {
  return (req, res, next) => {
    if (!limits.byAddress) return next();
    const verdict = limits.byAddress.take(clientAddress(req, limits.trustProxyHops));
    if (verdict.ok) return next();
    sendTooMany(res, verdict, 'address');
    return next(false);
  };
}
