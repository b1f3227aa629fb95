// The part of the Direct Line 3.0 protocol that the unmodified official Web Chat client uses,
// served by this bot itself: no Azure, no Direct Line secret in the page. Conversations run
// through the same inbound pipeline as /api/messages.
import type restify from 'restify';
import type { DocumentStore } from '../../storage';
import type { ConversationRef } from '../../conversation-service';
import type { Logger } from '../../logging';
import type { Inbound } from '../../inbound/pipeline';
import { localeFor, toActivity, type ActivityJson } from '../activities';
import { handoffInitiation } from '../handoff-event';
import { ActivityLog, clientActivityId, since, type LoggedActivity } from './activity-log';
import { KeyedQueue, QueueFull } from './keyed-queue';
import { parseInbound } from './inbound';
import { clientAddress, conversationKey, sendTooMany, type Limiter, type RequestLimits } from '../../limits';
import { bearer, randomId, TokenIssuer, type TokenClaims } from './tokens';
import { ActivityFeed, attachStreams } from './stream';
import { publicOrigin } from '../origin';
import { ANY_ORIGIN, originAllowed, registerCors, type OriginPolicy } from '../cors';
import { registerUpload } from './upload';
import type { MessageAttachment } from '../../core/types';

export const DIRECTLINE_PATH = '/v3/directline';
export const CHANNEL_ID = 'webchat';
export const BOT_ID = 'hanna-bot';

export interface DirectLineDeps {
  inbound: Inbound;
  storage: DocumentStore;
  /** HMAC key of the tokens; empty = a random key per process (one instance only). */
  secret: string;
  botName: string;
  log: Logger;
  /** The server's rate limits (shared with /api/messages); none when absent. */
  limits?: RequestLimits;
  /** Public base URL (https://...): streamUrls then use wss:// on its host; empty = the request's Host. */
  publicUrl?: string;
  /** Sites allowed to use the widget (WIDGET_ORIGINS); default any. */
  origins?: OriginPolicy;
  /** Offer WebSocket streams (streamUrl); default true. */
  streams?: boolean;
  clock?: () => Date;
}

type Req = restify.Request;
type Res = restify.Response;

function cors(res: Res): void {
  // The CORS headers themselves are set before routing (registerCors in ../cors.ts).
  res.header('Cache-Control', 'no-store');
}

function fail(res: Res, status: number, code: string, message: string): void {
  cors(res);
  res.send(status, { error: { code, message } });
}

function ok(res: Res, status: number, body: unknown): void {
  cors(res);
  res.send(status, body);
}

function ref(claims: TokenClaims, clientAddress?: string): ConversationRef {
  return { channelId: CHANNEL_ID, conversationId: claims.conv, userId: claims.user, ...(clientAddress ? { clientAddress } : {}) };
}

export function registerDirectLine(server: restify.Server, deps: DirectLineDeps): { close(): void } {
  const clock = deps.clock ?? (() => new Date());
  const tokens = new TokenIssuer(deps.secret, 30 * 60, clock);
  const activityLog = new ActivityLog(deps.storage, clock);
  const feed = new ActivityFeed();
  // Every append wakes this instance's open streams of that conversation.
  const store = {
    get: (conv: string) => activityLog.get(conv),
    open: (conv: string, user: string) => activityLog.open(conv, user),
    append: async (conv: string, activities: ActivityJson[]) => {
      const added = await activityLog.append(conv, activities);
      feed.notify(conv);
      return added;
    },
    appendUnlessSeen: async (conv: string, activities: ActivityJson[], seen: { from: string; clientActivityId: string } | undefined) => {
      const outcome = await activityLog.appendUnlessSeen(conv, activities, seen);
      if (outcome.added.length > 0) feed.notify(conv);
      return outcome;
    },
  };
  const origins = deps.origins ?? ANY_ORIGIN;
  registerCors(server, DIRECTLINE_PATH, origins);
  const allowOrigin = (origin: string | undefined) => originAllowed(origins, origin);
  // One message at a time per conversation on this instance (see keyed-queue.ts).
  const turns = new KeyedQueue();
  const streams =
    deps.streams === false
      ? null
      : attachStreams(server.server, { tokens, store: activityLog, feed, log: deps.log, clock, originAllowed: allowOrigin, trustProxyHops: deps.limits?.trustProxyHops ?? 0 });
  const bot = { id: BOT_ID, name: deps.botName, role: 'bot' };

  /** The token's claims, or null after answering 401/403 (and, with a path id, a mismatch). */
  const authorize = (req: Req, res: Res): TokenClaims | null => {
    const token = bearer(req.headers.authorization);
    if (!token) {
      fail(res, 401, 'Unauthorized', 'Missing "Authorization: Bearer <token>"; get a token from POST /v3/directline/tokens/generate.');
      return null;
    }
    const result = tokens.verify(token);
    if (!result.ok) {
      fail(res, 403, result.reason === 'expired' ? 'TokenExpired' : 'Forbidden', `The token is ${result.reason === 'expired' ? 'expired' : 'not valid'}.`);
      return null;
    }
    const pathId = (req.params as Record<string, string | undefined>).id;
    if (pathId !== undefined && pathId !== result.claims.conv) {
      fail(res, 403, 'Forbidden', 'The token is for another conversation.');
      return null;
    }
    return result.claims;
  };

  /** ws(s)://host of this server as the client reached it (or as PUBLIC_URL names it). */
  const streamBase = (req: Req): string | null => publicOrigin(req, deps.publicUrl ?? '')?.replace(/^http/, 'ws') ?? null;

  const conversationBody = (claims: TokenClaims, req?: Req) => {
    const { token, expiresIn } = tokens.refresh(claims);
    const body: Record<string, unknown> = { conversationId: claims.conv, token, expires_in: expiresIn };
    const base = streams && req ? streamBase(req) : null;
    if (base) {
      const watermark = new URL(req?.url ?? '', 'http://local').searchParams.get('watermark') ?? '';
      body.streamUrl = `${base}${DIRECTLINE_PATH}/conversations/${encodeURIComponent(claims.conv)}/stream?watermark=${encodeURIComponent(watermark)}&t=${token}`;
    }
    return body;
  };

  const botActivities = (replies: ActivityJson[], claims: TokenClaims, replyToId?: string): ActivityJson[] =>
    replies.map((a) => ({
      ...a,
      channelId: CHANNEL_ID,
      conversation: { id: claims.conv },
      from: bot,
      recipient: { id: claims.user, name: '', role: 'user' },
      ...(replyToId ? { replyToId } : {}),
    }));

  /**
   * False after answering 429. Always per client address (these routes are public and called by
   * browsers directly), then the route's own per-conversation limit, if any.
   */
  const withinLimits = async (req: Req, res: Res, perConversation?: { limiter: Limiter | null; conv: string }): Promise<boolean> => {
    const limits = deps.limits;
    if (!limits) return true;
    const byAddress = await limits.byAddress?.take(clientAddress(req, limits.trustProxyHops));
    if (byAddress && !byAddress.ok) {
      cors(res);
      sendTooMany(res, byAddress, 'address');
      return false;
    }
    const byConv = perConversation ? await perConversation.limiter?.take(conversationKey(CHANNEL_ID, perConversation.conv)) : undefined;
    if (byConv && !byConv.ok) {
      cors(res);
      sendTooMany(res, byConv, 'conversation');
      return false;
    }
    return true;
  };

  server.post(`${DIRECTLINE_PATH}/tokens/generate`, async (req: Req, res: Res) => {
    if (!(await withinLimits(req, res))) return;
    const claims = { conv: randomId(), user: randomId('dl_'), born: Math.floor(clock().getTime() / 1000) } as TokenClaims;
    ok(res, 200, conversationBody(claims));
  });

  server.post(`${DIRECTLINE_PATH}/tokens/refresh`, async (req: Req, res: Res) => {
    const claims = authorize(req, res);
    if (!claims) return;
    if (!(await withinLimits(req, res, { limiter: deps.limits?.tokenRefresh ?? null, conv: claims.conv }))) return;
    if (!(await store.get(claims.conv))) return fail(res, 404, 'NotFound', 'The conversation does not exist (any more).');
    ok(res, 200, conversationBody(claims));
  });

  // Start: the conversation named in the token; the welcome is its first activity.
  server.post(`${DIRECTLINE_PATH}/conversations`, async (req: Req, res: Res) => {
    const claims = authorize(req, res);
    if (!claims) return;
    if (!(await withinLimits(req, res, { limiter: deps.limits?.conversationStart ?? null, conv: claims.conv }))) return;
    const { created } = await store.open(claims.conv, claims.user);
    if (created) {
      const turn = await deps.inbound.join(ref(claims));
      await store.append(claims.conv, botActivities(turn.replies.map((r) => toActivity(r)), claims));
    }
    ok(res, created ? 201 : 200, conversationBody(claims, req));
  });

  // Reconnect (Web Chat given a conversationId, e.g. after a page reload).
  server.get(`${DIRECTLINE_PATH}/conversations/:id`, async (req: Req, res: Res) => {
    const claims = authorize(req, res);
    if (!claims) return;
    if (!(await withinLimits(req, res, { limiter: deps.limits?.conversationStart ?? null, conv: claims.conv }))) return;
    if (!(await store.get(claims.conv))) return fail(res, 404, 'NotFound', 'The conversation does not exist (any more).');
    ok(res, 200, conversationBody(claims, req));
  });

  server.get(`${DIRECTLINE_PATH}/conversations/:id/activities`, async (req: Req, res: Res) => {
    const claims = authorize(req, res);
    if (!claims) return;
    // Polling is per conversation only: an office behind one address has many visitors polling.
    const poll = await deps.limits?.polling?.take(conversationKey(CHANNEL_ID, claims.conv));
    if (poll && !poll.ok) {
      cors(res);
      return sendTooMany(res, poll, 'conversation');
    }
    const conversation = await store.get(claims.conv);
    if (!conversation) return fail(res, 404, 'NotFound', 'The conversation does not exist (any more).');
    const watermark = new URL(req.url ?? '', 'http://local').searchParams.get('watermark') ?? undefined;
    ok(res, 200, since(conversation, watermark));
  });

  server.post(`${DIRECTLINE_PATH}/conversations/:id/activities`, async (req: Req, res: Res) => {
    const claims = authorize(req, res);
    if (!claims) return;
    if (!(await store.get(claims.conv))) return fail(res, 404, 'NotFound', 'Start the conversation first.');
    const inbound = parseInbound(req.body, claims.conv, claims.user);
    if (inbound.kind === 'invalid') return fail(res, 400, 'BadArgument', inbound.message);
    // Typing indicators and events are accepted and dropped: the core only reads messages.
    if (inbound.kind === 'ignored') return ok(res, 200, { id: `${claims.conv}|${randomId('x', 6)}` });
    if (!(await withinLimits(req, res, { limiter: deps.limits?.byConversation ?? null, conv: claims.conv }))) return;

    let echoId: string;
    try {
      echoId = await postMessage(req, claims, inbound.activity, inbound.text, inbound.value);
    } catch (err) {
      if (err instanceof QueueFull) return fail(res, 429, 'TooManyRequests', 'Too many messages are waiting in this conversation. Please wait a moment.');
      throw err;
    }
    ok(res, 200, { id: echoId });
  });

  /** Logs the user's message (once, whatever the retries), runs its turn and logs the replies; the echo's id. */
  const postMessage = (req: Req, claims: TokenClaims, activity: ActivityJson, text: string, value: unknown, attachment?: MessageAttachment): Promise<string> => {
    const clientId = clientActivityId(activity);
    return turns.run(claims.conv, async () => {
      // A retry of a message already logged (same clientActivityID): its id again, nothing run twice.
      const seen = clientId ? { from: claims.user, clientActivityId: clientId } : undefined;
      const { added, existing } = await store.appendUnlessSeen(claims.conv, [activity], seen);
      if (existing) return existing.id;
      const echo = added[0];
      const replies = await runTurn(ref(claims, clientAddress(req, deps.limits?.trustProxyHops ?? 0)), text, value, echo, claims, attachment);
      await store.append(claims.conv, replies);
      return echo.id;
    });
  };

  registerUpload(server, {
    path: DIRECTLINE_PATH,
    authorize,
    withinLimits: (req, res, conv) => withinLimits(req, res, { limiter: deps.limits?.byConversation ?? null, conv }),
    conversationExists: async (conv) => (await store.get(conv)) !== undefined,
    fail,
    ok,
    post: (req, claims, echo, text, attachment) => postMessage(req, claims, echo, text, undefined, attachment),
  });

  /** The turn through the inbound pipeline; its replies (and handoff event, where configured) as Direct Line activities. */
  const runTurn = async (conversation: ConversationRef, text: string, value: unknown, echo: LoggedActivity, claims: TokenClaims, attachment?: MessageAttachment): Promise<ActivityJson[]> => {
    const result = await deps.inbound.message({ ref: conversation, text, value, ...(attachment ? { attachment } : {}) });
    const replies = botActivities(result.replies.map((r) => toActivity(r, result.lang ? localeFor(result.lang) : undefined)), claims, echo.id);
    if (!result.handoff) return replies;
    const event = handoffInitiation({ id: echo.id, channelId: CHANNEL_ID, conversation: { id: claims.conv }, from: echo.from, recipient: bot }, result.handoff, clock());
    return [...replies, event];
  };

  return { close: () => streams?.close() };
}
