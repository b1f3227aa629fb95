// LINDUNG 24 Jam (SKBBK): what the answer says must be what FACTS.md §3 says, with its sources, and a
// sub-question ("foreign workers?", "age 65?", "how to opt out?", "refunds?") gets its part first.
import fs from 'fs';
import { computeQuote, formatRM } from '../../calculators';
import { checkKnowledgeBase, KnowledgeError, loadKnowledgeBase } from '../../knowledge';
import type { Lang } from '../../knowledge';
import { intentId } from '../../intents';
import { copyKnowledge, editFile } from './helpers';

const kb = loadKnowledgeBase();
const LINDUNG = intentId('lindung_24jam');
const NOW = new Date('2026-11-26T02:00:00Z');
const LANGS: Lang[] = ['ms', 'en'];

function fullText(lang: Lang, message?: string): string {
  const a = kb.answer(LINDUNG, lang, { now: NOW, message });
  return `${a.text}\n${a.more ?? ''}`;
}

describe('the LINDUNG 24 Jam answer states FACTS.md §3', () => {
  test.each(LANGS)('%s: sources with titles, the official LINDUNG page first, and a verified date', (lang) => {
    const a = kb.answer(LINDUNG, lang, { now: NOW });
    expect(a.sources[0]).toEqual({
      title: 'PERKESO, LINDUNG 24 Jam (SKBBK)',
      url: 'https://www.perkeso.gov.my/uncategorised/989-skim-kemalangan-bukan-bencana-kerja-lindung-24-jam.html',
    });
    for (const s of a.sources) expect(s.title.trim()).not.toBe('');
    expect(a.verified).toMatch(/^2026-\d{2}-\d{2}$/);
  });

  test('employee only, phase-1 rate from wage month June 2026, no age limit, foreign workers cannot opt out', () => {
    const en = fullText('en');
    expect(en).toMatch(/Paid by the employee only\. The employer pays nothing/);
    expect(en).toMatch(/Phase 1 \(wage months June 2026 to May 2028\): about 0\.75%/);
    expect(en).toMatch(/No age limit/);
    expect(en).toMatch(/Foreign workers must pay and cannot opt out/);
    const ms = fullText('ms');
    expect(ms).toMatch(/Dibayar oleh pekerja sahaja/);
    expect(ms).toMatch(/bulan upah Jun 2026 hingga Mei 2028\): kira-kira 0\.75%/);
    expect(ms).toMatch(/Tiada had umur/);
    expect(ms).toMatch(/Pekerja asing wajib dan tidak boleh tarik diri/);
  });

  test('the opt-out: citizens and PRs, the window, the form, the portal, and new hires flagged as unclear', () => {
    const en = kb.answer(LINDUNG, 'en').more ?? '';
    expect(en).toMatch(/citizens and PRs only/);
    expect(en).toMatch(/13 July to 31 August 2026/);
    expect(en).toMatch(/Notice of Release from Liability \(Notis Pelepasan Liabiliti\)/);
    expect(en).toContain('https://lindungfaedah.perkeso.gov.my');
    expect(en).toMatch(/New hires: unclear/);
    expect(en).toMatch(/June 2026 is compulsory for all and not refunded/);
    const ms = kb.answer(LINDUNG, 'ms').more ?? '';
    expect(ms).toMatch(/13 Julai hingga 31 Ogos 2026/);
    expect(ms).toMatch(/Pekerja baharu: tidak jelas/);
  });

  test('the V2 text-file field: positions 239 to 244, in sen, V2 compulsory from 1 October 2026', () => {
    expect(kb.answer(LINDUNG, 'en').more).toMatch(/V2 format \(compulsory from 1 October 2026\) has an SKBBK employee field \(positions 239 to 244, in sen\)/);
    expect(kb.answer(LINDUNG, 'ms').more).toMatch(/V2 \(wajib mulai 1 Oktober 2026\) ada medan SKBBK pekerja \(kedudukan 239 hingga 244, dalam sen\)/);
  });

  test('every SKBBK amount the answer quotes is the one the calculator looks up in the phase-1 table', () => {
    const quoted: Array<[string, string]> = [];
    for (const lang of LANGS) {
      for (const msg of [undefined, 'skbbk rate berapa']) {
        const t = fullText(lang, msg);
        // "RM18.35 bagi gaji RM2,500", "RM12.35 on RM1,700", "RM44.65 on wages above RM6,000"
        for (const m of t.matchAll(/(RM\d+\.\d{2}) (?:bagi|on) (?:gaji |a |wages )?(?:melebihi |above )?(RM[\d,]+)/g)) quoted.push([m[1], m[2]]);
      }
    }
    expect(quoted.length).toBeGreaterThanOrEqual(4);
    for (const [amount, wage] of quoted) {
      const above = wage === 'RM6,000';
      const w = above ? '8000.00' : wage.replace(/[RM,]/g, '');
      const q = computeQuote({ wage: w, month: '2026-11' }, NOW);
      expect(formatRM(q.skbbk!.employee)).toBe(amount);
    }
  });

  test('the rates answer no longer carries the LINDUNG details itself but points to the LINDUNG answer', () => {
    for (const lang of LANGS) {
      const rates = kb.answer('contribution_rates', lang);
      expect(rates.suggestions).toContainEqual(kb.button(LINDUNG, lang));
      expect(`${rates.text}\n${rates.more}`).not.toMatch(/13 (Julai|July)/);
    }
    expect(kb.answer('contribution_rates', 'en').text).toMatch(/LINDUNG 24 Jam \(SKBBK\): employee only, ~0\.75% \(phase 1\), from wage month June 2026/);
  });

  test('the answer leads into the calculator', () => {
    expect(kb.answer(LINDUNG, 'ms').suggestions).toContainEqual({ title: 'Kira caruman saya', value: 'kira caruman' });
    expect(kb.answer(LINDUNG, 'en').suggestions).toContainEqual({ title: 'Calculate my contribution', value: 'calculate contribution' });
  });
});

describe('a sub-question gets its part first', () => {
  /** The reply text must start with `first` and have the brief after it. */
  const cases: Array<[Lang, string, RegExp, string]> = [
    ['ms', 'LINDUNG wajib ke untuk pekerja asing', /^Pekerja asing wajib mencarum LINDUNG 24 Jam\. Mereka tidak boleh tarik diri/, 'foreign'],
    ['en', 'do my Indonesian workers have to pay SKBBK too', /^Foreign workers must contribute to LINDUNG 24 Jam\. They cannot opt out/, 'foreign'],
    ['ms', 'pekerja umur 65 masih kena bayar lindung ke', /^Tiada had umur untuk LINDUNG 24 Jam/, 'age'],
    ['en', 'my cleaner is 67, does SKBBK still apply', /^LINDUNG 24 Jam has no age limit/, 'age'],
    ['ms', 'macam mana staff nak tarik diri dari skbbk', /^Tarik diri: untuk warganegara dan PR sahaja\. Pekerja sedia ada boleh tarik diri dari 13 Julai hingga 31 Ogos 2026/, 'opt_out'],
    ['en', 'how does a local worker opt out of the 24 hour scheme', /^Opting out: citizens and PRs only\./, 'opt_out'],
    ['ms', 'boleh dapat refund potongan lindung bulan jun?', /^Bayaran balik: bulan upah Jun 2026 wajib untuk semua dan tidak dikembalikan/, 'refund'],
    ['en', 'can we get our money back for SKBBK deducted after the opt-out', /^Refunds: wage month June 2026 is compulsory for everyone and not refunded/, 'refund'],
    ['en', 'which column of the text file holds SKBBK', /^Text file: the V2 format/, 'text_file'],
  ];

  test.each(cases)('%s: "%s"', (lang, message, first, part) => {
    const a = kb.answer(LINDUNG, lang, { now: NOW, message });
    expect(a.parts).toContain(part);
    expect(a.text).toMatch(first);
    const brief = lang === 'ms' ? 'Ringkasnya:' : 'In short:';
    expect(a.text.indexOf(brief)).toBeGreaterThan(0);
    // the rest stays behind "more"
    expect(a.suggestions[0].value).toBe('more:lindung_24jam');
  });

  test('a general question gets the whole answer, with no part in front', () => {
    for (const message of ['skbbk tu apa', 'apa tu lindung 24 jam', 'what is LINDUNG 24 Jam']) {
      const a = kb.answer(LINDUNG, 'en', { now: NOW, message });
      expect(a.parts).toEqual([]);
      expect(a.text).toBe(kb.answer(LINDUNG, 'en', { now: NOW }).text);
    }
  });

  test('two sub-questions in one message: both parts, in the order of the file, then the brief', () => {
    const a = kb.answer(LINDUNG, 'ms', { now: NOW, message: 'pekerja asing umur 61 boleh tarik diri tak' });
    expect(a.parts).toEqual(['foreign', 'age']);
    const t = a.text;
    expect(t.indexOf('Pekerja asing wajib')).toBe(0);
    expect(t.indexOf('Tiada had umur')).toBeGreaterThan(0);
    expect(t.indexOf('Ringkasnya:')).toBeGreaterThan(t.indexOf('Tiada had umur'));
  });

  test('a part brings its own source', () => {
    const a = kb.answer(LINDUNG, 'en', { now: NOW, message: 'opt out form?' });
    expect(a.sources.map((s) => s.url)).toContain('https://lindungfaedah.perkeso.gov.my');
  });
});

describe('a support officer\'s mistake in parts stops the start with the file and field', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  function problemsAfter(edit: (text: string) => string): string[] {
    const dir = copyKnowledge();
    dirs.push(dir);
    editFile(dir, 'answers/lindung_24jam.yaml', edit);
    expect(() => loadKnowledgeBase(dir)).toThrow(KnowledgeError);
    return checkKnowledgeBase(dir).errors;
  }

  test('a trigger with * in the middle', () => {
    expect(problemsAfter((t) => t.replace('[foreign*, expat*', '[fore*ign, expat*'))).toContainEqual(
      expect.stringMatching(/lindung_24jam\.yaml:\d+: parts\[0\]\.triggers\.en\[0\] "fore\*ign" has \* in the middle/),
    );
  });

  test('triggers for one language only', () => {
    expect(problemsAfter((t) => t.replace(/\n {6}en: \[foreign\*[^\n]*/, ''))).toContainEqual(
      expect.stringMatching(/parts\[0\]\.triggers\.en must be a non-empty list/),
    );
  });

  test('the same trigger in two parts', () => {
    expect(problemsAfter((t) => t.replace('[umur, berumur', '[asing, berumur'))).toContainEqual(
      expect.stringMatching(/parts\[1\]\.triggers\.ms\[0\] "asing" is also a trigger of part "foreign"/),
    );
  });

  test('an answer with parts but no brief', () => {
    expect(problemsAfter((t) => t.replace(/\n {2}brief: \|\n {4}In short:[^\n]*/, ''))).toContainEqual(
      expect.stringMatching(/lindung_24jam\.yaml:\d+: en\.brief is missing/),
    );
  });

  test('a part that is too long for a chat bubble', () => {
    expect(problemsAfter((t) => t.replace('LINDUNG 24 Jam has no age limit.', `LINDUNG 24 Jam has no age limit. ${'word '.repeat(80)}`))).toContainEqual(
      expect.stringMatching(/parts\[1\]\.en has \d+ words; the limit for a part is 70/),
    );
  });
});
