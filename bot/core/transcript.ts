// The redacted running transcript kept in conversation state (for escalation tickets).
import { redact } from '../../intents';
import type { Reply, TranscriptTurn } from './types';

export const TRANSCRIPT_TURNS = 20;

export function appendTurns(
  transcript: TranscriptTurn[],
  userText: string,
  replies: Reply[],
  now: Date,
): TranscriptTurn[] {
  const at = now.toISOString();
  const added: TranscriptTurn[] = [{ from: 'user', text: redact(userText), at }];
  for (const r of replies) added.push({ from: 'bot', text: redact(r.transcriptText ?? r.text), at });
  return [...transcript, ...added].slice(-TRANSCRIPT_TURNS);
}
