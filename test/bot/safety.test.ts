// What a user shares by mistake: warned in the chat, and never kept in the stored transcript.
import { MemoryDocumentStore } from '../../bot/storage';
import { createCoreDeps } from '../../bot/app';
import { ConversationService } from '../../bot/conversation-service';

const deps = createCoreDeps();
const storage = new MemoryDocumentStore();
const service = new ConversationService(deps, storage, async () => [], () => new Date('2026-11-26T03:00:00Z'));
let n = 0;

async function chat(...texts: string[]) {
  const ref = { channelId: 'test', conversationId: `safety-${++n}`, userId: 'u' };
  const replies: string[] = [];
  for (const text of texts) replies.push((await service.message(ref, { text, channel: 'test' })).replies.map((r) => r.text).join('\n'));
  const stored = JSON.stringify(await storage.read([`conversation/test/safety-${n}/u`]));
  return { replies, stored };
}

test('a password typed into the chat is warned about and kept out of the transcript', async () => {
  const { replies, stored } = await chat('tak boleh login, password saya Rahsia#2026 tu');
  expect(replies[0]).toMatch(/jangan kongsi kata laluan/i);
  expect(stored).not.toContain('Rahsia#2026');
  expect(stored).toContain('[PASSWORD]');
});

test('a full MyKad number or bank account outside the officer form is warned about and redacted', async () => {
  const mykad = await chat('IC saya 900101-14-5673, kenapa tak boleh daftar');
  expect(mykad.replies[0]).toMatch(/MyKad/);
  expect(mykad.stored).not.toMatch(/900101-?14-?5673/);

  const bank = await chat('akaun maybank saya 514012345678 kena potong dua kali');
  expect(bank.replies[0]).toMatch(/akaun bank/i);
  expect(bank.stored).not.toContain('514012345678');
});

test('the MyKad asked for by the officer form gets no warning, and is masked in the transcript', async () => {
  const { replies, stored } = await chat('nak cakap dengan pegawai', 'A3100001237X', 'Syarikat Maju Sdn Bhd', 'Aminah binti Ali', '900101-14-5673');
  expect(replies[4]).not.toMatch(/jangan taip nombor MyKad/i);
  expect(replies[4]).toMatch(/\*/); // shown back masked
  expect(stored.match(/"transcript":\[.*?\]/)?.[0]).not.toMatch(/900101-?14-?5673/);
});

test('a pasted link that is not PERKESO gets a phishing caution; the official one does not', async () => {
  const fake = await chat('is this the login page? http://assist-perkeso.com/login');
  expect(fake.replies[0]).toMatch(/not an official PERKESO address|bukan alamat rasmi/i);
  const real = await chat('is this the login page? https://assist.perkeso.gov.my/employer/login');
  expect(real.replies[0]).not.toMatch(/not an official PERKESO address|bukan alamat rasmi/i);
});

test('no reply ever asks the user for a password', async () => {
  const { replies } = await chat('lupa password', 'first time login', 'akaun kena lock', 'nak cakap dengan pegawai', 'help');
  for (const r of replies) expect(r).not.toMatch(/(berikan|masukkan|type|give|send|enter) (me )?(your |kata laluan anda|password anda)?(password|kata laluan) (di sini|here)/i);
});
