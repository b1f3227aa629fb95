import { classifyJsonLine, createUnderstander, INTENT_IDS, type Understander } from '../../intents';

const u = createUnderstander();

describe('classifyJsonLine (CONTRACT: hanna classify)', () => {
  test('answers text, intent, confidence and lang', () => {
    const out = classifyJsonLine(u, { text: 'lupa password' });
    expect(Object.keys(out).sort()).toEqual(['confidence', 'intent', 'lang', 'text']);
    expect(out.text).toBe('lupa password');
    expect(out.intent).toBe('forgot_password');
    expect(out.lang).toBe('ms');
    expect(typeof out.confidence).toBe('number');
    expect(out.confidence as number).toBeGreaterThan(0.5);
    expect(out.confidence as number).toBeLessThanOrEqual(1);
  });

  test('passes the text through unchanged, even when it is blank', () => {
    const out = classifyJsonLine(u, { text: '  ' });
    expect(out.text).toBe('  ');
    expect(INTENT_IDS).toContain(out.intent);
  });

  test.each([null, 42, 'lupa password', [], [{ text: 'x' }], {}, { text: 5 }, { message: 'hi' }, { text: null }])('a bad line gives an error: %p', (bad) => {
    const out = classifyJsonLine(u, bad);
    expect(Object.keys(out)).toEqual(['error']);
    expect(typeof out.error).toBe('string');
  });

  test('never throws, even when the classifier does', () => {
    const broken: Understander = {
      understand: () => {
        throw new Error('boom');
      },
      classify: () => {
        throw new Error('boom');
      },
    };
    expect(classifyJsonLine(broken, { text: 'hi' })).toEqual({ error: expect.stringContaining('boom') });
  });
});
