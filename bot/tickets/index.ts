export { TicketStore, type FileRequest, type TicketPatch, type TicketPage, type ReplyRequest, type ReplyOutcome } from './store';
export { formatReference, isReference, klYear, REFERENCE_PATTERN } from './reference';
export { LEDGER_KEY, OUTBOX_PENDING_KEY, outboxKey, parseOutboxId, replyOutboxId, ticketKey } from './keys';
export { replyAddress } from './contact';
export * from './types';
export { maskMyKad, ticketForList, ticketForOne, type ListedTicket } from './views';
export { displayText, knownChannel, KNOWN_CHANNELS } from './display';
