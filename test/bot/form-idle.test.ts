// A checklist left half-filled is dropped, with the personal data it held, after an hour of silence.
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core';
import type { ConversationState } from '../../bot/core/types';

const deps = createCoreDeps();
const at = (min: number) => new Date(Date.UTC(2026, 10, 26, 2, min));
const say = (state: ConversationState | undefined, text: string, min: number) => runTurn(deps, state, { text, channel: 'test' }, at(min));

test('an escalation form idle for over an hour is forgotten; a shorter pause is not', () => {
  let s = say(undefined, 'nak cakap dengan pegawai', 0).state;
  s = say(s, 'A3100001237X', 1).state;
  expect(s.form?.values).toHaveProperty('employerCode');

  const soon = say(s, 'Syarikat Maju Sdn Bhd', 30);
  expect(soon.state.form?.values).toHaveProperty('companyName');

  const late = say(soon.state, 'Ali bin Abu', 30 + 61);
  expect(late.state.form).toBeNull();
  // not taken as the answer to the stale question: no MyKad question follows
  expect(late.replies.map((r) => r.text).join(' ')).not.toMatch(/MyKad/);
});
