// The running transcript kept in conversation state (for escalation tickets). The user's side is
// kept redacted. The bot's side is kept as a reference to what built each reply (a knowledge-base
// answer, a quote) where there is one, and as redacted text otherwise; a ticket gets the full text
// back with fullTranscript(). Only the literal text is redacted per turn: answers and quotes are
// rebuilt and redacted once, when a ticket is filed.
import { redact } from '../../intents';
import type { Agency, KnowledgeBase } from '../../knowledge';
import type { Calculator } from '../../calculators';
import { quoteReply } from './quote-flow';
import { quoteWhyReply } from './quote-text';
import { answerReply, Offers } from './replies';
import { sameText, sourceOf, textSum, type ReplySource } from './reply-source';
import type { Reply, StoredBotReply, StoredTurn, TranscriptTurn, TurnMeta } from './types';

export const TRANSCRIPT_TURNS = 24;

/** The newest user message the transcript kept (redacted, a form's personal answer masked), if any. */
export function lastUserText(transcript: readonly StoredTurn[]): string | undefined {
  for (let i = transcript.length - 1; i >= 0; i--) {
    const turn = transcript[i];
    if (turn.from === 'user') return turn.text;
  }
  return undefined;
}

export function appendTurns(
  transcript: StoredTurn[],
  userText: string,
  replies: Reply[],
  now: Date,
  meta?: Pick<TurnMeta, 'intent' | 'confidence'>,
): StoredTurn[] {
  const at = now.toISOString();
  const added: StoredTurn[] = [{ from: 'user', text: redact(userText), at, ...(meta?.intent ? { intent: meta.intent, ...(meta.confidence !== null ? { confidence: Math.round(meta.confidence * 100) / 100 } : {}) } : {}) }];
  for (const r of replies) added.push(storedReply(r, at));
  return [...transcript, ...added].slice(-TRANSCRIPT_TURNS);
}

function storedReply(reply: Reply, at: string): StoredTurn {
  const built = sourceOf(reply);
  // A reply with its own transcript text (the summary: MyKad masked, contact shown as a mark) keeps that text.
  if (!built) return { from: 'bot', text: redact(reply.transcriptText ?? reply.text), at };
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
export function fullTranscript(kb: KnowledgeBase, calculator: Calculator, transcript: readonly StoredTurn[]): TranscriptTurn[] {
  return transcript.map((turn) => {
    // A user turn keeps its intent and confidence: the officer's intent trail.
    if (!('reply' in turn)) return { ...turn };
    const text = `${turn.head ?? ''}${rebuild(kb, calculator, turn.reply, turn.sum, new Date(turn.at))}${turn.tail ?? ''}`;
    return { from: 'bot', text, at: turn.at };
  });
}

// Officer-facing notes, in both languages as the rest of the ticket.
const GONE = '[jawapan ini tiada lagi / this reply is no longer available]';
const CHANGED = '\n[jawapan ini telah diubah selepas dihantar; teks semasa ditunjukkan / this reply was changed after it was sent; the current text is shown]';

function rebuild(kb: KnowledgeBase, calculator: Calculator, source: ReplySource, sum: string, at: Date): string {
  let text: string | null = null;
  try {
    text = render(kb, calculator, source, at);
  } catch {
    // shown as the note below
  }
  if (text === null) return GONE;
  return redact(text) + (sameText(text, sum) ? '' : CHANGED);
}

function render(kb: KnowledgeBase, calculator: Calculator, source: ReplySource, at: Date): string | null {
  const offers = new Offers(kb);
  if ('answer' in source) {
    // Stored data: an intent the catalogue no longer has is shown as gone.
    const intent = kb.catalogue.id(source.answer);
    if (!intent) return null;
    const answer = source.more
      ? kb.more(intent, source.lang, { now: at })
      : kb.answer(intent, source.lang, { now: at, agency: (source.variant ?? null) as Agency | null, parts: source.parts ?? [] });
    return answer ? answerReply(answer, source.lang, offers).text : null;
  }
  if ('quote' in source) return quoteReply(calculator, source.quote, source.lang, offers, at).reply.text;
  return quoteWhyReply(calculator, source.why, source.at, source.lang, offers).text;
}
