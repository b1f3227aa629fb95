// The summary before filing, through the real turn: nothing is filed until "Send" / "Hantar" (or "ya"/"yes",
// CONTRACT.md); "Cancel" / "Batal" files nothing; a typed question is answered and the summary shown again.
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core/turn';
import type { ConversationState, TurnResult } from '../../bot/core/types';
import { GOOD_ANSWERS } from './helpers';

const deps = createCoreDeps();
const NOW = new Date('2026-11-26T03:00:00Z');
const say = (state: ConversationState | undefined, text: string): TurnResult => runTurn(deps, state, { text, channel: 'test' }, NOW);
const tickets = (r: TurnResult) => r.effects.filter((e) => e.kind === 'file_ticket');

function atSummary(opening: string, problem: string): TurnResult {
  let r = say(undefined, opening);
  for (const a of [...GOOD_ANSWERS, problem, 'skip']) r = say(r.state, a);
  return r;
}

describe.each([
  { lang: 'ms', opening: 'nak cakap dengan pegawai', problem: 'Tidak dapat log masuk ASSIST', send: 'Hantar', cancel: 'Batal', heading: /Ini yang akan dihantar/, notGiven: /Hubungi: \(tidak diberi\)/ },
  { lang: 'en', opening: 'talk to an officer', problem: 'Cannot log in to ASSIST', send: 'Send', cancel: 'Cancel', heading: /This is what will be sent/, notGiven: /Contact: \(not given\)/ },
])('$lang', ({ opening, problem, send, cancel, heading, notGiven }) => {
  test('the summary files nothing; the send button files exactly one ticket', () => {
    const summary = atSummary(opening, problem);
    expect(summary.replies.at(-1)!.text).toMatch(heading);
    expect(summary.replies.at(-1)!.text).toMatch(notGiven);
    expect(tickets(summary)).toEqual([]);
    // The transcript keeps a placeholder, not the names shown back.
    expect(JSON.stringify(summary.state.transcript)).not.toContain('Siti Aminah');
    const sent = say(summary.state, send);
    expect(tickets(sent)).toHaveLength(1);
    expect(sent.state.form).toBeNull();
  });

  test('"ya" / "yes" sends as well (CONTRACT.md)', () => {
    expect(tickets(say(atSummary(opening, problem).state, 'yes'))).toHaveLength(1);
    expect(tickets(say(atSummary(opening, problem).state, 'ya'))).toHaveLength(1);
  });

  test('the cancel button files nothing and ends the form', () => {
    const r = say(atSummary(opening, problem).state, cancel);
    expect(tickets(r)).toEqual([]);
    expect(r.state.form).toBeNull();
  });

  test('anything else at the summary asks again with the three buttons, files nothing', () => {
    const r = say(atSummary(opening, problem).state, 'hmm');
    expect(tickets(r)).toEqual([]);
    expect(r.state.form?.id).toBe('escalation');
    expect(r.replies.at(-1)!.suggestedActions).toHaveLength(3);
  });
});

describe('the summary answered in a few words, as employers type it', () => {
  const at = () => atSummary('talk to an officer', 'Cannot log in to ASSIST').state;
  test.each(['ok hantar', 'yes please', 'ya, hantar', 'confirm', 'yes send it', 'Hantar / Send', 'ok send now'])('%j files the ticket', (text) => {
    expect(tickets(say(at(), text))).toHaveLength(1);
  });
  test.each(['jangan hantar', "don't send", 'no', 'not yet'])('%j files nothing and asks again', (text) => {
    const r = say(at(), text);
    expect(tickets(r)).toEqual([]);
    expect(r.state.form?.id).toBe('escalation');
  });
  test.each(['ya tapi tukar nama', 'yes but change the company', 'Ubah / Change'])('%j asks which item to change', (text) => {
    const r = say(at(), text);
    expect(tickets(r)).toEqual([]);
    expect(r.replies.at(-1)!.suggestedActions?.length).toBe(6);
  });
  test('"Batal / Cancel" (a button title sent back whole) ends the form', () => {
    const r = say(at(), 'Batal / Cancel');
    expect(tickets(r)).toEqual([]);
    expect(r.state.form).toBeNull();
  });
});
