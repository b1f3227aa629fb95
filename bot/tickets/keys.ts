// Storage keys of the ticket documents. Tickets, their index and the outbox live in the same
// DocumentStore as conversation state, so one store holds everything durable.
import crypto from 'crypto';

/** {year, last, items}: the number counter and the index of every ticket, in one document. */
export const LEDGER_KEY = 'tickets/ledger';
/** {refs}: tickets whose e-mail has not been accepted yet. */
export const OUTBOX_PENDING_KEY = 'outbox/pending';

export const ticketKey = (reference: string): string => `ticket/${reference}`;
/** `id` is a ticket reference (the ticket e-mail) or a replyOutboxId (an officer's reply). */
export const outboxKey = (id: string): string => `outbox/${id}`;

/** The outbox id of an officer's reply: one per ticket and reply id, so sending it again finds the same entry. */
export const replyOutboxId = (reference: string, replyId: string): string => `${reference}/reply/${replyId}`;

/** Which ticket an outbox id belongs to, and which reply if it is one. */
export function parseOutboxId(id: string): { reference: string; replyId: string | null } {
  const m = /^([^/]+)\/reply\/(.+)$/.exec(id);
  return m ? { reference: m[1], replyId: m[2] } : { reference: id, replyId: null };
}

/** One filing (a conversation and the start of its form): a retried turn finds the ticket it already filed. */
export function filingKey(identity: string): string {
  return `ticket-filing/${crypto.createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}
