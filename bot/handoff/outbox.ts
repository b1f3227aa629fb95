// Delivers ticket e-mails from the outbox. A ticket's entry is claimed with an eTag-checked
// lease before sending, so two workers (two processes on one store) never send it both; a
// failed send is retried with exponential backoff, and the ticket shows where delivery stands.
// A mail server that is down only delays a ticket: the entry stays in the store until sent.
// An officer's reply to the employer goes through the same outbox, as its own entry.
import os from 'os';
import crypto from 'crypto';
import type { Logger } from '../logging';
import { transact } from '../storage';
import { OUTBOX_PENDING_KEY, outboxKey, parseOutboxId, ticketKey, type EmailDelivery, type OutboxEntry, type Ticket, type TicketReply, type TicketStore } from '../tickets';
import type { MailMessage } from './email';
import type { Mailer } from './transport';

export interface OutboxOptions {
  tickets: TicketStore;
  mailer: Mailer;
  compose(ticket: Ticket): MailMessage;
  /** The e-mail of an officer's reply to the employer; without it replies wait in the outbox. */
  composeReply?(ticket: Ticket, reply: TicketReply): MailMessage;
  log?: Logger;
  clock?: () => Date;
  /** Names this worker in leases; default `<instance>#<random>` (a new random part each start). */
  owner?: string;
  /**
   * This instance's stable name (INSTANCE_ID, default host name and port), the same across restarts. At
   * start the worker releases leases its own earlier life still holds (it was killed mid-send), so
   * those e-mails go out now instead of when the lease runs out.
   */
  instance?: string;
  /** How often to look for due entries (ms). */
  pollMs?: number;
  /** First retry delay (ms); doubles each failure up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long a claim holds (ms); well above the SMTP timeouts. */
  leaseMs?: number;
}

export const OUTBOX_DEFAULTS = { pollMs: 5_000, baseDelayMs: 30_000, maxDelayMs: 60 * 60_000, leaseMs: 10 * 60_000 };

/** Delay before attempt n+1 after n failures: base·2^(n-1), capped, plus up to 10% jitter. */
export function retryDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(exp + exp * 0.1 * random());
}

function errorText(err: unknown): string {
  const e = err as { code?: string; responseCode?: number; message?: string };
  const parts = [e.code, e.responseCode, e.message ?? String(err)].filter((p) => p !== undefined && p !== '');
  return parts.join(' ').slice(0, 300);
}

interface PendingList {
  refs: string[];
}

/** The ticket with the delivery state of the e-mail an outbox id stands for replaced. */
function withDelivery(ticket: Ticket, replyId: string | null, email: EmailDelivery): Ticket {
  if (replyId === null) return { ...ticket, delivery: { ...ticket.delivery, email } };
  if (ticket.reply?.id !== replyId) return ticket;
  return { ...ticket, reply: { ...ticket.reply, delivery: email } };
}

export class OutboxWorker {
  readonly owner: string;
  private readonly clock: () => Date;
  private readonly pollMs: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly leaseMs: number;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  /** Not polling (never started, or stopped). */
  private stopped = true;
  /** stop() was called: a pass under way finishes its current send and starts no other. */
  private halted = false;
  /** Leases of this instance's previous life are released before the first pass. */
  private reclaimed = false;
  private readonly instance: string;

  constructor(private readonly opts: OutboxOptions) {
    this.instance = opts.instance ?? os.hostname();
    this.owner = opts.owner ?? `${this.instance}#${process.pid}:${crypto.randomUUID().slice(0, 8)}`;
    this.clock = opts.clock ?? (() => new Date());
    this.pollMs = opts.pollMs ?? OUTBOX_DEFAULTS.pollMs;
    this.baseDelayMs = opts.baseDelayMs ?? OUTBOX_DEFAULTS.baseDelayMs;
    this.maxDelayMs = opts.maxDelayMs ?? OUTBOX_DEFAULTS.maxDelayMs;
    this.leaseMs = opts.leaseMs ?? OUTBOX_DEFAULTS.leaseMs;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halted = false;
    this.kick();
  }

  /** Look at the outbox now (a ticket was just filed), instead of at the next poll. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.runOnce()
      .then(
        () => undefined,
        (err) => this.opts.log?.error({ err }, 'outbox pass failed'),
      )
      .finally(() => {
        this.running = null;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
          return;
        }
        this.timer = setTimeout(() => this.kick(), this.pollMs);
        this.timer.unref();
      });
  }

  /** Stops polling and waits for a send under way, so the store can close after. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.halted = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    this.opts.mailer.close();
  }

  /** One pass over the due entries; returns how many e-mails this worker sent. */
  async runOnce(): Promise<number> {
    if (!this.reclaimed) {
      await this.reclaimPreviousLife();
      this.reclaimed = true;
    }
    let sent = 0;
    for (const reference of await this.opts.tickets.pendingDeliveries()) {
      if (this.halted) break;
      const claimed = await this.claim(reference);
      if (!claimed) continue;
      if (await this.deliver(reference)) sent++;
    }
    return sent;
  }

  /**
   * Releases leases held under this instance's name by another owner: this instance's earlier life,
   * killed mid-send (one instance name runs one process at a time). Its send may or may not have
   * reached the mail server; sending again is the at-least-once choice, with the same Message-ID.
   */
  private async reclaimPreviousLife(): Promise<void> {
    const mine = `${this.instance}#`;
    for (const reference of await this.opts.tickets.pendingDeliveries()) {
      const key = outboxKey(reference);
      const released = await transact(this.opts.tickets.storage, [key], (docs) => {
        const entry = docs[key] as OutboxEntry | undefined;
        if (!entry?.lease || entry.state === 'sent' || !entry.lease.owner.startsWith(mine) || entry.lease.owner === this.owner) return { result: false };
        return { writes: { [key]: { ...entry, lease: null } satisfies OutboxEntry }, result: true };
      });
      if (released) this.opts.log?.info({ reference }, 'outbox: released the lease of this instance before its restart');
    }
  }

  private async claim(reference: string): Promise<boolean> {
    const key = outboxKey(reference);
    return transact(this.opts.tickets.storage, [key], (docs) => {
      const entry = docs[key] as OutboxEntry | undefined;
      const now = this.clock();
      if (!entry || entry.state === 'sent') return { result: false };
      if (Date.parse(entry.nextAttemptAt) > now.getTime()) return { result: false };
      if (entry.lease && Date.parse(entry.lease.until) > now.getTime()) return { result: false };
      const lease = { owner: this.owner, until: new Date(now.getTime() + this.leaseMs).toISOString() };
      return { writes: { [key]: { ...entry, lease, attempts: entry.attempts + 1 } satisfies OutboxEntry }, result: true };
    });
  }

  /** The message an outbox id stands for, or why there is none. */
  private compose(ticket: Ticket, replyId: string | null): MailMessage | string {
    if (replyId === null) return this.opts.compose(ticket);
    if (ticket.reply?.id !== replyId) return 'the reply is missing from the ticket';
    if (!this.opts.composeReply) return 'this worker cannot compose replies';
    return this.opts.composeReply(ticket, ticket.reply);
  }

  /** `id`: a ticket reference (the ticket e-mail) or the outbox id of an officer's reply. */
  private async deliver(id: string): Promise<boolean> {
    const { reference, replyId } = parseOutboxId(id);
    const what = replyId === null ? 'ticket e-mail' : 'reply e-mail';
    const ticket = await this.opts.tickets.get(reference);
    if (!ticket) {
      this.opts.log?.error({ reference }, 'outbox entry without a ticket');
      await this.recordFailure(id, 'the ticket document is missing');
      return false;
    }
    let info: { messageId: string; response: string };
    try {
      const message = this.compose(ticket, replyId);
      if (typeof message === 'string') throw new Error(message);
      info = await this.opts.mailer.send(message);
    } catch (err) {
      const reason = errorText(err);
      this.opts.log?.warn({ reference, reason }, `${what} not sent; will retry`);
      await this.recordFailure(id, reason);
      return false;
    }
    await this.recordSent(id, info.messageId);
    this.opts.log?.info({ reference }, `${what} sent`);
    return true;
  }

  private async recordSent(id: string, messageId: string): Promise<void> {
    const { reference, replyId } = parseOutboxId(id);
    const oKey = outboxKey(id);
    const tKey = ticketKey(reference);
    await transact(this.opts.tickets.storage, [oKey, tKey, OUTBOX_PENDING_KEY], (docs) => {
      const entry = docs[oKey] as OutboxEntry | undefined;
      const ticket = docs[tKey] as Ticket | undefined;
      const pending = (docs[OUTBOX_PENDING_KEY] as PendingList | undefined) ?? { refs: [] };
      if (!entry) return { result: undefined };
      const at = this.clock().toISOString();
      const done: OutboxEntry = { ...entry, state: 'sent', lease: null, lastError: null, sentAt: at, messageId };
      const writes: Record<string, object> = {
        [oKey]: done,
        [OUTBOX_PENDING_KEY]: { refs: pending.refs.filter((r) => r !== id) } satisfies PendingList,
      };
      if (ticket) writes[tKey] = withDelivery(ticket, replyId, { state: 'sent', attempts: done.attempts, lastError: null, nextAttemptAt: null, sentAt: at, messageId });
      return { writes, result: undefined };
    });
  }

  private async recordFailure(id: string, reason: string): Promise<void> {
    const { reference, replyId } = parseOutboxId(id);
    const oKey = outboxKey(id);
    const tKey = ticketKey(reference);
    await transact(this.opts.tickets.storage, [oKey, tKey], (docs) => {
      const entry = docs[oKey] as OutboxEntry | undefined;
      const ticket = docs[tKey] as Ticket | undefined;
      if (!entry || entry.state === 'sent') return { result: undefined };
      const now = this.clock();
      const next = new Date(now.getTime() + retryDelay(entry.attempts, this.baseDelayMs, this.maxDelayMs)).toISOString();
      const failed: OutboxEntry = { ...entry, state: 'retrying', lease: null, lastError: reason, nextAttemptAt: next };
      const writes: Record<string, object> = { [oKey]: failed };
      if (ticket) writes[tKey] = withDelivery(ticket, replyId, { state: 'retrying', attempts: failed.attempts, lastError: reason, nextAttemptAt: next, sentAt: null, messageId: null });
      return { writes, result: undefined };
    });
  }
}
