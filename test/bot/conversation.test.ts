// Conversations as tables of [user says, the bot's reply must match] through the real core.
import { MemoryDocumentStore } from '../../bot/storage';
import { createCoreDeps } from '../../bot/app';
import { ConversationService } from '../../bot/conversation-service';
import type { Reply } from '../../bot/core/types';

const deps = createCoreDeps();
let n = 0;

type Step = [string, RegExp | ((replies: Reply[]) => void)];

async function converse(steps: Step[]): Promise<void> {
  const service = new ConversationService(deps, new MemoryDocumentStore(), async () => [], () => new Date('2026-11-26T03:00:00Z'));
  const ref = { channelId: 'test', conversationId: `c${++n}`, userId: 'u' };
  for (const [says, expected] of steps) {
    const { replies } = await service.message(ref, { text: says, channel: 'test' });
    const all = replies.map((r) => r.text + ' ' + (r.suggestedActions ?? []).map((a) => a.title).join(' | ')).join('\n');
    if (expected instanceof RegExp) {
      if (!expected.test(all)) throw new Error(`after "${says}" expected ${expected} in:\n${all}`);
    } else expected(replies);
  }
}

const titles = (replies: Reply[]) => replies.flatMap((r) => (r.suggestedActions ?? []).map((a) => a.title));

describe('small talk in the user’s language', () => {
  test('Malay greeting, thanks and goodbye are answered in Malay', () =>
    converse([
      ['assalamualaikum', (r) => expect(titles(r)).toEqual(expect.arrayContaining(['Cara log masuk', 'Daftar ID Portal', 'Kadar caruman', 'Kira caruman saya', 'Bayaran lewat', 'Cakap dengan pegawai']))],
      ['terima kasih banyak', /sama-sama|kasih/i],
      ['ok bye, jumpa lagi', /Terima kasih kerana berbual/i],
    ]));

  test('a salam is answered in kind; a secular greeting is not', () =>
    converse([
      ['Assalamualaikum', /^Waalaikumussalam!/],
      ['salam sejahtera', (r) => expect(r[0].text).not.toMatch(/Waalaikumussalam/)],
    ]));

  test('English greeting and the menu are answered in English with the main topics', () =>
    converse([
      ['hello there', (r) => expect(titles(r)).toEqual(expect.arrayContaining(['How to log in', 'Register a Portal ID', 'Contribution rates', 'Calculate my contribution', 'Late payment', 'Talk to an officer']))],
      ['menu', (r) => expect(titles(r)).toContain('Calculate my contribution')],
      ['thank you so much', /welcome|glad|pleasure/i],
    ]));

  test('a greeting without language evidence does not fix the language: the next English question gets English', () =>
    converse([
      ['hi', /./],
      ['SOCSO for RM3,200 salary', /Wage RM3,200\.00: the employer pays/],
      ['ok', /./],
      ['terima kasih', /welcome/i],
    ]));

  test('asking for English switches the language and it stays', () =>
    converse([
      ['salam', /./],
      ['English please', /English/],
      ['lupa password', (r) => expect(r[0].text).toMatch(/password/i)],
    ]));
});

describe('buttons and quotes', () => {
  test('pressing a menu button answers that topic', () =>
    converse([
      ['hai', /./],
      ['Kadar caruman', /6,000|6000/],
    ]));

  test('a quote question without a wage asks for it; cancel stops the form', () =>
    converse([
      ['hai', /./],
      ['Kira caruman saya', /gaji/i],
      ['batal', /batal/i],
      ['2500', (r) => expect(r.map((x) => x.text).join(' ')).not.toContain('42.85')],
    ]));

  test('a wage in the question gets the quote at once, and a follow-up age recomputes it', () =>
    converse([
      ['berapa socso untuk gaji RM2,500', /42\.85/],
      ['Umur 60 ke atas', /30\.60/],
    ]));
});

describe('quote follow-ups', () => {
  test('after a quote, a short message changing one input recomputes it', () =>
    converse([
      ['berapa caruman gaji 2500', /RM2,500\.00/],
      ['3000?', /RM3,000\.00/],
      ['kalau 4500 pulak', /RM4,500\.00/],
      ['what about RM7,000', /RM7,000\.00[\s\S]*siling|ceiling/],
      ['untuk oktober 2024', /Oktober 2024[\s\S]*104\.15|86\.65/],
      ['kalau 62?', /Kategori Kedua/],
      ['pekerja asing', /tiada SIP|SIP \(Akta 800\): tiada/],
    ]));

  test('a question on another topic after a quote is answered as that topic', () =>
    converse([
      ['berapa caruman gaji 2500', /RM2,500\.00/],
      ['macam mana nak bayar caruman', /FPX/],
      ['3000', (r) => expect(r.map((x) => x.text).join(' ')).not.toContain('RM3,000.00')],
    ]));
});

describe('late payment', () => {
  test('the answer offers an interest estimate, asked one item at a time', () =>
    converse([
      ['hai', /./],
      ['Bayaran lewat', /15/],
      ['Anggar faedah lewat bayar', /jumlah caruman/i],
      ['RM450', /bulan upah/i],
      ['oktober 2026', /dibayar/i],
      ['20/12/2026', /ANGGARAN[\s\S]*lewat 35 hari[\s\S]*RM5\.00/],
    ]));

  test('an unreadable date is asked again with the format', () =>
    converse([
      ['hello', /./],
      ['Late payment', /15/],
      ['Estimate late interest', /how much/i],
      ['1000', /wage month/i],
      ['10/2026', /when/i],
      ['last week sometime', /couldn't read that date[\s\S]*DD\/MM\/YYYY|couldn't read that date/],
    ]));
});

describe('follow-up questions on the last topic', () => {
  test('a short unsure question right after an answer is read with that topic', () =>
    converse([
      ['how do i get the portal id', /Portal ID/],
      ['what documents needed', /SSM/],
      ['how long does approval take', /not officially stated/],
    ]));

  test('an unrelated question after an answer is still out of scope, and a message leaning to another topic is not forced onto the last one', () =>
    converse([
      ['cara log masuk', /log masuk/i],
      ['what is the weather today', /can't help with that/],
      ['cara log masuk', /log masuk/i],
      ['dokumen apa perlu', (r) => expect(r[0].text).not.toMatch(/Skrin log masuk/)],
    ]));
});

describe('when the bot does not know', () => {
  test('two misses in a row offer an officer; an answered question resets the count', () =>
    converse([
      ['hai', /./],
      ['siapa menang piala dunia', (r) => expect(r[0].text).toMatch(/1-300-22-8000/)],
      ['Kadar caruman', /6,000/],
      ['resepi rendang ayam', (r) => expect(r[0].text).not.toMatch(/pegawai kami|kepada pegawai\./)],
      ['lagu raya paling best', (r) => expect(r[0].text).toMatch(/pegawai/)],
    ]));

  test('another agency gets a polite redirect to its official site', () =>
    converse([
      ['macam mana nak semak baki KWSP saya', /kwsp\.gov\.my/],
      ['how do I pay PCB to LHDN', /hasil\.gov\.my/],
    ]));
});

test('words that are also object keys ("__proto__", "constructor") get an answer like any message', () =>
  converse([
    ['__proto__', (r) => expect(r.length).toBeGreaterThan(0)],
    ['constructor', (r) => expect(r.length).toBeGreaterThan(0)],
  ]));
