// Escalation delivery, wired from the configuration: the ticket store on the app's storage,
// the effect runner the conversation service calls, and (with SMTP_URL) the outbox worker.
import type { KnowledgeBase, Lang } from '../../knowledge';
import type { Config } from '../config';
import type { EffectRunner } from '../conversation-service';
import type { Logger } from '../logging';
import type { DocumentStore } from '../storage';
import { TicketStore } from '../tickets';
import { intentLabel } from '../core/strings';
import { composeReplyEmail, composeTicketEmail, type EmailSettings } from './email';
import { createTicketEffectRunner } from './effects';
import { OutboxWorker, type OutboxOptions } from './outbox';
import { createSmtpMailer } from './transport';

export interface Handoff {
  tickets: TicketStore;
  runEffect: EffectRunner;
  /** null when SMTP_URL is not set: tickets wait in the outbox until a worker with SMTP runs. */
  worker: OutboxWorker | null;
  /** Prepares the store and starts the worker. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface HandoffDeps {
  storage: DocumentStore;
  kb: KnowledgeBase;
  log?: Logger;
  /** Worker timing overrides (tests). */
  outbox?: Partial<Pick<OutboxOptions, 'pollMs' | 'baseDelayMs' | 'maxDelayMs' | 'leaseMs' | 'clock'>>;
  /** false: never start a worker here (e.g. `hanna chat`, which leaves sending to the server). */
  deliver?: boolean;
}

export function createHandoff(config: Config, deps: HandoffDeps): Handoff {
  const tickets = new TicketStore(deps.storage);
  const mail: EmailSettings = { from: config.handoffEmailFrom, to: config.handoffEmailTo, publicUrl: config.publicUrl, topicLabel: (i, l) => topicLabel(deps.kb, i, l) };
  const worker =
    config.smtpUrl && config.handoffEmailTo && deps.deliver !== false
      ? new OutboxWorker({
          tickets,
          mailer: createSmtpMailer(config.smtpUrl),
          compose: (t) => composeTicketEmail(t, mail),
          composeReply: (t, r) => composeReplyEmail(t, r, mail),
          log: deps.log,
          instance: config.instanceId,
          ...deps.outbox,
        })
      : null;
  const runEffect = createTicketEffectRunner({ tickets, kb: deps.kb, log: deps.log, onFiled: () => worker?.kick() });
  return {
    tickets,
    runEffect,
    worker,
    async start() {
      await tickets.init();
      worker?.start();
    },
    async stop() {
      await worker?.stop();
    },
  };
}

export { composeReplyEmail, composeTicketEmail, intentTrail, subjectFor, type MailMessage, type EmailSettings } from './email';
export { OutboxWorker, retryDelay, OUTBOX_DEFAULTS, type OutboxOptions } from './outbox';
export { createSmtpMailer, type Mailer } from './transport';
export { createTicketEffectRunner } from './effects';
export { ticketFiledReply, CARELINE } from './reply';

/** A ticket's topic as its button label; a stored id the catalogue no longer has is shown as it is. */
function topicLabel(kb: KnowledgeBase, topic: string, lang: Lang): string {
  const id = kb.catalogue.id(topic);
  return id ? intentLabel(kb, id, lang) : topic;
}
