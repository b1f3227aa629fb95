// What a caller sends ends up in the officers' e-mail and on the staff page only after control
// characters and bidi overrides are stripped; the channel is named only when it is a known channel
// id; a long problem is wrapped, never cut.
import { composeTicketEmail } from '../../bot/handoff';
import type { Ticket } from '../../bot/tickets';
import { GOOD_ANSWERS, FINISH, startApp, type Bot } from './helpers';
import { post, message } from '../helpers/bot-server';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const LONG_PROBLEM = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ') + ' THE-END';

function ticket(overrides: Partial<Ticket> = {}): Ticket {
  const at = '2026-11-26T03:00:00.000Z';
  return {
    reference: 'HN-2026-000042',
    status: 'open',
    createdAt: at,
    updatedAt: at,
    checklist: { employerCode: 'A3100001237X', companyName: 'Maju \u202Egnp.exe Jaya', repName: 'Siti\u0007\u001b[31m Aminah', mykad: '900101145673', problem: LONG_PROBLEM },
    missing: [],
    topics: ['forgot_password'],
    lang: 'en',
    channel: 'webchat',
    conversationId: 'c1',
    transcript: [{ from: 'user', text: 'hello \u2066there\u2069\r\nBcc: x@example.com', at }],
    assignee: null,
    notes: [],
    delivery: { email: { state: 'pending', attempts: 0, lastError: null, nextAttemptAt: at, sentAt: null, messageId: null } },
    ...overrides,
  };
}

const settings = { from: 'hanna@example.test', to: 'officers@example.test', publicUrl: '' };

test('the e-mail carries no control characters or bidi overrides from caller-supplied fields', () => {
  const mail = composeTicketEmail(ticket(), settings);
  expect(mail.text.replace(/\n/g, '')).not.toMatch(UNSAFE);
  expect(mail.subject).not.toMatch(UNSAFE);
  expect(mail.text).toContain('Maju gnp.exe Jaya');
  expect(mail.text).toContain('Siti[31m Aminah');
  expect(mail.text).not.toMatch(/^Bcc:/m);
});

test('the channel is written only when it is a known channel id', () => {
  expect(composeTicketEmail(ticket(), settings).text).toMatch(/^Saluran \/ Channel: webchat$/m);
  const odd = composeTicketEmail(ticket({ channel: 'msteams\u202E\r\nX-Evil: 1' }), settings).text;
  expect(odd).toMatch(/^Saluran \/ Channel: \(lain \/ other\)$/m);
  expect(odd).not.toContain('X-Evil');
});

test('a long problem is wrapped, not cut', () => {
  const text = composeTicketEmail(ticket(), settings).text;
  expect(text).toContain('THE-END');
  const flat = text.replace(/\n\s+/g, ' ');
  expect(flat).toContain(LONG_PROBLEM);
  expect(Math.max(...text.split('\n').filter((l) => l.includes('word')).map((l) => l.length))).toBeLessThanOrEqual(100);
});

describe('the staff API (what /staff shows)', () => {
  const TOKEN = 'staff-token-for-email-content-tests-0123';
  let bot: Bot;
  beforeAll(async () => {
    bot = await startApp({ TRIAGE_TOKEN: TOKEN });
  });
  afterAll(async () => bot.stop());

  test('a ticket from an odd channel id shows no control characters or bidi overrides', async () => {
    const conv = 'email-content-1';
    const channelId = 'evil\u202Echannel\u0007';
    const answers = ['talk to an officer', GOOD_ANSWERS[0], 'Maju \u202Egnp.exe Jaya', ...GOOD_ANSWERS.slice(2), 'Cannot log in \u202E to ASSIST', ...FINISH];
    let last = '';
    for (const text of answers) {
      const res = await post(bot.url, { ...message(text, conv, 'employer-1'), channelId });
      expect(res.status).toBe(200);
      last = (res.json.activities ?? []).map((a) => a.text ?? '').join('\n');
    }
    const reference = /HN-\d{4}-\d{6}/.exec(last)![0];
    const one = await (await fetch(`${bot.url}/api/tickets/${reference}`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    const list = await (await fetch(`${bot.url}/api/tickets`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    for (const body of [one, list]) {
      expect(JSON.parse(body)).toBeTruthy();
      expect(body).not.toMatch(/\\u202e|\\u0007/i);
      expect(JSON.stringify(JSON.parse(body))).not.toMatch(UNSAFE);
    }
    expect(JSON.parse(one).channel).toBe('(other)');
    expect(JSON.parse(one).checklist.companyName).toBe('Maju gnp.exe Jaya');
  });
});
