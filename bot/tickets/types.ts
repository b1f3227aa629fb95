// A ticket as stored and as support staff see it.
import type { Lang, TranscriptTurn } from '../core/types';

export const TICKET_STATUSES = ['open', 'in_progress', 'resolved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export function isTicketStatus(value: unknown): value is TicketStatus {
  return typeof value === 'string' && (TICKET_STATUSES as readonly string[]).includes(value);
}

/** What the officer needs to act; null where the user skipped the item. */
export interface Checklist {
  employerCode: string | null;
  companyName: string | null;
  repName: string | null;
  /** The full 12 digits: shown whole only on a single ticket, masked everywhere else. */
  mykad: string | null;
  problem: string | null;
}

export type ChecklistKey = keyof Checklist;
export const CHECKLIST_KEYS: readonly ChecklistKey[] = ['employerCode', 'companyName', 'repName', 'mykad', 'problem'];

/** pending: not tried yet; retrying: failed at least once, will try again; sent: accepted by the mail server. */
export type DeliveryState = 'pending' | 'retrying' | 'sent';

export interface EmailDelivery {
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  messageId: string | null;
}

export interface TicketNote {
  author: string;
  at: string;
  text: string;
}

/** The one e-mail reply an officer sends the employer from /staff; `id` names it so a retried send is the same send. */
export interface TicketReply {
  id: string;
  text: string;
  author: string;
  at: string;
  /** The contact e-mail it goes to. */
  to: string;
  delivery: EmailDelivery;
}

export interface Ticket {
  reference: string;
  status: TicketStatus;
  createdAt: string;
  updatedAt: string;
  checklist: Checklist;
  /** Checklist items the user could not give (skipped after repeated wrong answers). */
  missing: ChecklistKey[];
  /** Topics the user asked about before asking for a person. */
  topics: string[];
  lang: Lang;
  channel: string;
  conversationId: string;
  /** The last turns, with personal data redacted. */
  transcript: TranscriptTurn[];
  contact?: { email?: string; phone?: string };
  assignee: string | null;
  notes: TicketNote[];
  delivery: { email: EmailDelivery };
  /** Absent until an officer sends the employer a reply. */
  reply?: TicketReply;
}

/** One line of the ticket index: enough to list and filter without reading every ticket. */
export interface TicketSummary {
  reference: string;
  status: TicketStatus;
  createdAt: string;
}

/** The e-mail still to send for a ticket; `lease` marks the worker sending it right now. */
export interface OutboxEntry {
  reference: string;
  /** Set on the entry of an officer's reply (see replyOutboxId); absent on the ticket e-mail's. */
  replyId?: string;
  state: DeliveryState;
  attempts: number;
  nextAttemptAt: string;
  lease: { owner: string; until: string } | null;
  lastError: string | null;
  sentAt: string | null;
  messageId: string | null;
}
