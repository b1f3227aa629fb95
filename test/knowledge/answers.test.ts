// What a user sees: every intent answered in both languages, chat-sized, with buttons and sources,
// and the facts that the seed article gets wrong stated correctly.
import { countWords, INTENT_IDS, loadKnowledgeBase, MAX_MORE_WORDS, MAX_TEXT_WORDS } from '../../knowledge';
import type { Answer, IntentId, Lang } from '../../knowledge';
import { intentId } from '../../intents';

const kb = loadKnowledgeBase();
const LANGS: Lang[] = ['ms', 'en'];
const NOW = new Date('2026-11-26T02:00:00Z'); // Thursday 10:00 in Kuala Lumpur
const SOURCELESS = ['greeting', 'thanks', 'goodbye', 'help_menu', 'out_of_scope'];

/** Everything a user can read for an intent: the text and the "more" continuation. */
function fullText(intent: IntentId, lang: Lang): string {
  const a = kb.answer(intent, lang, { now: NOW });
  return `${a.text}\n${a.more ?? ''}`;
}

describe('coverage', () => {
  test('every intent has an answer', () => {
    expect(kb.intents()).toEqual([...INTENT_IDS]);
  });

  describe.each(INTENT_IDS.map((i) => [i]))('%s', (intent) => {
    test.each(LANGS)('%s: non-empty, chat-sized, with buttons and sources', (lang) => {
      const a: Answer = kb.answer(intent, lang, { now: NOW });
      expect(a.intent).toBe(intent);
      expect(a.text.trim().length).toBeGreaterThan(0);
      expect(countWords(a.text)).toBeLessThanOrEqual(MAX_TEXT_WORDS);
      if (a.more !== null) {
        expect(countWords(a.more)).toBeLessThanOrEqual(MAX_MORE_WORDS);
        expect(a.suggestions[0]).toEqual({ title: lang === 'ms' ? 'Lagi' : 'More', value: `more:${intent}` });
        expect(kb.more(intent, lang)?.text).toBe(a.more);
      } else {
        expect(kb.more(intent, lang)).toBeNull();
      }
      expect(a.verified).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (!SOURCELESS.includes(intent)) expect(a.sources.length).toBeGreaterThan(0);
      for (const s of a.sources) expect(s.url).toMatch(/^https:\/\//);
      if (intent !== 'human_handoff') expect(a.suggestions.length).toBeGreaterThan(0);
      for (const s of a.suggestions) {
        expect(s.title.trim()).not.toBe('');
        expect(s.value.trim()).not.toBe('');
      }
    });

    test('Malay and English answers differ (one is not a copy of the other)', () => {
      expect(kb.answer(intent, 'ms', { now: NOW }).text).not.toBe(kb.answer(intent, 'en', { now: NOW }).text);
    });
  });

  test('other_agency has one answer per agency, and the general one lists them all', () => {
    const urls = { kwsp: 'https://www.kwsp.gov.my', lhdn: 'https://www.hasil.gov.my', hrdcorp: 'https://hrdcorp.gov.my', ssm: 'https://www.ssm.com.my' };
    for (const [agency, url] of Object.entries(urls) as Array<[keyof typeof urls, string]>) {
      for (const lang of LANGS) {
        const a = kb.answer(intentId('other_agency'), lang, { agency });
        expect(a.text).toContain(url);
        expect(a.sources.map((s) => s.url)).toEqual([url]);
        for (const other of Object.values(urls).filter((u) => u !== url)) expect(a.text).not.toContain(other);
      }
    }
    const general = kb.answer(intentId('other_agency'), 'en', { agency: null }).text;
    for (const url of Object.values(urls)) expect(general).toContain(url);
  });
});

describe('buttons', () => {
  test('the help menu offers the main topics, each with a button in the user language', () => {
    expect(kb.answer('help_menu', 'ms').suggestions.map((s) => s.value)).toEqual([
      'cara log masuk portal assist', 'daftar id portal majikan baharu', 'kadar caruman perkeso', 'kira caruman', 'bayar caruman lewat', 'cakap dengan pegawai',
    ]);
    expect(kb.answer('help_menu', 'en').suggestions.map((s) => s.title)).toEqual([
      'How to log in', 'Register a Portal ID', 'Contribution rates', 'Calculate my contribution', 'Late payment', 'Talk to an officer',
    ]);
  });

  test('the rates answer leads into the calculator', () => {
    expect(kb.answer('contribution_rates', 'ms').suggestions).toContainEqual({ title: 'Kira caruman saya', value: 'kira caruman' });
    expect(kb.answer('contribution_rates', 'en').suggestions).toContainEqual({ title: 'Calculate my contribution', value: 'calculate contribution' });
  });

  test('button() gives the label for clarifying questions, and null for intents without one', () => {
    expect(kb.button(intentId('forgot_password'), 'ms')).toEqual({ title: 'Lupa kata laluan', value: 'lupa kata laluan' });
    expect(kb.button('human_handoff', 'en')).toEqual({ title: 'Talk to an officer', value: 'talk to an officer' });
    expect(kb.button('out_of_scope', 'en')).toBeNull();
  });
});

describe('facts the seed article gets wrong are stated correctly', () => {
  test('aged 60 and over: Act 4 Second Category, no EIS (not "Act 800 only")', () => {
    const ms = fullText('contribution_rates', 'ms');
    const en = fullText('contribution_rates', 'en');
    expect(ms).toMatch(/60 (tahun )?ke atas: Kategori Kedua[^\n]*tiada SIP/);
    expect(en).toMatch(/60 or over: Second Category[^\n]*no EIS/);
    expect(`${ms}\n${en}`).not.toMatch(/Akta 800 sahaja|hanya tertakluk kepada caruman di bawah Akta 800|Act 800 only/i);
  });

  test('rates: ceiling RM6,000, fixed amounts per band, LINDUNG 24 Jam paid by the employee', () => {
    const en = fullText('contribution_rates', 'en');
    expect(en).toContain('RM6,000');
    expect(en).toMatch(/fixed amounts per wage band/);
    expect(en).toMatch(/LINDUNG 24 Jam \(SKBBK\): employee/);
    expect(fullText('contribution_rates', 'ms')).toMatch(/amaun tetap mengikut julat gaji/);
  });

  test('payment status: the guide names, and no invented timing or module', () => {
    for (const lang of LANGS) {
      const t = fullText(intentId('contribution_status'), lang);
      expect(t).toContain('Payment Status');
      expect(t).toContain('Payment History');
      expect(t).not.toMatch(/1 (hingga|to|-|–) ?3 (hari|working)/i);
      expect(t).not.toMatch(/modul "Sejarah Transaksi" pada portal|check .* in the "Sejarah Transaksi"/i);
    }
    expect(fullText(intentId('contribution_status'), 'en')).toContain('not officially stated');
    expect(fullText(intentId('contribution_status'), 'ms')).toContain('tidak dinyatakan secara rasmi');
  });

  test('late payment: the 15th of the following month and FCLB interest, no claim about lost protection', () => {
    const en = fullText('late_payment', 'en');
    expect(en).toMatch(/15th of the following month/);
    expect(en).toMatch(/6% a year for each day late, minimum RM5/);
    expect(fullText('late_payment', 'ms')).toMatch(/15 haribulan bulan berikutnya/);
    for (const lang of LANGS) expect(fullText('late_payment', lang)).not.toMatch(/menjejaskan perlindungan|affect[a-z]* .*protection/i);
  });

  test('the e-mail is perkeso@perkeso.gov.my and the hours are flagged as from an older page', () => {
    expect(fullText(intentId('contact_support'), 'en')).toContain('perkeso@perkeso.gov.my');
    expect(fullText(intentId('contact_support'), 'en')).toMatch(/older PERKESO page/);
    expect(fullText(intentId('contact_support'), 'ms')).toMatch(/halaman PERKESO yang lebih lama/);
  });

  test('EFT is not offered as a current channel; FPX and the ACR counter reference are', () => {
    const en = kb.answer(intentId('payment_methods'), 'en');
    expect(en.text).toContain('FPX');
    expect(en.text).toContain('ACR');
    expect(en.text).not.toContain('EFT');
  });

  test('no answer claims a PERKESO chatbot called Hanna', () => {
    for (const intent of INTENT_IDS) for (const lang of LANGS) expect(fullText(intent, lang)).not.toMatch(/hanna/i);
  });

  test('the quote answer asks for the wage, with an example', () => {
    expect(kb.answer('contribution_quote', 'ms').text).toContain('Berapakah gaji bulanan pekerja? Contoh: RM2,500');
    expect(kb.answer('contribution_quote', 'en').text).toMatch(/monthly wage\? For example: RM2,500/);
  });
});
