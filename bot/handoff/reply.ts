// The reply once a ticket is stored: its reference, and what happens next, which depends on
// whether the Careline is open right now (hours from knowledge/hotline.yaml). The words are in
// knowledge/phrases.yaml (ticket_filed, group ticket).
import type { KnowledgeBase } from '../../knowledge';
import type { Lang, Reply } from '../core/types';
import type { Ticket } from '../tickets/types';

/** PERKESO Careline (FACTS.md §6). */
export const CARELINE = '1-300-22-8000';

/** The promise of a reply: by e-mail or phone if given; otherwise the Careline and the reference. */
function replyPromise(kb: KnowledgeBase, contact: Ticket['contact'], reference: string, lang: Lang): string {
  if (contact?.email) return kb.phrase('reply_by_email', lang, { contact: contact.email });
  if (contact?.phone) return kb.phrase('reply_by_phone', lang, { contact: contact.phone });
  return kb.phrase('reply_no_contact', lang, { reference });
}

export function ticketFiledReply(kb: KnowledgeBase, reference: string, lang: Lang, now: Date, contact?: Ticket['contact']): Reply {
  const status = kb.hotlineStatus(now);
  const reply = replyPromise(kb, contact, reference, lang);
  const next = kb.phrase(status.open ? 'ticket.next_open' : 'ticket.next_closed', lang, { careline: CARELINE, reference, status: status[lang], reply });
  return {
    text: `${kb.phrase('ticket_filed', lang, { reference })}\n\n${next}`,
    suggestedActions: [{ title: kb.phrase('menu_button', lang), value: 'menu' }],
  };
}
