// How sure the classifier must be before the bot answers, asks, or admits it does not know.
import { isIntent, type Classification, type IntentId } from '../../intents';

/** Answer directly at or above this confidence. */
export const ANSWER_AT = 0.6;
/** Below ANSWER_AT but at least this: ask which of the top intents was meant. */
export const CLARIFY_AT = 0.3;
/** A runner-up must reach this to be offered as a clarification choice. */
export const RUNNER_UP_AT = 0.12;
/**
 * A short, unsure message right after an answer may be a follow-up on that topic ("what documents
 * needed?", "how long does approval take"): it is read again together with the topic. Only when the
 * first reading is unsure: below this out-of-scope confidence, or a help-menu reading below the next.
 */
export const FOLLOW_UP_WHEN_OUT_OF_SCOPE_BELOW = 0.5;
export const FOLLOW_UP_WHEN_MENU_BELOW = 0.8;
export const FOLLOW_UP_MAX_WORDS = 8;
/** How sure the reading with the topic must be to answer on that topic. */
export const FOLLOW_UP_AT = 0.8;
/**
 * A reading of another topic at least this sure outweighs the conversation's context: it is not taken as
 * a change to the last quote, and inside a form it is answered as a question (the form then asks again).
 */
export const OTHER_TOPIC_AT = 0.8;
/** Offer an officer after this many misses in a row. */
export const MISSES_BEFORE_OFFICER = 2;
/** Escalation tickets one conversation may file in one Kuala Lumpur day. */
export const TICKETS_PER_CONVERSATION_PER_DAY = 3;
/**
 * A form left unanswered this long is dropped with what it collected (names, MyKad numbers): the
 * next message starts afresh rather than being taken as a stale answer.
 */
export const FORM_IDLE_MINUTES = 60;
/** Longest message the bot reads. */
export const MAX_MESSAGE_CHARS = 2000;

export type Decision =
  | { kind: 'answer'; intent: IntentId }
  | { kind: 'clarify'; intents: IntentId[] }
  | { kind: 'miss' };

export function decide(c: Classification): Decision {
  if (isIntent(c.intent, 'out_of_scope')) return { kind: 'miss' };
  if (c.confidence >= ANSWER_AT) return { kind: 'answer', intent: c.intent };
  if (c.confidence >= CLARIFY_AT) {
    const choices = c.ranking
      .filter((r) => !isIntent(r.intent, 'out_of_scope') && r.confidence >= RUNNER_UP_AT)
      .slice(0, 3)
      .map((r) => r.intent);
    if (choices.length >= 2) return { kind: 'clarify', intents: choices };
    return { kind: 'answer', intent: c.intent };
  }
  return { kind: 'miss' };
}
