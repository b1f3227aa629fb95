// The HTTP shell on restify: /api/messages for Bot Framework channels and /healthz.
import restify from 'restify';
import type { Config } from './config';
import type { Logger } from './logging';
import type { ActivityJson } from './channels/activities';
import type { ActivityAnswer } from './channels/activity-turn';
import { createBotFrameworkShell } from './channels/botframework';
import { registerMessagesRoute, type ChannelShell } from './channels/messages-route';
import { createRequestLimits, type RequestLimits } from './limits';

export { isLoopbackUrl } from './channels/messages-route';

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
  /** One activity through the inbound pipeline (channels/activity-turn.ts): what both SDK shells run. */
  handle: (activity: ActivityJson) => Promise<ActivityAnswer>;
  log: Logger;
  /** Rate limits shared with other public routes; made from the config when absent. */
  limits?: RequestLimits;
  /** Overrides IDLE_TIMEOUT_MS (tests). */
  idleTimeoutMs?: number;
}

/** Builds a shell once, on first use; a failed build is retried on the next call. */
function once(build: () => Promise<ChannelShell>): () => Promise<ChannelShell> {
  let made: Promise<ChannelShell> | null = null;
  return () => {
    made ??= build().catch((err: unknown) => {
      made = null;
      throw err;
    });
    return made;
  };
}

function isDirectLineUpload(req: restify.Request): boolean {
  return req.method === 'POST' && /^\/v3\/directline\/conversations\/[^/]+\/upload$/.test((req.url ?? '').split('?')[0]);
}

export function createServer({ config, handle, log, limits = createRequestLimits(config.rateLimitPerMinute, config.trustProxyHops), idleTimeoutMs }: ServerDeps): restify.Server {
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

  const botFramework = once(async () => createBotFrameworkShell(config, log, handle));
  // The Agents SDK is imported on first use: it brings a second msal-node (memory, issue 15).
  const agents = once(async () => (require('./channels/agents') as typeof import('./channels/agents')).createAgentsShell(config, log, handle));
  const routeDeps = { config, log, limits };
  registerMessagesRoute(server, '/api/messages', config.channelSdk === 'agents' ? agents : botFramework, routeDeps);
  registerMessagesRoute(server, '/api/agents/messages', agents, routeDeps);
  if (config.channelSdk === 'agents') agents().catch((err) => log.error({ err }, 'the Agents SDK shell could not be loaded'));

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
