// What the console records: per-day counters (no personal data, kept) and the not-understood
// queue (redacted messages, deleted RETENTION_DAYS after their last write like conversations).
import type { Lang, Ranked } from '../../intents';
import type { TurnOutcome } from '../core/types';

export type Vote = 'up' | 'down';

/** A 👍/👎 on one answer, as a channel reports it (the conversation side sends these). */
export interface FeedbackEvent {
  ref: { channelId: string; conversationId: string; userId: string };
  /** Which answer was rated (e.g. the intent, or intent.part); letters, digits and _.:- only. */
  answerId: string;
  intent: string;
  lang: Lang;
  vote: Vote;
  /** The user's answer to "What was missing?"; redacted again before it is kept. */
  missing?: string;
  /** The user message the answer replied to, already redacted (HandledTurn.loggableText). */
  redactedMessage: string;
  /** What was missing, said after a 👎 already recorded: it completes that 👎's queue item, not counted again. */
  followUp?: boolean;
  /** When the 👍/👎 was pressed (ISO); a vote and its follow-up share it, so they share one queue item. */
  votedAt?: string;
}

/** Why a message is in the queue: the bot asked which topic, could not place it, ruled it out of scope, or its answer got 👎. */
export type ReviewReason = Exclude<TurnOutcome, 'answer'> | 'down';

export interface ReviewItem {
  /** `<day>~<random>`: the day names the document that holds it. */
  id: string;
  at: string;
  lang: Lang;
  reason: ReviewReason;
  /** Redacted. */
  message: string;
  /** The classifier's top three with confidences. */
  top: Ranked[];
  /** 👎 only: the intent and answer that did not help, and what the user said was missing (redacted). */
  intent?: string;
  answerId?: string;
  missing?: string;
  /** The intent a staff member said it was ('out_of_scope' for "truly out of scope"). */
  label?: string;
  labelledAt?: string;
}

/** One KL day's counters. Keys are intent ids, answer ids and language codes only: nothing a user typed. */
export interface DayCounters {
  day: string;
  /** Conversations whose first message came this day. */
  conversations: number;
  /** Of those, the ones that later filed a ticket or gave a 👎 (containment = 1 - uncontained / conversations). */
  uncontained: number;
  messages: number;
  /** Messages the bot asked about, could not place, or ruled out of scope. */
  notUnderstood: number;
  outcomes: Partial<Record<TurnOutcome, number>>;
  intents: Record<string, number>;
  langs: Record<string, number>;
  feedback: Record<string, { up: number; down: number }>;
}

export function emptyDay(day: string): DayCounters {
  return { day, conversations: 0, uncontained: 0, messages: 0, notUnderstood: 0, outcomes: {}, intents: {}, langs: {}, feedback: {} };
}
