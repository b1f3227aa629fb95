// The composition root, shared by `serve`, `chat` and the tests: understanding, knowledge,
// storage, escalation, the ticket limit, the conversation service and the inbound pipeline
// (createCore), and on top of them the HTTP server with its channels (createApp). Everything
// heavy is built once here, at start-up.
import { createUnderstander } from '../intents';
import type { Understander } from '../intents/types';
import { loadKnowledgeBase, shippedPhrases } from '../knowledge';
import { createCalculator } from '../calculators';
import type { Config } from './config';
import { ConversationService, STATE_KEY_PREFIX, type EffectContext, type EffectRunner } from './conversation-service';
import type { FeedbackEffect } from './core/types';
import { LOG_KEY_PREFIX } from './channels/directline/activity-log';
import type { CoreDeps } from './core';
import { createLogger, type Logger } from './logging';
import { createServer } from './server';
import { registerWebChannel } from './channels/web-channel';
import { createRequestLimits, limiterBackendFor, limitTickets, type RequestLimits } from './limits';
import { createStorage, retentionPolicy, type ClosableStorage } from './storage';
import { createInbound, type Inbound } from './inbound/pipeline';
import { createActivityTurns } from './channels/activity-turn';
import type { FileFetcher } from './channels/attached-file';
import { createHandoff, type Handoff, type HandoffDeps } from './handoff';
import { registerTriageRoutes } from './triage';
import { CONVERSATION_MARK_PREFIX, InsightsRecorder, REVIEW_PREFIX, ReviewQueue } from './insights';
import type restify from 'restify';

/** Everything a shell needs to hold a conversation, without any HTTP. */
export interface Core {
  deps: CoreDeps;
  service: ConversationService;
  /** The one inbound function every shell calls. */
  inbound: Inbound;
  store: ClosableStorage;
  log: Logger;
  /** Tickets, the effect runner that files them, and the e-mail outbox worker. */
  handoff: Handoff;
  limits: RequestLimits;
  /** The console's recorder: turns arrive through the conversation service; channels send 👍/👎 to recordFeedback. */
  insights: InsightsRecorder;
  close(): Promise<void>;
}

export interface App extends Core {
  server: restify.Server;
}

/**
 * Documents holding what visitors typed (or which conversation did what), deleted RETENTION_DAYS after their last
 * write: conversation state, activity logs, the not-understood queue and the console's conversation markers.
 * Tickets, outbox and counters are not among them.
 */
export const EXPIRING_KEY_PREFIXES: readonly string[] = [STATE_KEY_PREFIX, LOG_KEY_PREFIX, REVIEW_PREFIX, CONVERSATION_MARK_PREFIX];

/** The trained understander, the knowledge base and the calculator; a given understander (a test stub) skips loading the model. */
export function createCoreDeps(understander?: Understander): CoreDeps {
  const kb = loadKnowledgeBase();
  // The core's phrase tables read the shipped knowledge/phrases.yaml (the load above has just read it, unless
  // a test points it elsewhere): checked here, so that a broken file stops the start rather than a turn.
  shippedPhrases();
  // The classifier learns exactly the catalogue's intents; one without training lines stops the start.
  return { understander: understander ?? createUnderstander({ intents: kb.catalogue.ids }), kb, calculator: createCalculator() };
}

export interface AppOptions {
  log?: Logger;
  deps?: CoreDeps;
  /** Used instead of the trained model when `deps` is not given: core tests pass a small stub. */
  understander?: Understander;
  /** The conversation clock (office-hours wording, ticket times); tests fix it. */
  clock?: () => Date;
  /** Outbox worker timing (tests). */
  outbox?: HandoffDeps['outbox'];
  /** Closes HTTP connections silent this long (default IDLE_TIMEOUT_MS in server.ts; tests shorten it). */
  idleTimeoutMs?: number;
  /** Downloads Teams file attachments (tests inject one that reaches a local server). */
  fetchFile?: FileFetcher;
  /** Conversation state in memory for this process only (`hanna chat`); tickets still go to the configured store. */
  ephemeralConversations?: boolean;
  /** false: never start an outbox worker here. */
  deliver?: boolean;
}

export function createCore(config: Config, options: AppOptions = {}): Core {
  const log = options.log ?? createLogger(config.logLevel);
  const deps = options.deps ?? createCoreDeps(options.understander);
  const store = createStorage(config.storageUrl, { retention: retentionPolicy(config.retentionDays, EXPIRING_KEY_PREFIXES), log, sqliteSync: config.sqliteSync });
  const handoff = createHandoff(config, { storage: store.storage, kb: deps.kb, log, outbox: options.outbox, deliver: options.deliver });
  // The outbox worker runs as long as the app; a failure to start it is logged, tickets still file.
  const handoffReady = handoff.start().catch((err) => log.error({ err }, 'escalation delivery did not start'));
  // Counters in the store, so every instance on it shares one limit.
  const limits = createRequestLimits(config.rateLimitPerMinute, config.trustProxyHops, limiterBackendFor(store.storage), (err) =>
    log.warn({ err }, 'rate limit store unavailable; request allowed'),
  );
  const conversations = options.ephemeralConversations ? createStorage('memory:') : store;
  const insights = new InsightsRecorder(store.storage, {
    classify: (text) => deps.understander.classify(text),
    onError: (err) => log.warn({ err }, 'insights: could not record'),
  });
  // At most TICKETS_PER_CONVERSATION_PER_DAY tickets per conversation, and LIMITS.ticketsPerAddressPerDay per address, per day, on every shell.
  const fileTickets = limitTickets(handoff.runEffect, store.storage, undefined, limits.ticketFilings);
  const runEffect: EffectRunner = async (effect, ctx) => (effect.kind === 'feedback' ? recordFeedback(insights, effect, ctx) : fileTickets(effect, ctx));
  const service = new ConversationService(deps, conversations.storage, runEffect, options.clock, insights.observe);
  const inbound = createInbound(service, log, { handoffEventChannels: config.handoffEventChannels });
  return {
    deps,
    service,
    inbound,
    store,
    log,
    handoff,
    limits,
    insights,
    async close() {
      await handoffReady;
      await handoff.stop();
      await insights.flush();
      await store.close();
    },
  };
}

/** A 👍/👎 from the core goes to the console's recorder; the turn does not wait for the store. */
function recordFeedback(insights: InsightsRecorder, effect: FeedbackEffect, ctx: EffectContext): [] {
  const { channelId, conversationId, userId } = ctx.ref;
  const { answerId, intent, lang, vote, redactedMessage, missing, votedAt } = effect;
  void insights.recordFeedback(
    { ref: { channelId, conversationId, userId }, answerId, intent, lang, vote, redactedMessage, votedAt, ...(missing !== undefined ? { missing, followUp: true } : {}) },
    ctx.now,
  );
  return [];
}

export function createApp(config: Config, options: AppOptions = {}): App {
  const core = createCore(config, options);
  const { log, limits, inbound, handoff, store } = core;
  const handle = createActivityTurns(inbound, { fetchFile: options.fetchFile });
  const server = createServer({ config, handle, log, limits, idleTimeoutMs: options.idleTimeoutMs });
  const webChannel = registerWebChannel(server, { config, inbound, storage: store.storage, log, limits });
  const staffConsole = { store: store.storage, review: new ReviewQueue(store.storage), insights: core.insights };
  registerTriageRoutes(server, { tickets: handoff.tickets, token: config.triageToken, log, clock: options.clock, limits, console: staffConsole, onReplyQueued: () => handoff.worker?.kick() });
  return {
    ...core,
    server,
    async close() {
      webChannel.close(); // open WebSocket streams would keep server.close() waiting
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
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
