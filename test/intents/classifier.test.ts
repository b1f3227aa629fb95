// Behaviours a user would notice, on utterances written for this test (not training or dev lines).
import { createUnderstander, INTENT_IDS } from '../../intents';

const u = createUnderstander();

describe('classifier', () => {
  test.each([
    ['camne nak reset pasword', 'forgot_password'],
    ['PEGAWAI!!! SAYA NAK PEGAWAI', 'human_handoff'],
    ['kalau gaji exceed ceiling, contribution capped ke?', 'contribution_rates'],
    ['berapa caruman socso untuk gaji rm4,200 pekerja umur 30', 'contribution_quote'],
    ['saya terlupa kata laluan portal majikan', 'forgot_password'],
    ['how do I print the ACR for last month', 'acr_receipt'],
    ['how to uplod contribusion file', 'upload_contribution_file'],
    ['where do I find the contribution menu after logging in', 'navigate_portal'],
    ['KWSP majikan kena bayar berapa peratus', 'other_agency'],
    ['apa nombor telefon careline perkeso', 'contact_support'],
    ['is assist-perkeso.com the real site?', 'portal_link'],
    ['saya dah lewat bayar caruman 2 bulan, kena denda ke', 'late_payment'],
    ['first time login, temporary password not working', 'first_login'],
    ['nak daftar portal id untuk syarikat baru', 'register_portal_id'],
    ['wajib ke daftar perkeso kalau ada 2 pekerja part time', 'employer_obligation'],
    ['ada manual pdf untuk portal?', 'guides'],
    ['payment saya dah update ke belum', 'contribution_status'],
    ['selamat pagi', 'greeting'],
    ['bye, see you', 'goodbye'],
  ])('%s -> %s', (text, intent) => {
    expect(u.classify(text).intent).toBe(intent);
  });

  test.each(['what is the price of gold today', 'recommend a good durian stall in Raub', 'sdfkjh qwpoeiru', 'siapa juara piala thomas tahun lepas', ''])(
    'knows what it does not know: "%s"',
    (text) => {
      expect(u.classify(text).intent).toBe('out_of_scope');
    },
  );

  test('confidence is a probability and the ranking lists the top three, winner first', () => {
    for (const text of ['lupa user id', 'hmm', 'nak tanya pasal caruman']) {
      const c = u.classify(text);
      expect(INTENT_IDS).toContain(c.intent);
      expect(c.confidence).toBeGreaterThanOrEqual(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.ranking).toHaveLength(3);
      expect(c.ranking[0].intent).toBe(c.intent);
      expect(c.ranking[0].confidence).toBe(c.confidence);
      expect(new Set(c.ranking.map((r) => r.intent)).size).toBe(3);
      expect(c.ranking[1].confidence).toBeGreaterThanOrEqual(c.ranking[2].confidence);
    }
  });

  test('a clear question is confident, a vague one is not', () => {
    expect(u.classify('saya lupa kata laluan portal assist').confidence).toBeGreaterThan(0.9);
    expect(u.classify('pasal benda tu').confidence).toBeLessThan(0.9);
  });

  test('understand() also gives the normalised text, entities and the language', () => {
    const r = u.understand('brp socso utk gaji 2.5k, pekerja umur 62', { lang: 'en' });
    expect(r.intent).toBe('contribution_quote');
    expect(r.normalised).toBe('berapa socso untuk gaji 2.5k pekerja umur 62');
    expect(r.entities.wages).toEqual(['2500.00']);
    expect(r.entities.ages).toEqual([62]);
    expect(r.lang).toBe('ms'); // wholly Malay, so it overrides the English conversation
    expect(r.langSwitch).toBeNull();
  });

  test('the build reports its time and calibration', () => {
    expect(u.stats.trainingLines).toBeGreaterThan(1000);
    expect(u.stats.temperature).toBeGreaterThan(0);
  });
});

describe('model cache', () => {
  test('a second start with the same data loads the trained model and answers the same', () => {
    const first = createUnderstander();
    const second = createUnderstander();
    expect(second.stats.cached).toBe(true);
    for (const text of ['lupa password', 'brp socso utk gaji 2.5k', 'cuaca esok macam mana']) {
      expect(second.classify(text)).toEqual(first.classify(text));
    }
  });
});
