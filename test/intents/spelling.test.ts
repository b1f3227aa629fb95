import { createUnderstander } from '../../intents';
import { oneEdit, SpellCorrector } from '../../intents/spelling';

describe('one-typo spelling correction', () => {
  const counts = new Map([
    ['kalkulator', 5],
    ['calculator', 7],
    ['hotline', 4],
    ['pegawai', 9],
    ['bila', 30],
  ]);
  const sp = new SpellCorrector(counts);

  test('a dropped, added, changed or swapped letter is put right', () => {
    expect(sp.correct('kalkulatr')).toBe('kalkulator');
    expect(sp.correct('calcullator')).toBe('calculator');
    expect(sp.correct('hotlime')).toBe('hotline');
    expect(sp.correct('hotlien')).toBe('hotline');
    expect(sp.correct('pegawi')).toBe('pegawai');
  });

  test('short words, known words and words two edits away are left alone', () => {
    expect(sp.correct('bola')).toBeNull();
    expect(sp.correct('hotline')).toBeNull();
    expect(sp.correct('kalkultr')).toBeNull();
    expect(sp.correct('weather')).toBeNull();
  });

  test('oneEdit counts a swap of neighbours as one edit and nothing else', () => {
    expect(oneEdit('caclulator', 'calculator')).toBe(true);
    expect(oneEdit('abcx', 'axbc')).toBe(false);
    expect(oneEdit('same', 'same')).toBe(false);
  });
});

describe('a first message with one typo in its key word is still understood', () => {
  const u = createUnderstander();
  test.each([
    ['kalkluator perkeso', 'contribution_quote'],
    ['socso caclulator', 'contribution_quote'],
    ['hotlien perkeso', 'contact_support'],
    ['nak cakap dgn pegawi', 'human_handoff'],
  ])('%s -> %s', (text, intent) => {
    expect(u.classify(text).intent).toBe(intent);
  });
});
