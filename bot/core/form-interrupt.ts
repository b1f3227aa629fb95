// A message inside a form that is not an answer to its question: a question ("hotline berapa?", "apa
// itu kod majikan?") or another request ("cara bayar macam mana?"). It is answered and the form asks its
// question again; it is never stored as the answer.
//
// How it is decided, at the current step:
// 1. A valid answer wins at a format-checked step (an employer number, a MyKad, an amount, a month):
//    "A3100001237X" is the answer even if the classifier leans elsewhere. At a free-text step (a name,
//    the problem) almost anything passes the check, so there a message that reads as a question is not
//    taken as the answer.
// 2. Asking confidently for an intent that leaves forms (leaves_form in knowledge/intents.yaml: an officer)
//    leaves a form it does not belong to (the quote or interest form, not the escalation checklist).
// 3. A confident reading (>= 0.8) as another topic is answered with that topic's answer.
// 4. A question about something else, or about the step itself, gets the step's help text.
// 5. Anything else is a wrong answer: the runner says why and asks again.
import type { IntentId, Understanding } from '../../intents';
import type { IntentCatalogue } from '../../knowledge';
import type { FormDefinition, FormField } from './forms';
import { ESCALATION_FORM_ID } from './forms/escalation';
import { LATE_INTEREST_FORM_ID } from './forms/late-interest';
import { QUOTE_WAGE_FORM_ID } from './forms/quote-wage';
import { OTHER_TOPIC_AT } from './policy';

export type Interruption = { kind: 'answer'; intent: IntentId } | { kind: 'field_help' } | { kind: 'leave'; intent: IntentId } | null;

/** Topics that belong to the form itself: a message read as one of them is an attempt at the answer. */
const OWN_TOPICS: Record<string, Set<IntentId>> = {
  [QUOTE_WAGE_FORM_ID]: new Set(['contribution_quote', 'contribution_rates']),
  [LATE_INTEREST_FORM_ID]: new Set(['late_payment', 'contribution_quote']),
  [ESCALATION_FORM_ID]: new Set(['human_handoff']),
};

// A question mark, or an opening question word ("apa itu ...", "how do I ...", "kenapa ...").
const QUESTION =
  /\?|^\s*(?:apa(?:kah)?\s+(?:itu|tu|ni|ini|maksud)|apakah|kenapa|mengapa|bagaimana|macam\s*mana|mcm\s*mana|camne|camana|berapa|bila|siapa|boleh\s*(?:ke|tak)|what(?:'s|\s+is|\s+are|\s+does)|how\s+(?:do|can|to|much|long|many|does)|why|where|when|who|which|can\s+i|do\s+i|is\s+there)\b/i;

export function looksLikeQuestion(text: string): boolean {
  return QUESTION.test(text);
}

export function interruption(form: FormDefinition, field: FormField, text: string, u: Understanding, catalogue: IntentCatalogue): Interruption {
  const question = looksLikeQuestion(text);
  const valid = field.validate(text, u).ok;
  if (valid && (!field.freeText || !question)) return null;

  const confident = u.confidence >= OTHER_TOPIC_AT;
  const own = OWN_TOPICS[form.id]?.has(u.intent) ?? false;
  if (confident && !own && catalogue.has(u.intent, 'leaves_form')) return { kind: 'leave', intent: u.intent };
  // Small talk is not a topic to answer.
  if (confident && !own && !catalogue.has(u.intent, 'small_talk')) return { kind: 'answer', intent: u.intent };
  if (question) return { kind: 'field_help' };
  return null;
}
