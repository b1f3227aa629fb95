// The quote reply as an employer reads it: the three figures first, one line per scheme, the
// assumptions in one line with buttons to change them, the full explanation behind "Kenapa?" /
// "Why?", and the same money format in the text and the card.
import { MemoryDocumentStore } from '../../bot/storage';
import { createCoreDeps } from '../../bot/app';
import { ConversationService } from '../../bot/conversation-service';
import type { Reply } from '../../bot/core/types';

const deps = createCoreDeps();
// 26 November 2026, 11:00 in Kuala Lumpur: the current wage month is November 2026.
const NOW = new Date('2026-11-26T03:00:00Z');
let n = 0;

function chat() {
  const service = new ConversationService(deps, new MemoryDocumentStore(), async () => [], () => NOW);
  const ref = { channelId: 'test', conversationId: `q${++n}`, userId: 'u' };
  return async (text: string): Promise<Reply> => (await service.message(ref, { text, channel: 'test' })).replies[0];
}

const titles = (r: Reply) => (r.suggestedActions ?? []).map((a) => a.title);
const facts = (r: Reply) => ((r.card?.body as { facts?: { title: string; value: string }[] }[])[1].facts ?? []);

test('Malay: employer pays, deduct, total first; a line per scheme; the assumptions in one line', async () => {
  const say = chat();
  const r = await say('berapa caruman untuk gaji RM2500');
  const lines = r.text.split('\n');
  expect(lines.slice(0, 3)).toEqual([
    'Gaji RM2,500.00: majikan bayar **RM47.75**',
    'Potong daripada gaji pekerja: **RM35.50**',
    'Jumlah kepada PERKESO: **RM83.25**',
  ]);
  expect(lines.slice(3, 6)).toEqual([
    '• PERKESO (Akta 4), Kategori Pertama: majikan RM42.85, pekerja RM12.25',
    '• SIP (Akta 800): majikan RM4.90, pekerja RM4.90',
    '• LINDUNG 24 Jam: pekerja RM18.35',
  ]);
  expect(lines[6]).toBe('Anggapan: umur 18–59, warganegara, tidak tarik diri, bulan upah November 2026');
  expect(lines[7]).toMatch(/^Sumber: \[PERKESO: Rate of Contribution.*\]\(https:\/\/www\.perkeso\.gov\.my\/en\/rate-of-contribution\.html\)/);
  expect(lines).toHaveLength(8);
  // The quote's own buttons, then 👍 / 👎 last.
  expect(titles(r)).toEqual(['Umur 60 ke atas', 'Pekerja asing', 'Sudah tarik diri LINDUNG 24 Jam', 'Kenapa?', 'Kira caruman saya', '👍', '👎']);
});

test('the card shows the same figures in the same money format as the text', async () => {
  const r = await chat()('how much socso for RM7,000 salary for october 2024');
  expect(r.text.split('\n').slice(0, 3)).toEqual([
    'Wage RM7,000.00 (October 2024): the employer pays **RM116.05**',
    "Deduct from the employee's wage: **RM41.65**",
    'Total to PERKESO: **RM157.70**',
  ]);
  expect(r.text).toContain('Wage above the RM6,000.00 ceiling');
  expect(facts(r).slice(0, 3)).toEqual([
    { title: 'Employer pays', value: 'RM116.05' },
    { title: 'Deduct from wage', value: 'RM41.65' },
    { title: 'Total to PERKESO', value: 'RM157.70' },
  ]);
  expect(JSON.stringify(r.card)).toContain('Wage RM7,000.00');
  // Every amount in the card appears, written the same way, in the text.
  for (const amount of JSON.stringify(r.card).match(/RM[\d,]+\.\d\d/g) ?? []) expect(r.text).toContain(amount);
  expect(JSON.stringify(r.card)).not.toMatch(/RM\d{4,}\./);
});

test('"Kenapa?" shows the full explanation of that quote; the change buttons still work after it', async () => {
  const say = chat();
  await say('berapa caruman untuk gaji RM2500');
  const why = await say('Kenapa?');
  expect(why.text).toMatch(/^Caruman untuk gaji RM2,500\.00, bulan upah November 2026:/);
  expect(why.text).toContain('Kategori gaji: melebihi RM2,400.00 hingga RM2,500.00 (jadual 2024-10).');
  expect(why.text).toMatch(/Anggapan:\n- Umur tidak diberi/);
  expect(why.text).toMatch(/Majikan bayar RM47\.75; potong RM35\.50/);
  expect(titles(why)).toContain('Umur 60 ke atas');
  const older = await say('Umur 60 ke atas');
  expect(older.text).toMatch(/Kategori Kedua: majikan RM30\.60, pekerja RM0\.00/);
  expect(titles(older)).toContain('Umur bawah 60');
  const why2 = await say('kenapa?');
  expect(why2.text).toMatch(/Kategori Kedua \(Bencana Pekerjaan sahaja\)/);
});

test('English "Why?" and the assumptions line with age and nationality given', async () => {
  const say = chat();
  const r = await say('socso for a foreign worker earning RM3000, age 30, for march 2025');
  expect(r.text).toContain('• EIS (Act 800): none');
  expect(r.text).not.toMatch(/^Assumptions:/m);
  expect(titles(r)).toEqual(expect.arrayContaining(['Why?', 'Local worker']));
  const why = await say('Why?');
  expect(why.text).toMatch(/^Contributions for wages of RM3,000\.00, wage month March 2025:/);
});
