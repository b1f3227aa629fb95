// Warnings when a user shares what they should not (PDPA, account safety), and phishing
// cautions for pasted addresses that are not PERKESO's own.
import type { Understanding } from '../../intents';
import { isOfficialUrl, type KnowledgeBase } from '../../knowledge';
import { textReply } from './replies';
import type { Lang, Reply } from './types';

export function safetyWarnings(kb: KnowledgeBase, u: Understanding, lang: Lang, formAsksPersonalData: boolean): Reply[] {
  const out: string[] = [];
  // A password is never needed, not even by the escalation form.
  if (u.entities.looksLikePassword) out.push(kb.phrase('safety_password', lang));
  if (!formAsksPersonalData) {
    if (u.entities.mykads.length > 0) out.push(kb.phrase('safety_mykad', lang));
    if (u.entities.bankAccount) out.push(kb.phrase('safety_bank', lang));
  }
  if (u.entities.urls.some((url) => !isOfficialUrl(url))) out.push(kb.phrase('phishing_url', lang));
  return out.length > 0 ? [textReply(out.join('\n\n'))] : [];
}
