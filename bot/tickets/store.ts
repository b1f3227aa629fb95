// Tickets on the DocumentStore. Filing is one transaction over the ledger (number counter and
// index), the outbox list, the ticket, its outbox entry and the filing marker: after it returns,
// a killed process has lost nothing, and two processes never get the same number.
import type { TicketDraft } from '../core/types';
import { transact, type DocumentStore, type StoredDoc } from '../storage';
import { replyAddress } from './contact';
import { filingKey, LEDGER_KEY, OUTBOX_PENDING_KEY, outboxKey, replyOutboxId, ticketKey } from './keys';
import { formatReference, klYear } from './reference';
import {
  CHECKLIST_KEYS,
  type Checklist,
  type ChecklistKey,
  type OutboxEntry,
  type Ticket,
  type TicketReply,
  type TicketStatus,
  type TicketSummary,
} from './types';

interface Ledger {
  /** Year (Kuala Lumpur) of the last number given; numbering restarts each year. */
  year: number;
  last: number;
  items: TicketSummary[];
}

interface PendingList {
  refs: string[];
}

export interface FileRequest {
  draft: TicketDraft;
  channel: string;
  conversationId: string;
  /** Names one filing (conversation + start of the form): filing it again returns the same ticket. */
  identity: string;
}

export interface TicketPatch {
  status?: TicketStatus;
  /** null clears the assignee. */
  assignee?: string | null;
  note?: { author: string; text: string };
}

export interface ReplyRequest {
  /** Chosen by the page when the officer starts writing: a retried or double-clicked send carries the same id. */
  id: string;
  text: string;
  author: string;
}

/**
 * queued: the reply is stored and waits in the outbox; same: this reply was already queued (a retry);
 * taken: the ticket already has another reply; no_email: the ticket has no usable contact e-mail.
 */
export type ReplyOutcome =
  | { kind: 'queued' | 'same' | 'taken' | 'no_email'; ticket: Ticket }
  | { kind: 'not_found' };

export interface TicketPage {
  total: number;
  tickets: Ticket[];
}

function checklistFrom(values: Record<string, string>): { checklist: Checklist; missing: ChecklistKey[] } {
  const checklist: Checklist = { employerCode: null, companyName: null, repName: null, mykad: null, problem: null };
  const missing: ChecklistKey[] = [];
  for (const key of CHECKLIST_KEYS) {
    const v = values[key];
    if (typeof v === 'string' && v !== '') checklist[key] = v;
    else missing.push(key);
  }
  return { checklist, missing };
}

export class TicketStore {
  constructor(readonly storage: DocumentStore) {}

  /** Creates the ledger and outbox list on a new store, so later writes are eTag-checked. */
  async init(now: Date = new Date()): Promise<void> {
    await transact(this.storage, [LEDGER_KEY, OUTBOX_PENDING_KEY], (docs) => {
      const writes: Record<string, object> = {};
      if (!docs[LEDGER_KEY]) writes[LEDGER_KEY] = { year: klYear(now), last: 0, items: [] } satisfies Ledger;
      if (!docs[OUTBOX_PENDING_KEY]) writes[OUTBOX_PENDING_KEY] = { refs: [] } satisfies PendingList;
      return { writes, result: undefined };
    });
  }

  async file(req: FileRequest, now: Date): Promise<{ ticket: Ticket; created: boolean }> {
    const marker = filingKey(req.identity);
    const outcome = await transact(this.storage, [LEDGER_KEY, OUTBOX_PENDING_KEY, marker], (docs) => {
      const filed = docs[marker] as { reference: string } | undefined;
      if (filed) return { result: { reference: filed.reference, ticket: null as Ticket | null } };

      const year = klYear(now);
      const ledger = (docs[LEDGER_KEY] as Ledger | undefined) ?? { year, last: 0, items: [] };
      const number = ledger.year === year ? ledger.last + 1 : 1;
      const reference = formatReference(year, number);
      const at = now.toISOString();
      const { checklist, missing } = checklistFrom(req.draft.checklist);
      const ticket: Ticket = {
        reference,
        status: 'open',
        createdAt: at,
        updatedAt: at,
        checklist,
        missing,
        topics: [...req.draft.topics],
        lang: req.draft.lang,
        channel: req.channel,
        conversationId: req.conversationId,
        transcript: req.draft.transcript,
        ...(req.draft.contact ? { contact: { ...req.draft.contact } } : {}),
        assignee: null,
        notes: [],
        delivery: { email: { state: 'pending', attempts: 0, lastError: null, nextAttemptAt: at, sentAt: null, messageId: null } },
      };
      const entry: OutboxEntry = {
        reference, state: 'pending', attempts: 0, nextAttemptAt: at, lease: null, lastError: null, sentAt: null, messageId: null,
      };
      const pending = (docs[OUTBOX_PENDING_KEY] as PendingList | undefined) ?? { refs: [] };
      return {
        writes: {
          [LEDGER_KEY]: { year, last: number, items: [...ledger.items, { reference, status: 'open', createdAt: at }] } satisfies Ledger,
          [OUTBOX_PENDING_KEY]: { refs: [...pending.refs, reference] } satisfies PendingList,
          [ticketKey(reference)]: ticket,
          [outboxKey(reference)]: entry,
          [marker]: { reference, at },
        },
        result: { reference, ticket: ticket as Ticket | null },
      };
    });
    if (outcome.ticket) return { ticket: outcome.ticket, created: true };
    const existing = await this.get(outcome.reference);
    if (!existing) throw new Error(`ticket ${outcome.reference} is marked as filed but missing from the store`);
    return { ticket: existing, created: false };
  }

  async get(reference: string): Promise<Ticket | null> {
    const key = ticketKey(reference);
    const items = await this.storage.read([key]);
    return docOf<Ticket>(items[key]);
  }

  /** Newest first. `query` matches part of the reference or of the employer number, ignoring case and spaces. */
  async list(filter: { status?: TicketStatus; limit?: number; offset?: number; query?: string } = {}): Promise<TicketPage> {
    const items = await this.storage.read([LEDGER_KEY]);
    const ledger = docOf<Ledger>(items[LEDGER_KEY]);
    let all = (ledger?.items ?? []).filter((s) => !filter.status || s.status === filter.status).reverse();
    const query = (filter.query ?? '').replace(/\s+/g, '').toUpperCase();
    if (query) all = await this.matching(all, query);
    const offset = Math.max(0, filter.offset ?? 0);
    const page = all.slice(offset, offset + Math.max(1, filter.limit ?? 100));
    const keys = page.map((s) => ticketKey(s.reference));
    const docs = keys.length > 0 ? await this.storage.read(keys) : {};
    const tickets = keys.map((k) => docOf<Ticket>(docs[k])).filter((t): t is Ticket => t !== null);
    return { total: all.length, tickets };
  }

  /** The summaries whose reference or employer number contains `query` (upper-case, no spaces). */
  private async matching(summaries: TicketSummary[], query: string): Promise<TicketSummary[]> {
    const byReference = new Set(summaries.filter((s) => s.reference.includes(query)).map((s) => s.reference));
    // The employer number is only on the ticket itself: read the rest in chunks.
    const rest = summaries.filter((s) => !byReference.has(s.reference));
    for (let i = 0; i < rest.length; i += 200) {
      const keys = rest.slice(i, i + 200).map((s) => ticketKey(s.reference));
      const docs = await this.storage.read(keys);
      for (const key of keys) {
        const code = docOf<Ticket>(docs[key])?.checklist.employerCode;
        if (code && code.replace(/\s+/g, '').toUpperCase().includes(query)) byReference.add(key.slice('ticket/'.length));
      }
    }
    return summaries.filter((s) => byReference.has(s.reference));
  }

  /** Every ticket's reference, status and filing time, oldest first (the console's tickets-per-day chart). */
  async summaries(): Promise<TicketSummary[]> {
    const items = await this.storage.read([LEDGER_KEY]);
    return docOf<Ledger>(items[LEDGER_KEY])?.items ?? [];
  }

  /** Outbox ids (a reference, or a replyOutboxId for an officer's reply) whose e-mail is not sent yet, oldest first. */
  async pendingDeliveries(): Promise<string[]> {
    const items = await this.storage.read([OUTBOX_PENDING_KEY]);
    return docOf<PendingList>(items[OUTBOX_PENDING_KEY])?.refs ?? [];
  }

  /**
   * Records the officer's one reply and queues its e-mail, in one transaction: two sends at once
   * (a double click, a retried request, two officers) store one reply and one outbox entry.
   */
  async reply(reference: string, req: ReplyRequest, now: Date): Promise<ReplyOutcome> {
    const tKey = ticketKey(reference);
    const id = replyOutboxId(reference, req.id);
    const oKey = outboxKey(id);
    return transact(this.storage, [tKey, oKey, OUTBOX_PENDING_KEY], (docs): { writes?: Record<string, object>; result: ReplyOutcome } => {
      const ticket = docs[tKey] as Ticket | undefined;
      if (!ticket) return { result: { kind: 'not_found' } };
      if (ticket.reply) return { result: { kind: ticket.reply.id === req.id ? 'same' : 'taken', ticket } };
      const to = replyAddress(ticket.contact);
      if (!to) return { result: { kind: 'no_email', ticket } };
      const at = now.toISOString();
      const reply: TicketReply = {
        id: req.id, text: req.text, author: req.author, at, to,
        delivery: { state: 'pending', attempts: 0, lastError: null, nextAttemptAt: at, sentAt: null, messageId: null },
      };
      const updated: Ticket = { ...ticket, reply, updatedAt: at };
      const entry: OutboxEntry = {
        reference, replyId: req.id, state: 'pending', attempts: 0, nextAttemptAt: at, lease: null, lastError: null, sentAt: null, messageId: null,
      };
      const pending = (docs[OUTBOX_PENDING_KEY] as PendingList | undefined) ?? { refs: [] };
      return {
        writes: { [tKey]: updated, [oKey]: entry, [OUTBOX_PENDING_KEY]: { refs: [...pending.refs, id] } satisfies PendingList },
        result: { kind: 'queued', ticket: updated },
      };
    });
  }

  async update(reference: string, patch: TicketPatch, now: Date): Promise<Ticket | null> {
    const key = ticketKey(reference);
    return transact(this.storage, [key, LEDGER_KEY], (docs) => {
      const current = docs[key] as Ticket | undefined;
      if (!current) return { result: null };
      const ticket: Ticket = { ...current, updatedAt: now.toISOString() };
      if (patch.status) ticket.status = patch.status;
      if (patch.assignee !== undefined) ticket.assignee = patch.assignee;
      if (patch.note) ticket.notes = [...current.notes, { author: patch.note.author, at: now.toISOString(), text: patch.note.text }];
      const writes: Record<string, object> = { [key]: ticket };
      const ledger = docs[LEDGER_KEY] as Ledger | undefined;
      if (ledger && patch.status && patch.status !== current.status) {
        writes[LEDGER_KEY] = { ...ledger, items: ledger.items.map((s) => (s.reference === reference ? { ...s, status: patch.status! } : s)) };
      }
      return { writes, result: ticket };
    });
  }
}

function docOf<T>(stored: StoredDoc | undefined): T | null {
  return stored ? (stored.doc as T) : null;
}
