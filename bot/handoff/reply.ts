// The reply once a ticket is stored: its reference, and what happens next, which depends on
// whether the Careline is open right now (hours from knowledge/hotline.yaml).
import type { KnowledgeBase } from '../../knowledge';
import type { Bilingual } from '../core/strings';
import type { Lang, Reply } from '../core/types';

/** PERKESO Careline (FACTS.md §6). */
export const CARELINE = '1-300-22-8000';

const NEXT_OPEN: Bilingual = {
  ms: 'Seterusnya: pegawai akan menyemak kes anda dan membalas melalui e-mel. Anda juga boleh menelefon Careline sekarang di {careline} dan sebut nombor rujukan {reference}. {status}',
  en: 'What happens next: an officer will review your case and reply by e-mail. You can also call the Careline now on {careline} and quote {reference}. {status}',
};

const NEXT_CLOSED: Bilingual = {
  ms: 'Seterusnya: pegawai akan menyemak kes anda dan menjawab melalui e-mel. {status} Jika anda menelefon Careline ({careline}) selepas itu, sebut nombor rujukan {reference}.',
  en: 'What happens next: an officer will review your case and answer by e-mail. {status} If you call the Careline ({careline}) then, quote {reference}.',
};

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}

export function ticketFiledReply(kb: KnowledgeBase, reference: string, lang: Lang, now: Date): Reply {
  const status = kb.hotlineStatus(now);
  const next = fill((status.open ? NEXT_OPEN : NEXT_CLOSED)[lang], { careline: CARELINE, reference, status: status[lang] });
  return {
    text: `${kb.phrase('ticket_filed', lang, { reference })}\n\n${next}`,
    suggestedActions: [{ title: 'Menu', value: 'menu' }],
  };
}
