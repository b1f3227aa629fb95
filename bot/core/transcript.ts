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
import { sourceOf, textSum, type ReplySource } from './reply-source';
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
  const turn: StoredBotReply = { from: 'bot', reply: built.source, sum: textSum(built.text), at };
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
    const text = `${turn.head ?? ''}${rebuild(kb, turn.reply, turn.sum, new Date(turn.at))}${turn.tail ?? ''}`;
    return { from: 'bot', text, at: turn.at };
  });
}

// Officer-facing notes, in both languages as the rest of the ticket.
const GONE = '[jawapan ini tiada lagi / this reply is no longer available]';
const CHANGED = '\n[jawapan ini telah diubah selepas dihantar; teks semasa ditunjukkan / this reply was changed after it was sent; the current text is shown]';

function rebuild(kb: KnowledgeBase, source: ReplySource, sum: string, at: Date): string {
  let text: string | null = null;
  try {
    text = render(kb, source, at);
  } catch {
    // shown as the note below
  }
  if (text === null) return GONE;
  return redact(text) + (textSum(text) === sum ? '' : CHANGED);
}

function render(kb: KnowledgeBase, source: ReplySource, at: Date): string | null {
  const offers = new Offers(kb);
  if ('answer' in source) {
    const answer = source.more
      ? kb.more(source.answer, source.lang, { now: at })
      : kb.answer(source.answer, source.lang, { now: at, agency: (source.variant ?? null) as Agency | null, parts: source.parts ?? [] });
    return answer ? answerReply(answer, source.lang, offers).text : null;
  }
  if ('quote' in source) return quoteReply(source.quote, source.lang, offers, at).reply.text;
  return quoteWhyReply(source.why, source.at, source.lang, offers).text;
}
