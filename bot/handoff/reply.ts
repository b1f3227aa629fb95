// The reply once a ticket is stored: its reference, and what happens next, which depends on
// whether the Careline is open right now (hours from knowledge/hotline.yaml). The words are in
// knowledge/phrases.yaml (ticket_filed, group ticket).
import type { KnowledgeBase } from '../../knowledge';
import type { Lang, Reply } from '../core/types';

/** PERKESO Careline (FACTS.md §6). */
export const CARELINE = '1-300-22-8000';

export function ticketFiledReply(kb: KnowledgeBase, reference: string, lang: Lang, now: Date): Reply {
  const status = kb.hotlineStatus(now);
  const next = kb.phrase(status.open ? 'ticket.next_open' : 'ticket.next_closed', lang, { careline: CARELINE, reference, status: status[lang] });
  return {
    text: `${kb.phrase('ticket_filed', lang, { reference })}\n\n${next}`,
    suggestedActions: [{ title: kb.phrase('menu_button', lang), value: 'menu' }],
  };
}
