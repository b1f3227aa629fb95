// Store keys of the console's documents. Counters are kept; the conversation markers and the
// review queue expire with RETENTION_DAYS (their prefixes are in EXPIRING_KEY_PREFIXES, bot/app.ts).
import crypto from 'crypto';

export const COUNTERS_PREFIX = 'insights/day/';
/** {day, failed}: one per conversation, keyed by a hash, so a conversation is counted once and its containment once. */
export const CONVERSATION_MARK_PREFIX = 'insights/conv/';
/** The queue, one document per KL hour (a busy day's items are not rewritten at every new one). */
export const REVIEW_PREFIX = 'review/';

export const countersKey = (day: string): string => `${COUNTERS_PREFIX}${day}`;
/** `hour`: YYYY-MM-DDTHH (klHour()). */
export const reviewKey = (hour: string): string => `${REVIEW_PREFIX}${hour}`;

export function conversationMarkKey(ref: { channelId: string; conversationId: string }): string {
  const id = `${ref.channelId}\n${ref.conversationId}`;
  // Once per turn: the one-shot hash (Node 20.12+) skips createHash's object set-up; the same digest.
  const hash = (typeof crypto.hash === 'function' ? crypto.hash('sha256', id, 'hex') : crypto.createHash('sha256').update(id).digest('hex')).slice(0, 32);
  return `${CONVERSATION_MARK_PREFIX}${hash}`;
}
