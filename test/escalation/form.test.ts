// The escalation checklist through the real HTTP server, as a user meets it.
import { hotlineStatus } from '../../knowledge';
import { AFTER_HOURS, GOOD_ANSWERS, FINISH, MYKAD_DIGITS, REFERENCE, conversation, referenceIn, say, startApp, type Bot } from './helpers';

let bot: Bot;
let n = 0;
const conv = () => `esc-form-${++n}`;

beforeAll(async () => {
  bot = await startApp();
});
afterAll(async () => bot.stop());

describe('the checklist in Malay', () => {
  test('asks the employer number first with a privacy notice, then one item per turn, and files a ticket', async () => {
    const c = conv();
    await say(bot.url, c, 'lupa password');
    const first = await say(bot.url, c, 'saya nak cakap dengan pegawai');
    expect(first.text).toMatch(/nombor majikan/i);
    expect(first.text).toMatch(/A3100001237X/);
    expect(first.text).toMatch(/hanya digunakan untuk tiket ini/);
    // The notice is two short sentences before the question; the rest is behind "Privasi: lagi".
    const notice = first.text.split('\n\n').find((p) => /hanya digunakan/.test(p)) ?? '';
    expect(notice.split(/(?<=\.)\s+/)).toHaveLength(2);
    expect(notice.length).toBeLessThan(160);
    expect(first.text).not.toMatch(/disimpan/);
    expect(first.buttons).toContain('Privasi: lagi');
    const more = await say(bot.url, c, 'Privasi: lagi');
    expect(more.text).toMatch(/disimpan dalam sistem tiket/);
    expect(more.text).toMatch(/nombor majikan/i); // the same question again, not counted as a wrong answer
    expect(more.text).not.toMatch(/tidak sah/);

    expect((await say(bot.url, c, GOOD_ANSWERS[0])).text).toMatch(/nama syarikat/i);
    expect((await say(bot.url, c, GOOD_ANSWERS[1])).text).toMatch(/nama wakil/i);
    expect((await say(bot.url, c, GOOD_ANSWERS[2])).text).toMatch(/MyKad/);
    const mykad = await say(bot.url, c, GOOD_ANSWERS[3]);
    // The number is shown back masked, never whole.
    expect(mykad.text).toContain('900101-**-***3');
    expect(mykad.text).not.toContain(MYKAD_DIGITS);
    expect(mykad.text).not.toContain('900101-14-5673');
    expect(mykad.text).toMatch(/masalah/i);
    // The topic asked about earlier is offered as the problem.
    expect(mykad.buttons).toContain('Lupa kata laluan');

    const contact = await say(bot.url, c, 'Lupa kata laluan');
    expect(contact.text).toMatch(/e-mel atau nombor telefon/);
    expect(contact.buttons).toEqual(['Langkau']);
    expect((await say(bot.url, c, 'siti@')).text).toMatch(/tidak dapat membaca itu sebagai e-mel atau nombor telefon/i);
    const summary = await say(bot.url, c, 'Siti@MajuJaya.com.my');
    // What will be sent, MyKad masked as on the staff page; nothing is filed yet.
    expect(summary.text).toMatch(/Ini yang akan dihantar kepada pegawai/);
    expect(summary.text).toContain('900101-**-***3');
    expect(summary.text).not.toContain(MYKAD_DIGITS);
    expect(summary.text).toContain('siti@majujaya.com.my');
    expect(summary.text).not.toMatch(REFERENCE);
    expect(summary.buttons).toEqual(['Hantar', 'Ubah', 'Batal']);

    const done = await say(bot.url, c, 'Hantar');
    expect(done.text).toMatch(/Nombor rujukan: HN-2026-\d{6}/);
    expect(done.text).toMatch(/membalas melalui e-mel ke siti@majujaya\.com\.my/);

    const ticket = await bot.app.handoff.tickets.get(referenceIn(done.text));
    expect(ticket).not.toBeNull();
    expect(ticket!.checklist).toEqual({
      employerCode: 'A3100001237X',
      companyName: 'Maju Jaya Sdn Bhd',
      repName: 'Siti Aminah binti Ahmad',
      mykad: MYKAD_DIGITS,
      problem: 'Lupa kata laluan',
    });
    expect(ticket!.missing).toEqual([]);
    expect(ticket!.contact).toEqual({ email: 'siti@majujaya.com.my' });
    // The transcript keeps neither the contact nor the summary's names.
    expect(JSON.stringify(ticket!.transcript)).not.toContain('majujaya');
    expect(JSON.stringify(ticket!.transcript)).not.toContain('Siti Aminah');
    expect(ticket!.topics).toContain('forgot_password');
    expect(ticket!.lang).toBe('ms');
    expect(ticket!.channel).toBe('test');
    expect(ticket!.status).toBe('open');
    // The transcript is there, but without the MyKad or the representative's name.
    const transcript = JSON.stringify(ticket!.transcript);
    expect(ticket!.transcript.length).toBeGreaterThan(4);
    expect(ticket!.transcript.length).toBeLessThanOrEqual(20);
    expect(transcript).toContain('lupa password');
    expect(transcript).not.toContain(MYKAD_DIGITS);
    expect(transcript).not.toContain('900101-14-5673');
    expect(transcript).not.toContain('Siti Aminah');
  });

  test('an invalid employer number is asked again with the reason and an example', async () => {
    const c = conv();
    await say(bot.url, c, 'nak bercakap dengan pegawai');
    const again = await say(bot.url, c, 'A12345');
    expect(again.text).toMatch(/tidak sah/);
    expect(again.text).toMatch(/1 huruf, 10 digit dan 1 huruf/);
    expect(again.text).toMatch(/A3100001237X/);
    // Still on the same question: a good answer moves on to the company name.
    expect((await say(bot.url, c, 'a3100001237x')).text).toMatch(/nama syarikat/i);
  });

  test('an impossible birth date or place-of-birth code in the MyKad is refused with the reason', async () => {
    const c = conv();
    await conversation(bot.url, c, ['nak cakap dengan pegawai', ...GOOD_ANSWERS.slice(0, 3)]);
    const badDate = await say(bot.url, c, '901301-14-5673');
    expect(badDate.text).toMatch(/tarikh lahir/);
    expect(badDate.text).toMatch(/bukan tarikh yang wujud/);
    const badPlace = await say(bot.url, c, '900101-00-5673');
    expect(badPlace.text).toMatch(/kod tempat lahir/);
    const tooShort = await say(bot.url, c, '90010114');
    expect(tooShort.text).toMatch(/12 digit/);
    // None of the wrong numbers is echoed back.
    expect(badDate.text + badPlace.text).not.toMatch(/9013011|9001010/);
    expect((await say(bot.url, c, '900101145673')).text).toContain('900101-**-***3');
  });

  test('after three wrong answers the user may skip the item; the ticket lists it as missing', async () => {
    const c = conv();
    await conversation(bot.url, c, ['nak cakap dengan pegawai', GOOD_ANSWERS[0], GOOD_ANSWERS[1], GOOD_ANSWERS[2]]);
    const one = await say(bot.url, c, '123');
    expect(one.buttons).not.toContain('Langkau');
    await say(bot.url, c, '456');
    const three = await say(bot.url, c, '789');
    expect(three.buttons).toContain('Langkau');
    const skipped = await say(bot.url, c, 'Langkau');
    expect(skipped.text).toMatch(/masalah/i);
    const done = await conversation(bot.url, c, ['Tidak dapat muat naik fail caruman bulan ini', ...FINISH]);
    const ticket = await bot.app.handoff.tickets.get(referenceIn(done.text));
    expect(ticket!.checklist.mykad).toBeNull();
    expect(ticket!.missing).toEqual(['mykad']);
    expect(ticket!.checklist.problem).toBe('Tidak dapat muat naik fail caruman bulan ini');
  });

  test('"batal" in the middle ends the form and no ticket is filed', async () => {
    const c = conv();
    const before = (await bot.app.handoff.tickets.list()).total;
    await conversation(bot.url, c, ['nak cakap dengan pegawai', GOOD_ANSWERS[0]]);
    const cancelled = await say(bot.url, c, 'batal');
    expect(cancelled.text).toMatch(/batal/i);
    // The next message is a question again, not a company name.
    const after = await say(bot.url, c, 'cara bayar caruman');
    expect(after.text).not.toMatch(/nama wakil/i);
    expect((await bot.app.handoff.tickets.list()).total).toBe(before);
  });

  test('"help" at a step explains why the item is needed and repeats the question', async () => {
    const c = conv();
    await conversation(bot.url, c, ['nak cakap dengan pegawai', GOOD_ANSWERS[0], GOOD_ANSWERS[1], GOOD_ANSWERS[2]]);
    const help = await say(bot.url, c, 'help');
    expect(help.text).toMatch(/mengesahkan identiti/);
    expect(help.text).toMatch(/YYMMDD-PB-###G/);
    expect(help.text).toMatch(/nombor MyKad wakil syarikat\?/i);
    // Help does not count as an answer: the MyKad is still what is asked.
    expect((await say(bot.url, c, GOOD_ANSWERS[3])).text).toContain('900101-**-***3');
  });
});

describe('the checklist in English', () => {
  test('the whole form, with the reply naming the reference and what happens next', async () => {
    const c = conv();
    await say(bot.url, c, 'how do I pay my contribution');
    const first = await say(bot.url, c, 'I want to talk to a human');
    expect(first.text).toMatch(/employer number/i);
    expect(first.text).toMatch(/used only for this ticket/);
    const bad = await say(bot.url, c, '3100001237');
    expect(bad.text).toMatch(/isn't valid/);
    expect(bad.text).toMatch(/1 letter, 10 digits and 1 letter, for example A3100001237X/);
    expect((await say(bot.url, c, 'my employer number is B3901000913X')).text).toMatch(/company's name/i);
    expect((await say(bot.url, c, 'Maju Jaya Sdn Bhd')).text).toMatch(/representative/i);
    expect((await say(bot.url, c, 'Ahmad Faizal bin Ismail')).text).toMatch(/MyKad/);
    const badPlace = await say(bot.url, c, '850315-17-1234');
    expect(badPlace.text).toMatch(/place-of-birth code/);
    const ok = await say(bot.url, c, '850315101234');
    expect(ok.text).toContain('MyKad number received: 850315-**-***4');
    expect(ok.buttons).toContain('How to pay');
    expect((await say(bot.url, c, 'My payment through FPX shows failed but the money left my account')).text).toMatch(/reach you/);
    const summary = await say(bot.url, c, '+60 12-345 6789');
    expect(summary.text).toMatch(/This is what will be sent/);
    expect(summary.text).toContain('850315-**-***4');
    expect(summary.buttons).toEqual(['Send', 'Change', 'Cancel']);
    // "Change": pick the item, answer just that step, and the summary comes back with the new answer.
    const pick = await say(bot.url, c, 'Change');
    expect(pick.buttons).toEqual(['Employer number', 'Company name', 'Representative', 'MyKad', 'Problem', 'Contact']);
    expect((await say(bot.url, c, 'Company name')).text).toMatch(/company's name/i);
    const again = await say(bot.url, c, 'Maju Jaya Trading Sdn Bhd');
    expect(again.text).toMatch(/This is what will be sent/);
    expect(again.text).toContain('Maju Jaya Trading Sdn Bhd');
    expect(again.text).not.toMatch(REFERENCE);
    const done = await say(bot.url, c, 'Send');
    expect(done.text).toMatch(/Reference number: HN-2026-\d{6}/);
    expect(done.text).toMatch(/contact you on 012-345 6789/);
    expect(done.text).not.toMatch(/by e-mail/);
    expect(done.text).toMatch(/What happens next/);
    // 11:00 on a Thursday: the line is open, so they can call now.
    expect(done.text).toMatch(/call the Careline now on 1-300-22-8000/);

    const ticket = await bot.app.handoff.tickets.get(referenceIn(done.text));
    expect(ticket!.lang).toBe('en');
    expect(ticket!.checklist.employerCode).toBe('B3901000913X');
    expect(ticket!.checklist.companyName).toBe('Maju Jaya Trading Sdn Bhd');
    expect(ticket!.contact).toEqual({ phone: '012-345 6789' });
    expect(JSON.stringify(ticket!.transcript)).not.toMatch(/012-?345 ?6789/);
    expect(ticket!.topics).toContain('payment_methods');
    expect(JSON.stringify(ticket!.transcript)).not.toContain('850315101234');
    expect(JSON.stringify(ticket!.transcript)).not.toContain('Ahmad Faizal');
  });

  test('after repeated misses the bot offers an officer; accepting starts the checklist', async () => {
    const c = conv();
    await say(bot.url, c, 'what is the weather in paris tomorrow');
    const second = await say(bot.url, c, 'who won the football match');
    expect(second.buttons).toContain('Talk to an officer');
    const accepted = await say(bot.url, c, 'Talk to an officer');
    expect(accepted.text).toMatch(/employer number/i);
    expect((await say(bot.url, c, GOOD_ANSWERS[0])).text).toMatch(/company's name/i);
  });

  test('asking for a person in the middle of a quote switches to the checklist', async () => {
    const c = conv();
    expect((await say(bot.url, c, 'hello')).buttons).toContain('Calculate my contribution');
    expect((await say(bot.url, c, 'Calculate my contribution')).text).toMatch(/wage/i);
    expect((await say(bot.url, c, 'talk to an officer please')).text).toMatch(/employer number/i);
  });

  test('references count up and are never reused', async () => {
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const done = await conversation(bot.url, conv(), ['talk to an officer', ...GOOD_ANSWERS, 'I cannot upload the contribution file', ...FINISH]);
      refs.push(referenceIn(done.text));
    }
    const numbers = refs.map((r) => Number(r.slice(-6)));
    expect(new Set(refs).size).toBe(3);
    expect(numbers[1]).toBe(numbers[0] + 1);
    expect(numbers[2]).toBe(numbers[1] + 1);
  });
});

describe('office hours', () => {
  test('outside Careline hours the reply says when the line opens; without a contact it promises no e-mail', async () => {
    const late = await startApp({}, { clock: () => AFTER_HOURS });
    try {
      const done = await conversation(late.url, 'esc-late', ['talk to an officer', ...GOOD_ANSWERS, 'I cannot log in to ASSIST', ...FINISH]);
      expect(done.text).toMatch(REFERENCE);
      // No contact given: no promise of an e-mail, the Careline and the reference instead.
      expect(done.text).not.toMatch(/by e-mail/);
      expect(done.text).toMatch(/call the Careline or check back with the reference HN-/);
      // When the line opens, in the words of knowledge/hotline.yaml: Friday 27 Nov, 8 am.
      expect(done.text).toContain(hotlineStatus(AFTER_HOURS).en);
      expect(done.text).toMatch(/Friday 27 Nov.*8:00 am/);
      expect(done.text).not.toMatch(/call the Careline now/);
      const ms = await conversation(late.url, 'esc-late-ms', ['nak cakap dengan pegawai', ...GOOD_ANSWERS, 'Tidak dapat log masuk', ...FINISH]);
      expect(ms.text).not.toMatch(/melalui e-mel/);
      expect(ms.text).toMatch(/telefon Careline atau tanya semula dengan nombor rujukan HN-/);
      expect(ms.text).toContain(hotlineStatus(AFTER_HOURS).ms);
      expect(ms.text).toMatch(/Jumaat 27 Nov.*8\.00 pagi/);
    } finally {
      await late.stop();
    }
  });
});
