// Escalation tickets are limited per conversation per day: a visitor looping through the
// officer form cannot flood the officers' queue; other conversations are not affected.
import { GOOD_ANSWERS, FINISH, IN_HOURS, REFERENCE, conversation, say, startApp, type Bot } from '../escalation/helpers';
import { TICKETS_PER_CONVERSATION_PER_DAY } from '../../bot/limits/ticket-quota';
import { klDay } from '../../bot/core';

let bot: Bot;
let tick = 0;
beforeAll(async () => {
  // each turn a minute later, so each form starts at its own time (one filing each), all on one day
  bot = await startApp({}, { clock: () => new Date(IN_HOURS.getTime() + ++tick * 60_000) });
});
afterAll(async () => bot.stop());

const escalate = (conv: string) => conversation(bot.url, conv, ['nak cakap dengan pegawai', ...GOOD_ANSWERS, 'Tidak dapat log masuk ASSIST', ...FINISH]);

test(`the ${TICKETS_PER_CONVERSATION_PER_DAY + 1}th ticket in one conversation on one day is refused politely, naming the earlier ones`, async () => {
  const conv = `quota-${Date.now()}`;
  const refs: string[] = [];
  for (let i = 0; i < TICKETS_PER_CONVERSATION_PER_DAY; i++) {
    const done = await escalate(conv);
    const ref = REFERENCE.exec(done.text)?.[0];
    expect(ref).toBeDefined();
    refs.push(ref!);
  }
  expect(new Set(refs).size).toBe(TICKETS_PER_CONVERSATION_PER_DAY);
  const before = (await bot.app.handoff.tickets.list()).total;

  // refused as soon as the user asks, before any checklist question
  const refused = await say(bot.url, conv, 'nak cakap dengan pegawai');
  expect(refused.text).toMatch(/sudah menghantar 3 permintaan/);
  expect(refused.text).not.toMatch(/nombor majikan/i);
  for (const ref of refs) expect(refused.text).toContain(ref);
  expect((await bot.app.handoff.tickets.list()).total).toBe(before);

  // the conversation carries on normally afterwards
  expect((await say(bot.url, conv, 'berapa caruman untuk gaji RM2500')).text).toContain('42.85');
  // and another conversation can still reach an officer
  expect(REFERENCE.test((await escalate(`${conv}-other`)).text)).toBe(true);
});

test('days are counted in Kuala Lumpur time', () => {
  expect(klDay(new Date('2026-11-26T15:59:00Z'))).toBe('2026-11-26');
  expect(klDay(new Date('2026-11-26T16:00:00Z'))).toBe('2026-11-27');
});
