// Personal data typed at the "problem" step is masked before the ticket is stored, so it reaches
// no destination: the ticket, the staff API (list and single ticket), the officers' e-mail and
// the handoff context. At LOG_LEVEL=debug the representative's name is not logged in clear.
import { createApp, listen } from '../../bot/app';
import { readConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging';
import { GOOD_ANSWERS, FINISH, IN_HOURS, conversation, deps, mailBody, mailHeader, referenceIn, startApp, startSmtp, waitFor, type Bot, type Smtp } from './helpers';

const TOKEN = 'staff-token-for-tests-0123456789abcdef';
const RAW = {
  password: 'sayang',
  mykad: '850505.10.5123',
  phone: '(012) 3456789',
  email: 'ali.ahmad@contoh.com.my',
};
const PROBLEM = `Tak boleh login ASSIST. password: ${RAW.password}, IC ${RAW.mykad}, call ${RAW.phone} or ${RAW.email}`;

function expectClean(text: string, where: string): void {
  for (const [kind, value] of Object.entries(RAW)) {
    if (text.includes(value)) throw new Error(`${kind} "${value}" is in ${where}:\n${text}`);
  }
  expect(text).not.toMatch(/3456789|5123/);
}

describe('the problem text', () => {
  let smtp: Smtp;
  let bot: Bot;
  beforeAll(async () => {
    smtp = await startSmtp();
    bot = await startApp(
      { SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, HANDOFF_EMAIL_TO: 'officers@example.test', TRIAGE_TOKEN: TOKEN, HANDOFF_EVENT_CHANNELS: 'test' },
      { outbox: { pollMs: 30, baseDelayMs: 80, maxDelayMs: 300, leaseMs: 5_000 } },
    );
  });
  afterAll(async () => {
    await bot.stop();
    await smtp.stop();
  });

  test('is stored, listed, shown, e-mailed and handed off with the personal data masked', async () => {
    const done = await conversation(bot.url, 'problem-redaction-1', ['talk to an officer', ...GOOD_ANSWERS, PROBLEM, ...FINISH]);
    const reference = referenceIn(done.text);

    const ticket = await bot.app.handoff.tickets.get(reference);
    expect(ticket!.checklist.problem).toContain('Tak boleh login ASSIST');
    expect(ticket!.checklist.problem).toMatch(/\[PASSWORD\].*\[MYKAD\].*\[PHONE\].*\[EMAIL\]/);
    expectClean(JSON.stringify(ticket!.checklist), 'the stored checklist');
    expectClean(JSON.stringify(ticket!.transcript), 'the stored transcript');

    const auth = { authorization: `Bearer ${TOKEN}` };
    expectClean(await (await fetch(`${bot.url}/api/tickets`, { headers: auth })).text(), 'GET /api/tickets');
    expectClean(await (await fetch(`${bot.url}/api/tickets/${reference}`, { headers: auth })).text(), `GET /api/tickets/${reference}`);

    await waitFor(() => smtp.mails.some((m) => mailHeader(m.raw, 'subject').includes(reference)), 'the e-mail');
    const mail = mailBody(smtp.mails.find((m) => mailHeader(m.raw, 'subject').includes(reference))!.raw);
    expect(mail).toContain('[PASSWORD]');
    expectClean(mail, 'the e-mail');

    // The handoff.initiate event a live-agent hub gets (this channel is listed in HANDOFF_EVENT_CHANNELS).
    const event = done.activities.find((a) => a.type === 'event') as unknown as { value: { problem: string } };
    expect(event.value.problem).toContain('[PASSWORD]');
    expectClean(JSON.stringify(event), 'the handoff event');
  });
});

test('at LOG_LEVEL=debug the representative name and the problem are not logged in clear', async () => {
  const lines: string[] = [];
  const config = readConfig({ STORAGE_URL: 'memory:', PORT: '0', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'debug' });
  const app = createApp(config, { log: createLogger('debug', (l) => lines.push(l)), deps: deps(), clock: () => IN_HOURS });
  const url = await listen(app, 0, '127.0.0.1');
  try {
    const done = await conversation(url, 'problem-redaction-debug', ['talk to an officer', ...GOOD_ANSWERS, PROBLEM, ...FINISH]);
    referenceIn(done.text);
  } finally {
    await app.close();
  }
  const all = lines.join('\n');
  expect(all).toMatch(/"msg":"message"/); // the text is logged at debug...
  expect(all).toContain('[NAME]'); // ...with the name step masked as in the transcript
  expect(all).not.toContain('Siti Aminah');
  expectClean(all, 'the debug log');
});
