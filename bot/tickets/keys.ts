// Storage keys of the ticket documents. Tickets, their index and the outbox live in the same
// DocumentStore as conversation state, so one store holds everything durable.
import crypto from 'crypto';

/** {year, last, items}: the number counter and the index of every ticket, in one document. */
export const LEDGER_KEY = 'tickets/ledger';
/** {refs}: tickets whose e-mail has not been accepted yet. */
export const OUTBOX_PENDING_KEY = 'outbox/pending';

export const ticketKey = (reference: string): string => `ticket/${reference}`;
export const outboxKey = (reference: string): string => `outbox/${reference}`;

/** One filing (a conversation and the start of its form): a retried turn finds the ticket it already filed. */
export function filingKey(identity: string): string {
  return `ticket-filing/${crypto.createHash('sha256').update(identity).digest('hex').slice(0, 40)}`;
}
