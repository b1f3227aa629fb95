// What the console reads off each turn: how the bot placed the message (answer, clarify,
// out of scope) and the classifier's top three; nothing for a form's own steps.
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core';
import type { ConversationState } from '../../bot/core/types';

const deps = createCoreDeps();
const at = new Date('2026-11-26T03:00:00Z');
const turn = (text: string, state?: ConversationState) => runTurn(deps, state, { text, channel: 'test' }, at);

test.each([
  ['tukar emel majikan', 'clarify'],
  ['what is the price of gold today', 'out_of_scope'],
  ['saya lupa kata laluan portal assist', 'answer'],
])('"%s" ends in %s, with the top three', (text, outcome) => {
  const { meta } = turn(text);
  expect(meta.outcome).toBe(outcome);
  expect(meta.ranking).toHaveLength(3);
  expect(meta.ranking![0].confidence).toBeGreaterThanOrEqual(meta.ranking![1].confidence);
});

test('a form step carries no outcome (it is not a question the classifier placed)', () => {
  const first = turn('talk to an officer');
  const step = turn('A3100001237X', first.state);
  expect(step.meta.intent).toBe('escalation');
  expect(step.meta.outcome).toBeUndefined();
});
