// 👍 / 👎 on answers and quotes: the two buttons put on a reply, what pressing one does, and the
// optional "what was missing?" that may follow a 👎. The core only says what happened (a feedback
// effect); the composition root records it for the console.
import { redact } from '../../intents';
import type { Answer, KnowledgeBase } from '../../knowledge';
import type { Offers } from './replies';
import { textReply } from './replies';
import { lastUserText } from './transcript';
import type { ConversationState, FeedbackEffect, Lang, OfferedAction, Reply } from './types';

export const THUMBS_UP = '👍';
export const THUMBS_DOWN = '👎';

/** The answer id the console counts: the intent, or intent.part when the message asked about one part. */
export function answerIdOf(answer: Pick<Answer, 'intent' | 'parts'>): string {
  const part = answer.parts?.[0];
  return part ? `${answer.intent}.${part}` : answer.intent;
}

/** Adds 👍 / 👎 after the reply's own buttons (Web Chat) and as the reply's rating (a Teams card's actions). */
export function withRating(reply: Reply, kb: KnowledgeBase, offers: Offers, lang: Lang, answerId: string, intent: string): Reply {
  const vote = (v: 'up' | 'down'): OfferedAction => ({ kind: 'feedback', vote: v, answerId, intent });
  const actions = [offers.button(THUMBS_UP, vote('up')), offers.button(THUMBS_DOWN, vote('down'))];
  reply.suggestedActions = [...(reply.suggestedActions ?? []), ...actions];
  reply.rating = { prompt: kb.phrase('feedback_ask', lang), actions };
  return reply;
}

export interface FeedbackTurn {
  reply: Reply;
  effect: FeedbackEffect;
}

/** A pressed 👍 (thanks) or 👎 (what was missing?, and an officer offered). */
export function pressFeedback(
  kb: KnowledgeBase,
  state: ConversationState,
  action: Extract<OfferedAction, { kind: 'feedback' }>,
  lang: Lang,
  officer: Reply['suggestedActions'],
  now: Date,
): FeedbackTurn {
  // The user message the rated answer replied to (the transcript's, already redacted).
  const message = lastUserText(state.transcript) ?? '';
  const at = now.toISOString();
  const effect: FeedbackEffect = { kind: 'feedback', answerId: action.answerId, intent: action.intent, lang, vote: action.vote, redactedMessage: message, votedAt: at };
  if (action.vote === 'up') return { reply: textReply(kb.phrase('feedback_thanks', lang)), effect };
  state.feedbackAsked = { answerId: action.answerId, intent: action.intent, message, at };
  return { reply: textReply(kb.phrase('feedback_what_missing', lang), officer), effect };
}

/** The message after a 👎 that the bot could not place: what was missing, thanked for, an officer offered. */
export function missingAnswer(kb: KnowledgeBase, asked: NonNullable<ConversationState['feedbackAsked']>, text: string, lang: Lang, officer: Reply['suggestedActions']): FeedbackTurn {
  return {
    reply: textReply(kb.phrase('feedback_missing_thanks', lang), officer),
    effect: { kind: 'feedback', answerId: asked.answerId, intent: asked.intent, lang, vote: 'down', redactedMessage: asked.message, missing: redact(text), votedAt: asked.at },
  };
}
