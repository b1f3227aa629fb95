// The per-day ticket allowance as the core sees it: checked when the user asks for an officer,
// so nobody fills in the whole checklist only to be told no ticket can be filed. The shell
// (bot/limits/ticket-quota.ts) enforces the same limit in the store for every instance.
import { fillPlaceholders, phrasePair } from '../../knowledge';
import { klDate } from '../../locale';
import { TICKETS_PER_CONVERSATION_PER_DAY } from './policy';
import type { Lang, Reply, TicketsToday } from './types';

export function klDay(now: Date): string {
  return klDate(now);
}

export function recordTicket(tickets: TicketsToday | undefined, reference: string, now: Date): TicketsToday {
  const day = klDay(now);
  const references = tickets?.day === day ? tickets.references : [];
  return { day, references: references.includes(reference) ? references : [...references, reference] };
}

/** References filed today when the allowance is used up, else null. */
export function ticketAllowanceUsed(tickets: TicketsToday | undefined, now: Date): string[] | null {
  if (!tickets || tickets.day !== klDay(now)) return null;
  return tickets.references.length >= TICKETS_PER_CONVERSATION_PER_DAY ? tickets.references : null;
}

const QUOTA_REACHED = phrasePair('ticket.quota_reached');

export function quotaReply(lang: Lang, references: string[]): Reply {
  const refs = references.join(', ');
  const max = TICKETS_PER_CONVERSATION_PER_DAY;
  return {
    text: fillPlaceholders(QUOTA_REACHED[lang], { max: String(max), references: refs }, 'phrase ticket.quota_reached'),
  };
}
