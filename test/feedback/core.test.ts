// 👍 / 👎 through the real turn (trained classifier, real knowledge base): the buttons an answer and
// a quote carry, what pressing each does, the optional "what was missing?", and the feedback effect the
// composition root records. Both languages.
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core/turn';
import { toActivity } from '../../bot/channels/activities';
import type { ConversationState, FeedbackEffect, TurnResult } from '../../bot/core/types';

const deps = createCoreDeps();
const NOW = new Date('2026-11-26T03:00:00Z');

function say(state: ConversationState | undefined, text: string, channel = 'webchat'): TurnResult {
  return runTurn(deps, state, { text, channel }, NOW);
}
const text = (r: TurnResult) => r.replies.map((x) => x.text).join('\n');
const buttons = (r: TurnResult) => r.replies.flatMap((x) => x.suggestedActions?.map((a) => a.title) ?? []);
const feedback = (r: TurnResult) => r.effects.filter((e): e is FeedbackEffect => e.kind === 'feedback');

describe.each([
  { lang: 'ms', ask: 'macam mana nak bayar caruman perkeso', thanks: /Terima kasih atas maklum balas/, missing: /Apa yang kurang\?/, officer: /pegawai/i },
  { lang: 'en', ask: 'how to pay contribution', thanks: /Thank you for your feedback/, missing: /What was missing\?/, officer: /officer/i },
])('$lang', ({ lang, ask, thanks, missing, officer }) => {
  test('an answer keeps its own buttons and gets 👍 / 👎 last', () => {
    const r = say(undefined, ask);
    expect(r.meta.intent).toBe('payment_methods');
    const b = buttons(r);
    expect(b.slice(-2)).toEqual(['👍', '👎']);
    expect(b.length).toBeGreaterThan(2);
    expect(r.replies.at(-1)!.rating?.prompt).toBeTruthy();
  });

  test('👍 thanks briefly and records an up vote with the intent, language and the redacted question', () => {
    const answered = say(undefined, `${ask} IC 900101-14-5673`);
    const r = say(answered.state, '👍');
    expect(text(r)).toMatch(thanks);
    expect(text(r).length).toBeLessThan(60);
    expect(feedback(r)).toEqual([
      { kind: 'feedback', answerId: 'payment_methods', intent: 'payment_methods', lang, vote: 'up', redactedMessage: `${ask} IC [MYKAD]`, votedAt: NOW.toISOString() },
    ]);
    expect(r.state.feedbackAsked).toBeUndefined();
  });

  test('👎 asks what was missing and offers an officer; a message the bot cannot place is what was missing', () => {
    const answered = say(undefined, ask);
    const down = say(answered.state, '👎');
    expect(text(down)).toMatch(missing);
    expect(buttons(down).some((b) => officer.test(b))).toBe(true);
    expect(feedback(down)).toEqual([{ kind: 'feedback', answerId: 'payment_methods', intent: 'payment_methods', lang, vote: 'down', redactedMessage: ask, votedAt: NOW.toISOString() }]);

    const note = lang === 'ms' ? 'tak cukup detail pasal bank' : 'it did not say anything about my bank, mail ali@contoh.com.my';
    const said = say(down.state, note);
    expect(feedback(said)).toEqual([
      expect.objectContaining({ vote: 'down', answerId: 'payment_methods', missing: note.replace('ali@contoh.com.my', '[EMAIL]'), redactedMessage: ask, votedAt: NOW.toISOString() }),
    ]);
    // Thanked, an officer offered; not counted as a message the bot missed.
    expect(buttons(said).some((b) => officer.test(b))).toBe(true);
    expect(said.meta.outcome).toBeUndefined();
    expect(said.state.misses).toBe(0);
    expect(said.state.feedbackAsked).toBeUndefined();
  });

  test('after 👎 a new question is just answered (no trap), and the officer button starts the checklist', () => {
    const down = say(say(undefined, ask).state, '👎');
    const next = say(down.state, lang === 'ms' ? 'lupa kata laluan assist' : 'forgot my assist password');
    expect(next.meta.intent).toBe('forgot_password');
    expect(feedback(next)).toEqual([]);

    const officerButton = buttons(down).find((b) => officer.test(b))!;
    const started = say(down.state, officerButton);
    expect(started.state.form?.id).toBe('escalation');
  });
});

test('a quote carries 👍 / 👎 and rates as contribution_quote', () => {
  const q = say(undefined, 'gaji 2500 berapa caruman');
  expect(buttons(q).slice(-2)).toEqual(['👍', '👎']);
  expect(feedback(say(q.state, '👍'))).toEqual([expect.objectContaining({ answerId: 'contribution_quote', intent: 'contribution_quote', vote: 'up', lang: 'ms' })]);
});

test('greetings, the menu and the "not sure" reply carry no rating', () => {
  for (const says of ['hi', 'menu', 'asdfgh qwerty']) expect(buttons(say(undefined, says))).not.toContain('👍');
});

test('Teams: the rating is an Adaptive Card action that sends the same text; Web Chat keeps suggested actions', () => {
  const r = say(undefined, 'how to pay contribution', 'msteams');
  const reply = r.replies.at(-1)!;
  const teams = toActivity(reply, 'en-MY', 'msteams');
  const card = teams.attachments?.[0]?.content as { actions: { type: string; title: string; data: { msteams: { type: string; value: string } } }[] };
  expect(card.actions.map((a) => [a.type, a.title, a.data.msteams.type, a.data.msteams.value])).toEqual([
    ['Action.Submit', '👍', 'imBack', '👍'],
    ['Action.Submit', '👎', 'imBack', '👎'],
  ]);
  const web = toActivity(reply, 'en-MY', 'webchat');
  expect(web.attachments).toBeUndefined();
  expect(web.suggestedActions?.actions.slice(-2).map((a) => a.value)).toEqual(['👍', '👎']);
  // The quote's own card gets the actions under its figures.
  const quote = say(undefined, 'wage 2500 how much contribution', 'msteams').replies.at(-1)!;
  const qcard = toActivity(quote, 'en-MY', 'msteams').attachments?.[0]?.content as { body: unknown[]; actions: unknown[] };
  expect(qcard.body.length).toBeGreaterThan(2);
  expect(qcard.actions).toHaveLength(2);
});
