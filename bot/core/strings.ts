// Words the conversation engine itself says (button labels, clarifying questions). The texts live in
// knowledge/phrases.yaml (support staff edit them there); this table names them for the code, and the
// phrase keys are typed, so a key that is not in the file fails to compile.
import { phrasePairs, type IntentId, type KnowledgeBase } from '../../knowledge';
import type { Bilingual, Lang } from '../../locale';

export type { Bilingual };

export function pick(b: Bilingual, lang: Lang): string {
  return b[lang];
}

/** The short label of an intent, as on its button in knowledge/intents.yaml (support staff edit it there). */
export function intentLabel(kb: Pick<KnowledgeBase, 'button'>, intent: IntentId, lang: Lang): string {
  return kb.button(intent, lang)?.title ?? intent;
}

export const S = phrasePairs({
  clarify: 'clarify',
  source: 'source_label',
  quoteAskWage: 'quote_ask_wage',
  quoteBadWage: 'quote_invalid_wage',
  quoteChangeAge60: 'quote_buttons.age_60',
  quoteChangeAgeUnder60: 'quote_buttons.age_under_60',
  quoteChangeForeign: 'quote_buttons.foreign',
  quoteChangeLocal: 'quote_buttons.local',
  quoteChangeOptOut: 'quote_buttons.opted_out',
  cancelled: 'cancelled',
  nothingToCancel: 'nothing_to_cancel',
  tooLong: 'message_too_long',
  empty: 'empty_message',
  error: 'error_reply',
  languageSwitched: 'language_switched',
});
