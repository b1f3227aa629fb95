// Every phrase the bot suggests (button titles and values, quoted "type ..." / "for example ..." examples in the
// knowledge files and in wording still kept in code) is typed back in the situation where it is offered, through
// the real turn function: the bot must understand its own advice. Gated by `suggested_phrases` in
// test/stories/pending.yaml while issue 11 lands.
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core/turn';
import { S } from '../../bot/core/strings';
import { newConversationState, type ConversationState, type TurnResult } from '../../bot/core/types';
import { loadPending } from '../stories/run-stories';
import { collectSuggestedPhrases, type SuggestedPhrase } from './suggested-phrases';

const GATE = 'suggested_phrases';
const NOW = new Date('2026-12-04T10:00:00+08:00');
const deps = createCoreDeps();
const phrases = collectSuggestedPhrases();
const pendingReason = loadPending().get(GATE);

/** Values a form already holds before the step where the phrase is offered. */
const PREFILLED: Record<string, Record<string, string>> = {
  escalation: { employerCode: 'A3100001237X', companyName: 'Maju Jaya Sdn Bhd', repName: 'Siti Aminah binti Ahmad', mykad: '900101145673' },
  late_interest: { amount: '1000.00', wageMonth: '2026-10' },
};
const STEP_NAMES: Record<string, string[]> = {
  escalation: ['employerCode', 'companyName', 'repName', 'mykad', 'problem'],
  late_interest: ['amount', 'wageMonth', 'paidOn'],
};

function stateFor(p: SuggestedPhrase): ConversationState {
  const state = { ...newConversationState(), lang: p.lang, langSettled: true };
  const c = p.context;
  if (c.kind === 'after_quote') return { ...state, lastIntent: 'contribution_quote', lastQuote: { wage: '2500.00' } };
  if (c.kind === 'form_step' || c.kind === 'cancel_form') {
    const id = c.kind === 'form_step' ? c.form : 'escalation';
    const step = c.kind === 'form_step' ? c.step : 0;
    const values = Object.fromEntries(STEP_NAMES[id].slice(0, step).map((k) => [k, PREFILLED[id][k]]));
    // At a confirming step the problem said with the request for an officer is shown back (bot/core/officer-problem.ts).
    const confirm = c.kind === 'form_step' && c.confirming ? { problem: 'fail caruman asyik ditolak' } : undefined;
    return { ...state, form: { id, step, values, tries: 0, startedAt: NOW.toISOString(), ...(confirm ? { confirm } : {}) } };
  }
  return state;
}

const said = (r: TurnResult): string => r.replies.map((x) => x.text).join('\n');

/** Why the bot did not understand the phrase in its situation, or null when it did. */
function misunderstanding(p: SuggestedPhrase): string | null {
  const before = stateFor(p);
  // runTurn takes ownership of the state it is given; `before` is used again below.
  const r = runTurn(deps, structuredClone(before), { text: p.text, channel: 'test' }, NOW);
  const text = said(r);
  const c = p.context;
  const missed = r.meta.intent === null || r.meta.intent === 'out_of_scope' || text.startsWith(S.clarify[p.lang]);
  switch (c.kind) {
    case 'fresh':
      if (missed) return `not understood (intent ${r.meta.intent ?? 'none'}): ${text.slice(0, 160)}`;
      if (c.intent && r.meta.intent !== c.intent) return `understood as ${r.meta.intent}, not ${c.intent}`;
      return null;
    case 'after_quote': {
      // The same quote with nothing changed: the phrase must change it.
      const unchanged = said(runTurn(deps, before, { text: '2500', channel: 'test' }, NOW));
      if (r.meta.intent !== 'contribution_quote') return `after a quote, read as ${r.meta.intent ?? 'nothing'}: ${text.slice(0, 160)}`;
      if (text === unchanged) return 'after a quote, the quote was not changed';
      return null;
    }
    case 'cancel_form':
      return r.state.form === null ? null : `the form is still under way: ${text.slice(0, 160)}`;
    case 'form_step': {
      const form = r.state.form;
      const advanced = form === null || form.id !== c.form || form.step > c.step;
      return advanced ? null : `the ${c.form} form did not accept it at step ${c.step + 1}: ${text.slice(0, 160)}`;
    }
  }
}

test('the collector finds the phrases the bot suggests', () => {
  const texts = phrases.map((p) => p.text);
  // One of each kind: a button, a form example, a quote follow-up, a date word.
  expect(texts).toEqual(expect.arrayContaining(['Kira caruman saya', 'batal', 'umur 62', 'hari ini']));
});

describe('phrases the bot suggests are understood when typed', () => {
  for (const p of phrases) {
    const name = `[${p.context.kind}${'form' in p.context ? ` ${p.context.form}#${p.context.step + 1}` : ''}] "${p.text}" (${p.source})`;
    if (pendingReason !== undefined) {
      test.skip(`[pending: ${pendingReason}] ${name}`, () => undefined);
      continue;
    }
    test(name, () => {
      const why = misunderstanding(p);
      if (why) throw new Error(`"${p.text}" from ${p.source}: ${why}`);
    });
  }
});

if (pendingReason !== undefined) {
  test('pending: typing a suggested phrase never crashes a turn', () => {
    for (const p of phrases) expect(() => misunderstanding(p)).not.toThrow();
  });
}
