// The reply once a ticket is stored: its reference, and what happens next, which depends on
// whether the Careline is open right now (hours from knowledge/hotline.yaml).
import { hotlineStatus, type KnowledgeBase } from '../../knowledge';
import type { Bilingual } from '../core/strings';
import type { Lang, Reply } from '../core/types';
import type { Ticket } from '../tickets/types';

/** PERKESO Careline (FACTS.md §6). */
export const CARELINE = '1-300-22-8000';

// {reply}: how the officer replies, only on a channel the user gave (phrases reply_by_*).
const NEXT_OPEN: Bilingual = {
  ms: 'Seterusnya: {reply} Anda juga boleh menelefon Careline sekarang di {careline} dan sebut nombor rujukan {reference}. {status}',
  en: 'What happens next: {reply} You can also call the Careline now on {careline} and quote {reference}. {status}',
};

const NEXT_CLOSED: Bilingual = {
  ms: 'Seterusnya: {reply} {status} Jika anda menelefon Careline ({careline}) selepas itu, sebut nombor rujukan {reference}.',
  en: 'What happens next: {reply} {status} If you call the Careline ({careline}) then, quote {reference}.',
};

/** The promise of a reply: by e-mail or phone if given; otherwise the Careline and the reference. */
function replyPromise(kb: KnowledgeBase, contact: Ticket['contact'], reference: string, lang: Lang): string {
  if (contact?.email) return kb.phrase('reply_by_email', lang, { contact: contact.email });
  if (contact?.phone) return kb.phrase('reply_by_phone', lang, { contact: contact.phone });
  return kb.phrase('reply_no_contact', lang, { reference });
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function ticketFiledReply(kb: KnowledgeBase, reference: string, lang: Lang, now: Date, contact?: Ticket['contact']): Reply {
  const status = hotlineStatus(now);
  const reply = replyPromise(kb, contact, reference, lang);
  const next = fill((status.open ? NEXT_OPEN : NEXT_CLOSED)[lang], { careline: CARELINE, reference, status: status[lang], reply });
  return {
    text: `${kb.phrase('ticket_filed', lang, { reference })}\n\n${next}`,
    suggestedActions: [{ title: 'Menu', value: 'menu' }],
  };
}
