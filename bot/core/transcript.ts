// The running transcript kept in conversation state (for escalation tickets). The user's side is
// kept redacted. The bot's side is kept as a reference to what built each reply (a knowledge-base
// answer, a quote) where there is one, and as redacted text otherwise; a ticket gets the full text
// back with fullTranscript(). Only the literal text is redacted per turn: answers and quotes are
// rebuilt and redacted once, when a ticket is filed.
import { redact } from '../../intents';
import type { Agency, KnowledgeBase } from '../../knowledge';
import { quoteReply } from './quote-flow';
import { quoteWhyReply } from './quote-text';
import { answerReply, Offers } from './replies';
import { sourceOf, type ReplySource } from './reply-source';
import type { Reply, StoredBotReply, StoredTurn, TranscriptTurn } from './types';

export const TRANSCRIPT_TURNS = 20;

export function appendTurns(
  transcript: StoredTurn[],
  userText: string,
  replies: Reply[],
  now: Date,
): StoredTurn[] {
  const at = now.toISOString();
  const added: StoredTurn[] = [{ from: 'user', text: redact(userText), at }];
  for (const r of replies) added.push(storedReply(r, at));
  return [...transcript, ...added].slice(-TRANSCRIPT_TURNS);
}

function storedReply(reply: Reply, at: string): StoredTurn {
  const built = sourceOf(reply);
  if (!built) return { from: 'bot', text: redact(reply.text), at };
  const turn: StoredBotReply = { from: 'bot', reply: built.source, at };
  if (built.head) turn.head = redact(built.head);
  if (built.tail) turn.tail = redact(built.tail);
  return turn;
}

/**
 * The transcript with every bot reply's full text, as an officer reads it. A reply whose source can no
 * longer be rebuilt (an answer removed from the knowledge base since) is shown as a note, never dropped.
 * State written before replies were kept as references holds full text, which is shown as it is.
 */
export function fullTranscript(kb: KnowledgeBase, transcript: readonly StoredTurn[]): TranscriptTurn[] {
  return transcript.map((turn) => {
    if (!('reply' in turn)) return { from: turn.from, text: turn.text, at: turn.at };
    const text = `${turn.head ?? ''}${rebuild(kb, turn.reply, new Date(turn.at))}${turn.tail ?? ''}`;
    return { from: 'bot', text, at: turn.at };
  });
}

function rebuild(kb: KnowledgeBase, source: ReplySource, at: Date): string {
  const offers = new Offers(kb);
  try {
    if ('answer' in source) {
      const answer = source.more
        ? kb.more(source.answer, source.lang, { now: at })
        : kb.answer(source.answer, source.lang, { now: at, agency: (source.variant ?? null) as Agency | null, parts: source.parts ?? [] });
      if (answer) return redact(answerReply(answer, source.lang, offers).text);
    } else if ('quote' in source) {
      return redact(quoteReply(source.quote, source.lang, offers, at).reply.text);
    } else {
      return redact(quoteWhyReply(source.why, source.at, source.lang, offers).text);
    }
  } catch {
    // fall through to the note
  }
  return '[reply no longer available]';
}
