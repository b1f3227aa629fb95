// The HTTP shell on restify: /api/messages for Bot Framework channels and /healthz.
import net from 'net';
import restify from 'restify';
import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from './config';
import type { ConversationService } from './conversation-service';
import { createBotLogic, errorActivity } from './channels/botframework';
import type { Logger } from './logging';
import { authOptions, CheckedCloudAdapter, fixActivity, Unauthorized } from './channels/bf-auth';
import { CachingBotFrameworkAuthentication } from './channels/bf-clients';
import { MAX_ACTIVITY_DEPTH, nestedDeeperThan } from './channels/json-depth';
import { clientAddress, conversationKey, createRequestLimits, sendTooMany, type RequestLimits } from './limits';

export const MAX_BODY_BYTES = 256 * 1024;
/** The only thing a client learns of an internal failure. */
export const INTERNAL_ERROR = 'Maaf, sesuatu tidak kena di pihak kami. Sila cuba lagi sebentar lagi. / Sorry, something went wrong on our side. Please try again shortly.';
/** A connection silent this long is closed (HTTP only; open WebSocket streams keep their own watch). */
export const IDLE_TIMEOUT_MS = 30_000;
/** The whole request head must arrive within this, and the whole request within REQUEST_TIMEOUT_MS. */
const HEADERS_TIMEOUT_MS = 15_000;
const REQUEST_TIMEOUT_MS = 30_000;

export interface ServerDeps {
  config: Config;
  service: ConversationService;
  log: Logger;
  /** Rate limits shared with other public routes; made from the config when absent. */
  limits?: RequestLimits;
  /** Overrides IDLE_TIMEOUT_MS (tests). */
  idleTimeoutMs?: number;
}

export function createAdapter(config: Config, log: Logger): CheckedCloudAdapter {
  const auth: ConfigurationBotFrameworkAuthenticationOptions = authOptions(
    { MicrosoftAppId: config.appId, MicrosoftAppPassword: config.appPassword, MicrosoftAppType: config.appType, MicrosoftAppTenantId: config.appTenantId },
    config.botOpenIdMetadata,
  );
  const adapter = new CheckedCloudAdapter(new CachingBotFrameworkAuthentication(auth), Boolean(config.appId));
  adapter.onTurnError = async (context, error) => {
    // The state was not saved for the failed turn, so the conversation resumes where it was.
    log.error({ err: error, conversation: context.activity.conversation?.id }, 'turn failed');
    try {
      await context.sendActivity(errorActivity());
    } catch (sendErr) {
      log.error({ err: sendErr }, 'could not send the error reply');
    }
  };
  return adapter;
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

function isDirectLineUpload(req: restify.Request): boolean {
  return req.method === 'POST' && /^\/v3\/directline\/conversations\/[^/]+\/upload$/.test((req.url ?? '').split('?')[0]);
}

/** application/json, with or without parameters (the Bot Connector adds a charset). */
function isJson(req: restify.Request): boolean {
  return /^application\/json\s*(;|$)/i.test(String(req.headers['content-type'] ?? ''));
}

export function createServer({ config, service, log, limits = createRequestLimits(config.rateLimitPerMinute, config.trustProxyHops), idleTimeoutMs }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'hanna-bot', handleUncaughtExceptions: false });
  // Node's defaults let a silent or slow client hold a socket for minutes (or, idle, for ever).
  const http = server.server;
  http.timeout = idleTimeoutMs ?? IDLE_TIMEOUT_MS;
  http.headersTimeout = Math.min(HEADERS_TIMEOUT_MS, http.timeout);
  http.requestTimeout = REQUEST_TIMEOUT_MS;
  http.keepAliveTimeout = 5_000;
  // The Direct Line upload reads its own body (in memory, 1 MB): restify's multipart parser would write the file to disk.
  const parsers = restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false }) as unknown as restify.RequestHandler[];
  server.use((req, res, next) => {
    if (isDirectLineUpload(req)) return next();
    let i = 0;
    const step = (err?: unknown): void => {
      if (err) return next(err as Error);
      const parser = parsers[i++];
      if (!parser) return next();
      void parser(req, res, step as restify.Next);
    };
    step();
  });

  const adapter = createAdapter(config, log);
  const logic = createBotLogic(service, log, { handoffEventChannels: config.handoffEventChannels });

  server.post('/api/messages', async (req, res) => {
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
      const checked = fixActivity(activity);
      const auth = await adapter.authenticate(checked, header);
      // Per conversation and per user, never per address: the Bot Connector sends every Teams and
      // Web Chat user's turns from a few addresses, and a limit there would throttle them all together.
      const convVerdict = await limits.byConversation?.take(conversationKey(checked.channelId, checked.conversation?.id));
      if (convVerdict && !convVerdict.ok) return sendTooMany(res, convVerdict, 'conversation');
      const userVerdict = await limits.byUser?.take(conversationKey(checked.channelId, checked.from?.id));
      if (userVerdict && !userVerdict.ok) return sendTooMany(res, userVerdict, 'user');
      const invoke = await adapter.runAuthenticated(auth, checked, logic);
      if (invoke?.body !== undefined) res.send(invoke.status ?? 200, invoke.body);
      else res.send(invoke?.status ?? 200);
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

  // restify 12: a handler without `next` must be async
  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });
  // Uptime checkers often probe with HEAD.
  server.head('/healthz', async (_req, res) => {
    res.send(200);
  });

  server.on('restifyError', (req, res, err, next) => {
    const status = (err as { statusCode?: number }).statusCode;
    if (typeof status === 'number' && status < 500) {
      // Body parser errors (413, 400) get a JSON body users and operators can read.
      log.warn({ status, path: req.path() }, 'request rejected');
      return next();
    }
    // Anything else is ours: logged in full, answered without its text (it can name hosts, files, libraries).
    log.error({ err, path: req.path() }, 'request failed');
    if (!res.headersSent) res.send(500, { error: 'internal', message: INTERNAL_ERROR });
    return next();
  });
  return server;
}
