// The conversation state keeps the bot's replies as references (an answer, a quote) and rebuilds
// their text for a ticket: the rebuilt text is what the user was shown (redacted), the state stays
// small, and a state saved by the code that kept full text still loads and files its transcript.
import crypto from 'crypto';
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core';
import { fullTranscript, TRANSCRIPT_TURNS } from '../../bot/core/transcript';
import type { ConversationState, Reply, TranscriptTurn } from '../../bot/core/types';
import { redact } from '../../intents';
import { FINISH } from '../escalation/helpers';

const deps = createCoreDeps();
const NOW = new Date('2026-11-26T03:00:00Z');

// Ten turns: long FAQ answers, a "more", quotes and an explanation, an agency answer, a miss, a salam.
const TEN_TURNS = [
  'assalamualaikum',
  'how do i register my company for perkeso',
  'More',
  'what is the contribution for wage RM 3,450 age 45',
  'Why?',
  'i forgot my password for assist',
  'how to pay kwsp contribution',
  'what is the weather tomorrow',
  'cuaca esok macam mana',
  'gaji 2500 umur 62',
];

function talk(lines: string[]): { state: ConversationState; said: TranscriptTurn[] } {
  let state: ConversationState | undefined;
  const said: TranscriptTurn[] = [];
  for (const text of lines) {
    const r = runTurn(deps, state, { text, channel: 'test' }, NOW);
    said.push({ from: 'user', text: redact(text), at: NOW.toISOString() }, ...r.replies.map((x: Reply) => ({ from: 'bot' as const, text: redact(x.text), at: NOW.toISOString() })));
    // Through JSON, as the store keeps it.
    state = JSON.parse(JSON.stringify(r.state)) as ConversationState;
  }
  return { state: state!, said };
}

test('the rebuilt transcript is exactly what the bot said, and the state keeps references, not text', () => {
  const { state, said } = talk(TEN_TURNS);
  const rebuilt = fullTranscript(deps.kb, deps.calculator, state.transcript);
  // The officer's intent trail rides on the user turns; the text is what was said.
  expect(rebuilt.map(({ from, text, at }) => ({ from, text, at }))).toEqual(said.slice(-TRANSCRIPT_TURNS));
  expect(rebuilt.filter((t) => t.from === 'user').every((t) => typeof t.intent === 'string')).toBe(true);
  const refs = state.transcript.filter((t) => 'reply' in t);
  // Every answer and quote of the ten turns is a reference; only the miss's added sentence is text.
  expect(refs.length).toBeGreaterThanOrEqual(9);
  const bytes = Buffer.byteLength(JSON.stringify(state));
  const fullBytes = Buffer.byteLength(JSON.stringify({ ...state, transcript: fullTranscript(deps.kb, deps.calculator, state.transcript) }));
  // eslint-disable-next-line no-console
  if (process.env.STATE_SIZE) console.log(`state after 10 turns: ${bytes} bytes with references, ${fullBytes} bytes with full text`);
  expect(bytes).toBeLessThan(fullBytes / 2);
});

test('a state saved with full-text replies still loads, and its ticket shows those replies', () => {
  const { state } = talk(TEN_TURNS.slice(0, 4));
  const old: ConversationState = { ...state, transcript: fullTranscript(deps.kb, deps.calculator, state.transcript) };
  const oldText = old.transcript.map((t) => ('text' in t ? t.text : '')).join('\n');
  let s: ConversationState = JSON.parse(JSON.stringify(old)) as ConversationState;
  let draft;
  for (const text of ['talk to an officer', 'A3100001237X', 'Maju Jaya Sdn Bhd', 'Siti Aminah', '900101-14-5673', 'Cannot upload my file', ...FINISH]) {
    const r = runTurn(deps, s, { text, channel: 'test' }, NOW);
    s = r.state;
    for (const e of r.effects) if (e.kind === 'file_ticket') draft = e.ticket;
  }
  expect(draft).toBeDefined();
  const ticketText = draft!.transcript.map((t) => t.text).join('\n');
  expect(ticketText).toContain(oldText.split('\n').slice(-3).join('\n'));
  expect(ticketText).toContain('Form 1A');
});

test('a reply whose answer changed or went from the knowledge base since it was sent is flagged, not passed off as what was said', () => {
  const { state } = talk(['how do i register my company for perkeso']);
  const sent = state.transcript[1];
  if (!('reply' in sent)) throw new Error('the answer was not kept as a reference');
  const at = sent.at;
  const [changed, gone] = fullTranscript(deps.kb, deps.calculator, [
    { ...sent, sum: 'different' },
    { from: 'bot', reply: { answer: 'no_such_intent', lang: 'en' }, sum: sent.sum, at },
  ]);
  expect(changed.text).toContain('within 30 days');
  expect(changed.text).toMatch(/this reply was changed after it was sent/);
  expect(gone.text).toMatch(/this reply is no longer available/);
  expect(fullTranscript(deps.kb, deps.calculator, [sent])[0].text).not.toMatch(/changed after/);
});

test('a reply stored with the older sha1 fingerprint is still recognised as unchanged (or changed)', () => {
  const { state } = talk(['how do i register my company for perkeso']);
  const sent = state.transcript[1];
  if (!('reply' in sent)) throw new Error('the answer was not kept as a reference');
  const text = fullTranscript(deps.kb, deps.calculator, [sent])[0].text;
  const legacy = crypto.createHash('sha1').update(text).digest('base64url').slice(0, 8);
  expect(fullTranscript(deps.kb, deps.calculator, [{ ...sent, sum: legacy }])[0].text).not.toMatch(/changed after/);
  expect(fullTranscript(deps.kb, deps.calculator, [{ ...sent, sum: legacy.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }])[0].text).toMatch(/changed after/);
});
