// Short follow-up questions on the last topic ("what documents needed?", "how long does approval
// take") carry no topic words of their own. When the first reading is unsure, the message is read
// again together with the last topic's phrase; if that clearly gives the same topic, it is a follow-up.
import { isIntent, type IntentId, type Understanding } from '../../intents';
import type { CoreDeps } from './turn';
import {
  CLARIFY_AT,
  FOLLOW_UP_AT,
  FOLLOW_UP_MAX_WORDS,
  FOLLOW_UP_WHEN_MENU_BELOW,
  FOLLOW_UP_WHEN_OUT_OF_SCOPE_BELOW,
  type Decision,
} from './policy';
import type { ConversationState, Lang } from './types';

// Traits from knowledge/intents.yaml: `generic` readings say nothing about a topic (a follow-up question often
// looks like one); small talk and `no_follow_up` intents (quotes, the escalation form) are never followed up here.

/** The last topic when `u` is a follow-up on it, else null. */
export function topicFollowedUp(deps: CoreDeps, state: ConversationState, u: Understanding, decision: Decision, lang: Lang): IntentId | null {
  const last = state.lastIntent;
  const catalogue = deps.kb.catalogue;
  if (!last || catalogue.has(last, 'small_talk') || catalogue.has(last, 'no_follow_up')) return null;
  const unsure =
    decision.kind === 'clarify' ||
    (decision.kind === 'miss' && !(isIntent(u.intent, 'out_of_scope') && u.confidence >= FOLLOW_UP_WHEN_OUT_OF_SCOPE_BELOW)) ||
    (decision.kind === 'answer' && isIntent(decision.intent, 'help_menu') && u.confidence < FOLLOW_UP_WHEN_MENU_BELOW);
  if (!unsure || u.text.trim().split(/\s+/).length > FOLLOW_UP_MAX_WORDS) return null;
  // A message that on its own leans to another topic is about that topic, not a follow-up.
  if (!catalogue.has(u.intent, 'generic') && u.intent !== last && u.confidence >= CLARIFY_AT) return null;
  const topic = deps.kb.button(last, lang)?.value;
  if (!topic) return null;
  const again = deps.understander.understand(`${topic} ${u.text}`, { lang });
  return again.intent === last && again.confidence >= FOLLOW_UP_AT ? last : null;
}
