// Where a reply's text came from, so the transcript in conversation state can keep a short reference
// instead of the text, and a ticket can rebuild the text from the knowledge base and the calculators.
// Builders mark the replies they make (answerReply, quoteReply, quoteWhyReply); a reply changed after
// it was marked keeps the reference only while the marked text is still in it whole.
import crypto from 'crypto';
import type { QuoteRequest } from '../../calculators';
import type { Lang, Reply } from './types';

/** What rebuilds a reply's text: the same call with the same inputs, at the turn's time. */
export type ReplySource =
  /** A knowledge-base answer (or, with `more`, its continuation) followed by its source line. */
  | { answer: string; lang: Lang; variant?: string; parts?: string[]; more?: true }
  /** The short quote for a request. */
  | { quote: QuoteRequest; lang: Lang }
  /** The full explanation ("Why?") of the quote made from `why` at `at` (ISO). */
  | { why: QuoteRequest; at: string; lang: Lang };

interface Marked {
  source: ReplySource;
  /** The text the source rebuilds, as it was when the reply was made. */
  text: string;
}

// Keyed by the reply object: nothing is added to the reply itself, so channels never see it.
const marks = new WeakMap<Reply, Marked>();

export function markSource<R extends Reply>(reply: R, source: ReplySource): R {
  marks.set(reply, { source, text: reply.text });
  return reply;
}

/** The reply's text as a source plus the literal text around it, or null when it cannot be rebuilt. */
export function sourceOf(reply: Reply): { source: ReplySource; text: string; head: string; tail: string } | null {
  const mark = marks.get(reply);
  if (!mark) return null;
  const at = reply.text.indexOf(mark.text);
  if (at < 0) return null;
  return { source: mark.source, text: mark.text, head: reply.text.slice(0, at), tail: reply.text.slice(at + mark.text.length) };
}

/** A short fingerprint of a reply's text: tells a rebuild whether the knowledge base has changed the text since. */
export function textSum(text: string): string {
  // Every answer and quote is summed each turn: the one-shot hash (Node 20.12+) skips createHash's object set-up.
  const sum = typeof crypto.hash === 'function' ? crypto.hash('sha1', text, 'base64url') : crypto.createHash('sha1').update(text).digest('base64url');
  return sum.slice(0, 8);
}
