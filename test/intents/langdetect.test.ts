import { createUnderstander } from '../../intents';

const u = createUnderstander();

describe('language detection', () => {
  test.each([
    ['lupa password', 'ms'],
    ['forgot pw', 'en'],
    ['tq', 'ms'],
    ['thank you', 'en'],
    ['terima kasih', 'ms'],
    ['macam mana nak bayar', 'ms'],
    ['how do I pay', 'en'],
    ['nak check payment history caruman', 'ms'],
    ['boleh tolong check my contribution status tak', 'ms'],
    ['I want to know how much to pay for my worker, gaji dia 2k', 'en'],
  ])('%s -> %s', (text, lang) => {
    expect(u.classify(text).lang).toBe(lang);
  });

  test('a message with no language evidence keeps the conversation language, else Malay', () => {
    expect(u.understand('hi', { lang: 'en' }).lang).toBe('en');
    expect(u.understand('ok', { lang: 'en' }).lang).toBe('en');
    expect(u.understand('hi').lang).toBe('ms');
    expect(u.understand('RM2500').lang).toBe('ms');
  });

  test('the conversation language is sticky for short or mixed messages', () => {
    expect(u.understand('thank you', { lang: 'ms' }).lang).toBe('ms');
    expect(u.understand('forgot password', { lang: 'ms' }).lang).toBe('ms');
    expect(u.understand('ok terima kasih', { lang: 'en' }).lang).toBe('en');
  });

  test('a message clearly in the other language switches', () => {
    expect(u.understand('How do I pay the contribution online?', { lang: 'ms' }).lang).toBe('en');
    expect(u.understand('Bagaimana saya nak bayar caruman dalam talian?', { lang: 'en' }).lang).toBe('ms');
  });

  test.each([
    ['English please', 'en'],
    ['in english', 'en'],
    ['can you reply in English?', 'en'],
    ['englsh pls', 'en'],
    ['Bahasa Melayu', 'ms'],
    ['cakap melayu', 'ms'],
    ['BM please', 'ms'],
    ['bahasa melyu', 'ms'],
    ['saya tak faham english', 'ms'],
  ])('"%s" asks to switch to %s', (text, lang) => {
    const other = lang === 'ms' ? 'en' : 'ms';
    const r = u.understand(text, { lang: other });
    expect(r.langSwitch).toBe(lang);
    expect(r.lang).toBe(lang);
    expect(r.intent).toBe('help_menu');
  });

  test.each(['please', 'selamat malam', 'email saya', 'how do I register in the portal'])('"%s" is not a switch request', (text) => {
    expect(u.understand(text).langSwitch).toBeNull();
  });
});
