export { TicketStore, type FileRequest, type TicketPatch, type TicketPage } from './store';
export { formatReference, isReference, klYear, REFERENCE_PATTERN } from './reference';
export { LEDGER_KEY, OUTBOX_PENDING_KEY, outboxKey, ticketKey } from './keys';
export * from './types';
export { maskMyKad, ticketForList, ticketForOne, type ListedTicket } from './views';
export { displayText, knownChannel, KNOWN_CHANNELS } from './display';
