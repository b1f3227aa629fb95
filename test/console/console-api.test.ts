// The console's API on the real app (HTTP, memory store): messages the bot did not understand
// show up in the queue redacted with their top three, a 👎 joins them, staff label items, the
// labelled ones export as training lines, the charts' figures and CSVs follow the traffic, and the
// ticket list pages and searches. All of it behind TRIAGE_TOKEN.
import { GOOD_ANSWERS, FINISH, MYKAD_DIGITS, conversation, referenceIn, say, startApp, type Bot } from '../escalation/helpers';

const TOKEN = 'console-token-for-tests-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };

async function api(bot: Bot, pathname: string, init: RequestInit = {}): Promise<{ status: number; text: string; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${bot.url}${pathname}`, { ...init, headers: { ...auth, ...(init.headers as Record<string, string>) } });
  const text = await res.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    /* CSV or text */
  }
  return { status: res.status, text, json, headers: res.headers };
}

interface Item {
  id: string;
  reason: string;
  message: string;
  lang: string;
  top: { intent: string; confidence: number }[];
  label?: string;
  missing?: string;
}

let bot: Bot;
let reference: string;
let second: string;

beforeAll(async () => {
  bot = await startApp({ TRIAGE_TOKEN: TOKEN });
  // Out of scope (with a MyKad that must not be kept), a clarification, and an answer.
  await say(bot.url, 'console-1', `IC saya ${GOOD_ANSWERS[3]}, macam mana nak ubah alamat syarikat`);
  await say(bot.url, 'console-1', 'tukar emel majikan');
  await say(bot.url, 'console-1', 'apa khabar boss');
  reference = referenceIn((await conversation(bot.url, 'console-2', ['talk to an officer', ...GOOD_ANSWERS, 'Cannot print the ACR', ...FINISH])).text);
  second = referenceIn((await conversation(bot.url, 'console-3', ['nak cakap dengan pegawai', 'B3200009876Y', ...GOOD_ANSWERS.slice(1), 'Tak boleh bayar', ...FINISH])).text);
  await say(bot.url, 'console-4', 'how do I print the ACR for last month');
  await bot.app.insights.recordFeedback({
    ref: { channelId: 'test', conversationId: 'console-4', userId: 'employer-1' },
    answerId: 'acr_receipt',
    intent: 'acr_receipt',
    lang: 'en',
    vote: 'down',
    missing: 'call me on 012-345 6789',
    redactedMessage: 'how do I print the ACR for last month',
  }, new Date('2026-11-26T03:00:00Z'));
  await bot.app.insights.recordFeedback({
    ref: { channelId: 'test', conversationId: 'console-1', userId: 'employer-1' },
    answerId: 'greeting', intent: 'greeting', lang: 'ms', vote: 'up', redactedMessage: 'apa khabar boss',
  }, new Date('2026-11-26T03:00:00Z'));
}, 60_000);

afterAll(async () => bot?.stop());

test('everything needs the token', async () => {
  for (const p of ['/api/review', '/api/review/export', '/api/insights', '/api/insights/csv/conversations']) {
    const res = await fetch(`${bot.url}${p}`);
    expect(res.status).toBe(401);
  }
  const post = await fetch(`${bot.url}/api/review/2026-11-26~000000000000/label`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"label":"guides"}' });
  expect(post.status).toBe(401);
});

test('not-understood turns and a 👎 are queued, redacted, with the top three', async () => {
  const res = await api(bot, '/api/review?filter=all');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const items = res.json.items as Item[];
  const byReason = (r: string) => items.filter((i) => i.reason === r);
  expect(byReason('out_of_scope').map((i) => i.message)).toEqual(['IC saya [MYKAD], macam mana nak ubah alamat syarikat']);
  expect(byReason('clarify').map((i) => i.message)).toEqual(['tukar emel majikan']);
  const down = byReason('down');
  expect(down).toHaveLength(1);
  expect(down[0].message).toBe('how do I print the ACR for last month');
  expect(down[0].missing).toBe('call me on [PHONE]');
  for (const i of items) {
    expect(i.top).toHaveLength(3);
    expect(i.top[0].confidence).toBeGreaterThanOrEqual(i.top[1].confidence);
  }
  // Answered messages are not in the queue.
  expect(items.some((i) => i.message === 'apa khabar boss')).toBe(false);
  expect(res.text).not.toContain(MYKAD_DIGITS);
  expect(res.text).not.toContain('900101-14-5673');
  expect(res.json.labels).toContain('navigate_portal');
});

test('an item is labelled with one call, leaves the open list, and exports as a training line', async () => {
  const open = (await api(bot, '/api/review')).json.items as Item[];
  const item = open.find((i) => i.reason === 'out_of_scope')!;
  const bad = await api(bot, `/api/review/${item.id}/label`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"label":"no_such_intent"}' });
  expect(bad.status).toBe(400);
  expect((await api(bot, '/api/review/2026-11-26~000000000000/label', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"label":"guides"}' })).status).toBe(404);

  const ok = await api(bot, `/api/review/${item.id}/label`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"label":"navigate_portal"}' });
  expect(ok.status).toBe(200);
  expect(ok.json.label).toBe('navigate_portal');
  const after = (await api(bot, '/api/review')).json.items as Item[];
  expect(after.map((i) => i.id)).not.toContain(item.id);
  expect(((await api(bot, '/api/review?filter=labelled')).json.items as Item[]).map((i) => i.id)).toEqual([item.id]);

  const exported = await api(bot, '/api/review/export');
  expect(exported.status).toBe(200);
  expect(exported.text.trim().split('\n').map((l) => JSON.parse(l))).toEqual([
    { intent: 'navigate_portal', ms: ['IC saya [MYKAD], macam mana nak ubah alamat syarikat'], en: [], mixed: [] },
  ]);
});

test('the insights count conversations, containment, feedback, not-understood, tickets and languages for the day', async () => {
  const res = await api(bot, '/api/insights?days=7');
  expect(res.status).toBe(200);
  const r = res.json as {
    days: string[]; conversations: number[]; containment: (number | null)[]; notUnderstood: number[]; messages: number[];
    topIntents: { intent: string; total: number }[]; feedback: { answerId: string; up: number; down: number }[];
    languages: { lang: string; messages: number }[]; tickets: Record<string, number[]>;
  };
  expect(r.days).toHaveLength(7);
  expect(r.days.at(-1)).toBe('2026-11-26');
  const today = r.days.length - 1;
  expect(r.conversations[today]).toBe(4);
  // Two filed a ticket, one got a 👎: one of four was contained.
  expect(r.containment[today]).toBe(0.25);
  expect(r.notUnderstood[today]).toBe(2);
  expect(r.feedback).toEqual(expect.arrayContaining([{ answerId: 'acr_receipt', up: 0, down: 1 }, { answerId: 'greeting', up: 1, down: 0 }]));
  expect(r.tickets.open[today]).toBe(2);
  expect(r.languages.map((l) => l.lang).sort()).toEqual(['en', 'ms']);
  expect(r.topIntents.map((t) => t.intent)).toContain('human_handoff');
  // No message text in the figures.
  expect(res.text).not.toMatch(/alamat|ACR for/);

  const csv = await api(bot, '/api/insights/csv/containment?days=7');
  expect(csv.status).toBe(200);
  expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
  expect(csv.text.split('\r\n')[0]).toBe('day,conversations,with_ticket_or_thumbs_down,containment');
  expect(csv.text).toContain('2026-11-26,4,3,0.25');
  for (const chart of ['conversations', 'intents', 'feedback', 'not-understood', 'tickets', 'languages']) {
    expect((await api(bot, `/api/insights/csv/${chart}`)).status).toBe(200);
  }
  expect((await api(bot, '/api/insights/csv/nothing')).status).toBe(404);
});

test('the ticket list pages and searches by reference, employer number and status', async () => {
  const page1 = await api(bot, '/api/tickets?limit=1');
  expect(page1.json.total).toBe(2);
  expect((page1.json.tickets as { reference: string }[]).map((t) => t.reference)).toEqual([second]);
  const page2 = await api(bot, '/api/tickets?limit=1&offset=1');
  expect((page2.json.tickets as { reference: string }[]).map((t) => t.reference)).toEqual([reference]);

  const byRef = await api(bot, `/api/tickets?q=${reference.toLowerCase()}`);
  expect((byRef.json.tickets as { reference: string }[]).map((t) => t.reference)).toEqual([reference]);
  const byCode = await api(bot, '/api/tickets?q=b3200009876');
  expect((byCode.json.tickets as { reference: string }[]).map((t) => t.reference)).toEqual([second]);
  const none = await api(bot, '/api/tickets?q=A3100001237X&status=closed');
  expect(none.json.total).toBe(0);
  expect((await api(bot, '/api/tickets?q=%3Cscript%3E')).status).toBe(400);
});
