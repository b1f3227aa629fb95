// The answer / ask / admit policy on classifier output.
import { decide, ANSWER_AT, CLARIFY_AT } from '../../bot/core/policy';
import { intentId } from '../../intents';

const ranked = (...pairs: [string, number][]) => ({
  intent: intentId(pairs[0][0]),
  confidence: pairs[0][1],
  ranking: pairs.map(([intent, confidence]) => ({ intent: intentId(intent), confidence })),
});

test('confident: answer', () => {
  expect(decide(ranked(['forgot_password', ANSWER_AT + 0.01], ['first_login', 0.1]))).toEqual({ kind: 'answer', intent: 'forgot_password' });
});

test('unsure between two or three intents: one clarifying question with them', () => {
  expect(decide(ranked(['contribution_status', 0.35], ['contact_support', 0.2], ['payment_methods', 0.15]))).toEqual({
    kind: 'clarify',
    intents: ['contribution_status', 'contact_support', 'payment_methods'],
  });
});

test('unsure but with no real runner-up: answer the leader', () => {
  expect(decide(ranked(['contribution_quote', 0.5], ['out_of_scope', 0.34], ['contribution_rates', 0.04]))).toEqual({ kind: 'answer', intent: 'contribution_quote' });
});

test('out of scope or too unsure: a miss', () => {
  expect(decide(ranked(['out_of_scope', 0.9], ['guides', 0.05]))).toEqual({ kind: 'miss' });
  expect(decide(ranked(['guides', CLARIFY_AT - 0.01], ['acr_receipt', 0.2]))).toEqual({ kind: 'miss' });
});
