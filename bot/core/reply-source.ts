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

/**
 * A short fingerprint of a reply's text: tells a rebuild whether the knowledge base has changed the text
 * since. Not a security hash: a 53-bit string hash in JavaScript, summed on every turn (sha1 through
 * node:crypto cost 3% of a quote turn, issue 15). Marked "~" to tell it from the sha1 sums stored before.
 */
export function textSum(text: string): string {
  return `~${hash53(text).toString(36)}`;
}

/** Whether `text` is the text that `sum` was made from (either kind of sum). */
export function sameText(text: string, sum: string): boolean {
  if (sum.startsWith('~')) return textSum(text) === sum;
  return crypto.createHash('sha1').update(text).digest('base64url').slice(0, 8) === sum;
}

/** cyrb53 (public domain): two 32-bit multiply-xorshift lanes combined into 53 bits. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
