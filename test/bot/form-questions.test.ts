// Questions inside forms (issue 11 item 7) through the real turn: answered, then the same question asked
// again; never stored as the answer. And an officer request that already states its problem.
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core/turn';
import type { ConversationState, TurnResult } from '../../bot/core/types';

const deps = createCoreDeps();
const NOW = new Date('2026-12-04T10:00:00+08:00');
const CARELINE = '1-300-22-8000';

function say(state: ConversationState | undefined, text: string): TurnResult {
  return runTurn(deps, state, { text, channel: 'test' }, NOW);
}
const text = (r: TurnResult) => r.replies.map((x) => x.text).join('\n');
/** The ticket the turn files (the escalation's last steps: contact skipped, then the summary sent). */
function filed(r: TurnResult) {
  const last = say(say(r.state, 'langkau').state, 'hantar');
  const effect = last.effects.find((e) => e.kind === 'file_ticket');
  if (!effect || effect.kind !== 'file_ticket') throw new Error('no ticket filed');
  return effect.ticket;
}

const ESCALATION_ANSWERS = ['A3100001237X', 'Maju Jaya Sdn Bhd', 'Siti Aminah binti Ahmad', '900101145673'];
const STEP_QUESTION = [/nombor majikan/i, /nama syarikat/i, /nama wakil/i, /MyKad/, /masalah/i];

describe('the escalation checklist', () => {
  test('at every step a question is answered, the step asked again, and nothing is stored', () => {
    let state = say(undefined, 'nak cakap dengan pegawai').state;
    for (let step = 0; step < 5; step++) {
      const before = structuredClone(state.form);
      const r = say(state, 'hotline berapa?');
      expect(text(r)).toContain(CARELINE);
      expect(text(r)).toMatch(STEP_QUESTION[step]);
      expect(r.state.form).toEqual({ ...before, values: before!.values });
      expect(r.effects).toEqual([]);
      if (step < 4) state = say(r.state, ESCALATION_ANSWERS[step]).state;
    }
  });

  test('"apa itu kod majikan?" at the employer-number step gets the field help; a valid number is the answer', () => {
    const start = say(undefined, 'nak cakap dengan pegawai').state;
    const asked = say(start, 'apa itu kod majikan?');
    expect(text(asked)).toMatch(/12 aksara: 1 huruf, 10 digit dan 1 huruf/);
    expect(asked.state.form).toMatchObject({ step: 0, values: {} });
    const answered = say(asked.state, 'A3100001237X');
    expect(answered.state.form).toMatchObject({ step: 1, values: { employerCode: 'A3100001237X' } });
  });

  test('a MyKad at the MyKad step is an answer, whatever the classifier makes of it', () => {
    let state = say(undefined, 'nak cakap dengan pegawai').state;
    for (const a of ESCALATION_ANSWERS.slice(0, 3)) state = say(state, a).state;
    const r = say(state, '900101-14-5673');
    expect(r.state.form).toMatchObject({ step: 4, values: { mykad: '900101145673' } });
  });

  test('a company name is stored even when it reads like a topic; a question at that step is not', () => {
    let state = say(say(undefined, 'nak cakap dengan pegawai').state, 'A3100001237X').state;
    const q = say(state, 'kenapa perlu nama syarikat?');
    expect(q.state.form).toMatchObject({ step: 1 });
    expect(text(q)).toMatch(/nama syarikat/i);
    state = say(q.state, 'Bayaran Online Sdn Bhd').state;
    expect(state.form).toMatchObject({ step: 2, values: { companyName: 'Bayaran Online Sdn Bhd' } });
  });

  test('an officer request stating the problem: employer number first, the problem shown back to confirm', () => {
    let r = say(undefined, 'nak cakap dengan pegawai, fail caruman asyik ditolak');
    expect(text(r)).toMatch(/nombor majikan/i);
    for (const a of ESCALATION_ANSWERS) r = say(r.state, a);
    expect(text(r)).toContain('fail caruman asyik ditolak');
    r = say(r.state, 'ya');
    expect(filed(r).checklist.problem).toBe('fail caruman asyik ditolak');
  });

  test.each([
    ['talk to officer, my contribution file keeps getting rejected', 'my contribution file keeps getting rejected'],
    ['nak jumpa pegawai perkeso sebab akaun kena kunci', 'akaun kena kunci'],
    ['can i speak to someone, the interest charged is wrong', 'the interest charged is wrong'],
  ])('a request for a person wins over the topic of its problem: %s', (says, problem) => {
    let r = say(undefined, says);
    expect(r.state.form?.id).toBe('escalation');
    for (const a of ESCALATION_ANSWERS) r = say(r.state, a);
    expect(text(r)).toContain(problem);
  });

  test.each(['how to contact perkeso', 'cara hubungi perkeso'])('asking how to contact PERKESO is not a request for a person: %s', (says) => {
    const r = say(undefined, says);
    expect(r.state.form).toBeNull();
    expect(text(r)).toContain(CARELINE);
  });

  test('the problem shown back can be replaced', () => {
    let r = say(undefined, 'I want to talk to an officer because my contribution file keeps getting rejected');
    for (const a of ESCALATION_ANSWERS) r = say(r.state, a);
    expect(text(r)).toContain('my contribution file keeps getting rejected');
    r = say(r.state, 'Cannot upload the text file for November, error at line 3');
    expect(filed(r).checklist.problem).toBe('Cannot upload the text file for November, error at line 3');
  });
});

describe('the quote and interest forms', () => {
  test('quote form: another request is answered and the wage asked again; the wage then completes it', () => {
    const start = say(undefined, 'nak kira caruman').state;
    const r = say(start, 'cara bayar macam mana?');
    expect(text(r)).toMatch(/FPX/);
    expect(text(r)).toMatch(/gaji bulanan/i);
    expect(r.state.form).toMatchObject({ id: 'quote_wage', step: 0 });
    expect(text(say(r.state, '2500'))).toMatch(/RM2,500\.00/);
  });

  test('interest form: a question at the amount step is answered, the amount asked again', () => {
    const start = say(undefined, 'kira faedah lewat bayar').state;
    expect(start.form).toMatchObject({ id: 'late_interest', step: 0 });
    const r = say(start, 'hotline berapa?');
    expect(text(r)).toContain(CARELINE);
    expect(text(r)).toMatch(/jumlah caruman/i);
    expect(r.state.form).toMatchObject({ id: 'late_interest', step: 0, values: {} });
  });

  test('asking for an officer in the quote form switches to the checklist', () => {
    const r = say(say(undefined, 'nak kira caruman').state, 'nak cakap dengan pegawai');
    expect(r.state.form?.id).toBe('escalation');
  });
});
