// Wires the parts together: understanding, knowledge, storage, the conversation service
// and the HTTP server. Everything heavy is built once here, at start-up.
import { createUnderstander } from '../intents';
import { loadKnowledgeBase } from '../knowledge';
import type { Config } from './config';
import { ConversationService, STATE_KEY_PREFIX } from './conversation-service';
import { LOG_KEY_PREFIX } from './channels/directline/activity-log';
import type { CoreDeps } from './core';
import { createLogger, type Logger } from './logging';
import { createServer } from './server';
import { registerWebChannel } from './channels/web-channel';
import { createRequestLimits, limiterBackendFor, limitTickets } from './limits';
import { createStorage, retentionPolicy, type ClosableStorage } from './storage';
import { createHandoff, type Handoff, type HandoffDeps } from './handoff';
import { registerTriageRoutes } from './triage';
import type restify from 'restify';

export interface App {
  server: restify.Server;
  service: ConversationService;
  store: ClosableStorage;
  log: Logger;
  /** Tickets, the effect runner that files them, and the e-mail outbox worker. */
  handoff: Handoff;
  close(): Promise<void>;
}

/** Documents holding what visitors typed, deleted RETENTION_DAYS after their last write. Tickets, outbox and counters are not among them. */
export const EXPIRING_KEY_PREFIXES: readonly string[] = [STATE_KEY_PREFIX, LOG_KEY_PREFIX];

export function createCoreDeps(): CoreDeps {
  const kb = loadKnowledgeBase();
  // The classifier learns exactly the catalogue's intents; one without training lines stops the start.
  return { understander: createUnderstander({ intents: kb.catalogue.ids }), kb };
}

export interface AppOptions {
  log?: Logger;
  deps?: CoreDeps;
  /** The conversation clock (office-hours wording, ticket times); tests fix it. */
  clock?: () => Date;
  /** Outbox worker timing (tests). */
  outbox?: HandoffDeps['outbox'];
  /** Closes HTTP connections silent this long (default IDLE_TIMEOUT_MS in server.ts; tests shorten it). */
  idleTimeoutMs?: number;
}

export function createApp(config: Config, options: AppOptions = {}): App {
  const log = options.log ?? createLogger(config.logLevel);
  const deps = options.deps ?? createCoreDeps();
  const store = createStorage(config.storageUrl, { retention: retentionPolicy(config.retentionDays, EXPIRING_KEY_PREFIXES), log, sqliteSync: config.sqliteSync });
  const handoff = createHandoff(config, { storage: store.storage, kb: deps.kb, log, outbox: options.outbox });
  // The outbox worker runs as long as the app; a failure to start it is logged, tickets still file.
  const handoffReady = handoff.start().catch((err) => log.error({ err }, 'escalation delivery did not start'));
  // Counters in the store, so every instance on it shares one limit.
  const limits = createRequestLimits(config.rateLimitPerMinute, config.trustProxyHops, limiterBackendFor(store.storage), (err) =>
    log.warn({ err }, 'rate limit store unavailable; request allowed'),
  );
  // At most TICKETS_PER_CONVERSATION_PER_DAY tickets per conversation, and LIMITS.ticketsPerAddressPerDay per address, per day.
  const service = new ConversationService(deps, store.storage, limitTickets(handoff.runEffect, store.storage, undefined, limits.ticketFilings), options.clock);
  const server = createServer({ config, service, log, limits, idleTimeoutMs: options.idleTimeoutMs });
  const webChannel = registerWebChannel(server, { config, service, storage: store.storage, log, limits });
  registerTriageRoutes(server, { tickets: handoff.tickets, token: config.triageToken, log, clock: options.clock, limits });
  return {
    server,
    service,
    store,
    log,
    handoff,
    async close() {
      webChannel.close(); // open WebSocket streams would keep server.close() waiting
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handoffReady;
      await handoff.stop();
      await store.close();
    },
  };
}

export async function listen(app: App, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(port, host, () => resolve());
  });
  const addr = app.server.address();
  return `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`;
}
