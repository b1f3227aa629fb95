// A Bot Framework protocol route (/api/messages, /api/agents/messages) for either SDK shell: the
// request checks, anonymous-mode safety, rate limits and the 401 path are the same whichever SDK
// authenticates and runs the activity.
import net from 'net';
import type restify from 'restify';
import type { Config } from '../config';
import type { Logger } from '../logging';
import { clientAddress, conversationKey, sendTooMany, type RequestLimits } from '../limits';
import type { ActivityJson } from './activities';
import { Unauthorized } from './channel-auth';
import { MAX_ACTIVITY_DEPTH, nestedDeeperThan } from './json-depth';

export interface AuthenticatedActivity {
  activity: ActivityJson;
  /** Runs the turn; what to answer (replies in the body for expectReplies). */
  run(): Promise<{ status: number; body?: unknown }>;
}

/** What an SDK contributes: checking the channel token (throws Unauthorized) and running the turn. */
export interface ChannelShell {
  authenticate(body: Record<string, unknown>, authorization: string): Promise<AuthenticatedActivity>;
}

export interface MessagesRouteDeps {
  config: Config;
  log: Logger;
  limits: RequestLimits;
}

/**
 * Only a literal loopback address: 127.0.0.0/8, ::1 or "localhost". A name such as
 * 127.attacker.example is resolved by DNS and may point anywhere, so it does not count.
 */
export function isLoopbackUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  try {
    const host = new URL(url).hostname;
    if (host === 'localhost' || host === '[::1]') return true;
    return net.isIPv4(host) && host.startsWith('127.');
  } catch {
    return false;
  }
}

/** application/json, with or without parameters (the Bot Connector adds a charset). */
function isJson(req: restify.Request): boolean {
  return /^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''));
}

/** `shell` is called on each request, so an SDK can be loaded on first use. */
export function registerMessagesRoute(server: restify.Server, path: string, shell: () => Promise<ChannelShell>, { config, log, limits }: MessagesRouteDeps): void {
  server.post(path, async (req, res) => {
    // JSON only: a form or text/plain POST is what any web page can send to a local bot without CORS.
    if (!isJson(req)) {
      res.send(415, { error: 'The request body must be JSON: send it with Content-Type: application/json.' });
      return;
    }
    const body: unknown = req.body;
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof (body as { type?: unknown }).type !== 'string') {
      res.send(400, { error: 'The request body must be a Bot Framework activity (a JSON object with a "type").' });
      return;
    }
    if (nestedDeeperThan(body, MAX_ACTIVITY_DEPTH)) {
      res.send(400, { error: `The activity is nested too deeply (at most ${MAX_ACTIVITY_DEPTH} levels).` });
      return;
    }
    const activity = body as Record<string, unknown>;
    // Anonymous mode: never POST replies to an address the caller chose (SSRF). Only a
    // local Emulator may receive them; anyone else gets them in the response body.
    if (!config.appId && activity.deliveryMode !== 'expectReplies' && !isLoopbackUrl(activity.serviceUrl)) {
      activity.deliveryMode = 'expectReplies';
    }
    try {
      const header = String(req.headers.authorization ?? '');
      const checked = await (await shell()).authenticate(activity, header);
      // Per conversation and per user, never per address: the Bot Connector sends every Teams and
      // Web Chat user's turns from a few addresses, and a limit there would throttle them all together.
      const a = checked.activity;
      const convVerdict = await limits.byConversation?.take(conversationKey(a.channelId, a.conversation?.id));
      if (convVerdict && !convVerdict.ok) return sendTooMany(res, convVerdict, 'conversation');
      const userVerdict = await limits.byUser?.take(conversationKey(a.channelId, a.from?.id));
      if (userVerdict && !userVerdict.ok) return sendTooMany(res, userVerdict, 'user');
      const answer = await checked.run();
      if (answer.body !== undefined) res.send(answer.status, answer.body);
      else res.send(answer.status);
    } catch (err) {
      if (err instanceof Unauthorized) {
        const address = clientAddress(req, limits.trustProxyHops);
        log.warn({ reason: err.message, address }, 'unauthorized request');
        if (res.headersSent) return;
        const failures = await limits.authFailures?.take(address);
        if (failures && !failures.ok) return sendTooMany(res, failures, 'address');
        res.send(401, { error: 'Unauthorized: a valid Bot Framework channel token is required.' });
        return;
      }
      log.error({ err }, 'request failed');
      if (!res.headersSent) res.send(400, { error: 'The activity could not be processed.' });
    }
  });
}
