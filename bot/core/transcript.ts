// The redacted running transcript kept in conversation state (for escalation tickets).
import { redact } from '../../intents';
import type { Reply, TranscriptTurn, TurnMeta } from './types';

export const TRANSCRIPT_TURNS = 20;

export function appendTurns(
  transcript: TranscriptTurn[],
  userText: string,
  replies: Reply[],
  now: Date,
  meta?: Pick<TurnMeta, 'intent' | 'confidence'>,
): TranscriptTurn[] {
  const at = now.toISOString();
  const added: TranscriptTurn[] = [{ from: 'user', text: redact(userText), at, ...(meta?.intent ? { intent: meta.intent, ...(meta.confidence !== null ? { confidence: Math.round(meta.confidence * 100) / 100 } : {}) } : {}) }];
  for (const r of replies) added.push({ from: 'bot', text: redact(r.text), at });
  return [...transcript, ...added].slice(-TRANSCRIPT_TURNS);
}
