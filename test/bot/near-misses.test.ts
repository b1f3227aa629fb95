// Questions that sound like PERKESO but belong elsewhere go to the right body, and LINDUNG 24 Jam
// sub-questions get their part first: first messages as employers type them, through the real
// understander and turn function. None of these lines is in the training data.
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core/turn';
import type { Reply } from '../../bot/core/types';

const deps = createCoreDeps();
const NOW = new Date('2026-11-26T03:00:00Z'); // Thursday 11:00 in Kuala Lumpur

function firstMessage(text: string): { text: string; intent: string | null; replies: Reply[] } {
  const r = runTurn(deps, undefined, { text, channel: 'test' }, NOW);
  return { text: r.replies.map((x) => x.text).join('\n'), intent: r.meta.intent, replies: r.replies };
}

/** PERKESO how-to answers that a near miss must not get instead of the redirect. */
const PERKESO_HOW_TO = /FPX|Log masuk ASSIST|Log in to ASSIST|Berapakah gaji bulanan|What is the employee's monthly wage/;

describe('near misses go to the right body, not a PERKESO answer', () => {
  const cases: Array<[string, string, string[]]> = [
    // EPF / KWSP payments
    ['EPF payment', 'https://www.kwsp.gov.my', [
      'nak bayar caruman kwsp untuk staff bulan ni, guna apa',
      'EPF payment for my employees, which website',
      'kwsp contribution payment online ada ke',
    ]],
    // the minimum wage: the labour department
    ['minimum wage', 'https://jtksm.mohr.gov.my', [
      'berapa gaji minimum yang perlu saya bayar pekerja',
      "what's the minimum salary I must pay by law",
      'gaji minimum utk pekerja part time camne kira',
    ]],
    // foreign workers' permits and levy: immigration
    ['permits and levy', 'https://www.imi.gov.my', [
      'permit pekerja bangladesh saya nak tamat, renew kat mana',
      'how do I pay the levy for my foreign workers',
      'PLKS pekerja asing tamat bulan depan',
    ]],
  ];

  describe.each(cases)('%s', (_topic, url, lines) => {
    test.each(lines)('"%s"', (line) => {
      const r = firstMessage(line);
      expect(r.intent).toBe('other_agency');
      // the first sentence names the other body; PERKESO's own side may follow, never lead
      expect(r.text.split('\n')[0]).toMatch(/bukan PERKESO|not PERKESO/);
      expect(r.text.split('\n')[0]).toContain(url);
      expect(r.text).not.toMatch(PERKESO_HOW_TO);
    });
  });

  test('the minimum wage answer says it is not a PERKESO rate, in both languages', () => {
    expect(firstMessage('berapa gaji minimum yang perlu saya bayar pekerja').text).toMatch(/Gaji minimum bukan kadar PERKESO/);
    expect(firstMessage("what's the minimum salary I must pay by law").text).toMatch(/The minimum wage is not a PERKESO rate/);
  });

  test('the EPF answer says EPF is not paid through ASSIST', () => {
    expect(firstMessage('EPF payment for my employees, which website').text).toMatch(/not paid through the ASSIST portal/);
  });

  test.each([
    ['ms', 'pekerja kilang saya tercedera tangan, macam mana nak buat tuntutan', /^Tuntutan faedah pekerja sendiri/],
    ['en', 'my cleaner slipped at work and broke her wrist, how does she claim', /^A worker's own benefit claim/],
    ['en', 'staff accident on the way to work, boleh claim socso tak', /^(A worker's own benefit claim|Tuntutan faedah pekerja sendiri)/],
  ])('%s: a worker\'s own injury claim: "%s" gets PERKESO\'s benefit channels, and no invented contact', (_lang, line, lead) => {
    const r = firstMessage(line);
    expect(r.text).toMatch(lead);
    expect(r.text).toContain('https://lindungfaedah.perkeso.gov.my');
    expect(r.text).toContain('1-300-22-8000');
    expect(r.text).toMatch(/tiada maklumat rasmi tentang borang|no official details of each claim's forms/);
    // the only phone number is the Careline from FACTS.md
    const phones = r.text.match(/\b\d[\d -]{6,}\d\b/g) ?? [];
    expect(phones.filter((p) => p.replace(/\D/g, '') !== '1300228000')).toEqual([]);
    expect(r.text).not.toMatch(/Maaf, saya tidak dapat membantu|Sorry, I can't help/);
  });

  test('something plainly unrelated still gets the plain refusal', () => {
    const r = firstMessage('siapa menang bola semalam');
    expect(r.text).toMatch(/^Maaf, saya tidak dapat membantu/);
    expect(r.text).not.toContain('lindungfaedah');
  });
});

describe('LINDUNG 24 Jam through the turn', () => {
  test.each([
    ['LINDUNG wajib ke untuk pekerja asing', 'Pekerja asing wajib mencarum', 'Ringkasnya:'],
    ['is the 24-hour coverage deducted from salary', 'Who pays: the employee only.', 'In short:'],
    ['staff sy umur 65, kena potong skbbk lagi ke', 'Tiada had umur untuk LINDUNG 24 Jam', 'Ringkasnya:'],
    ['how can my local staff opt out of skbbk', 'Opting out: citizens and PRs only.', 'In short:'],
    ['refund skbbk utk staff yg dah tarik diri camne', 'Bayaran balik: bulan upah Jun 2026', 'Ringkasnya:'],
  ])('"%s": its part comes first, the brief after', (line, part, brief) => {
    const r = firstMessage(line);
    expect(r.intent).toBe('lindung_24jam');
    expect(r.text.indexOf(part)).toBe(0);
    expect(r.text.indexOf(brief)).toBeGreaterThan(r.text.indexOf(part));
    expect(r.replies[0].suggestedActions?.[0].title).toMatch(/^(Lagi|More)$/);
  });

  test('"skbbk tu apa" gets the whole answer, with its source', () => {
    const r = firstMessage('skbbk tu apa');
    expect(r.intent).toBe('lindung_24jam');
    expect(r.text).toMatch(/^LINDUNG 24 Jam \(SKBBK, Skim Kemalangan Bukan Bencana Kerja\)/);
    expect(r.text).toContain('https://www.perkeso.gov.my/uncategorised/989-skim-kemalangan-bukan-bencana-kerja-lindung-24-jam.html');
  });
});
