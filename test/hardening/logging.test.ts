// Logs are JSON lines with conversation id, intent, confidence and latency; no message text at the
// default level; MyKad, phone, e-mail, passwords and tokens never reach a log line at any level.
import { createApp, createCoreDeps, listen, type App } from '../../bot/app';
import { readConfig } from '../../bot/config';
import { createLogger, scrub } from '../../bot/logging';
import type { CoreDeps } from '../../bot/core';
import { message, post } from '../helpers/bot-server';

const realDeps = createCoreDeps();

const SECRETS = {
  mykad: '900101-14-5679',
  mykadPlain: '900101145679',
  phone: '012-345 6789',
  phoneIntl: '+60123456789',
  email: 'aminah.hassan@contoh.com.my',
  password: 'Abc123!',
  token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4eXoxMjMifQ.c2lnbmF0dXJlLXNlY3JldA',
};
const CONVERSATION = [
  'salam, saya nak tanya pasal caruman zebrafish',
  `IC saya ${SECRETS.mykad}, no tel ${SECRETS.phone}`,
  `emel saya ${SECRETS.email} dan IC ${SECRETS.mykadPlain}`,
  `password saya ${SECRETS.password} tapi tak boleh login`,
  `my phone is ${SECRETS.phoneIntl}`,
  `the portal gave me Bearer ${SECRETS.token}`,
  'berapa caruman untuk gaji 2500',
];

async function runConversation(level: string, deps: CoreDeps = realDeps): Promise<string[]> {
  const lines: string[] = [];
  const app: App = createApp(readConfig({ STORAGE_URL: 'memory:', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: level }), { log: createLogger(level, (l) => lines.push(l)), deps });
  const url = await listen(app, 0, '127.0.0.1');
  try {
    const conv = `log-${level}-${Date.now()}`;
    for (const text of CONVERSATION) expect((await post(url, message(text, conv))).status).toBe(200);
    // a bearer header (anonymous mode ignores it) must not reach the log either
    await post(url, message('hi', conv), { authorization: `Bearer ${SECRETS.token}` });
  } finally {
    await app.close();
  }
  return lines;
}

function expectNoSecrets(lines: string[]): void {
  const all = lines.join('\n');
  for (const [kind, value] of Object.entries(SECRETS)) {
    if (all.includes(value)) throw new Error(`${kind} "${value}" leaked into the log:\n${lines.find((l) => l.includes(value))}`);
  }
  expect(all).not.toMatch(/Abc123/);
}

describe('logs of a full conversation over HTTP', () => {
  test('at the default level: one JSON turn line per message with id, intent, confidence, latency, and no text', async () => {
    const lines = await runConversation('info');
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const turns = records.filter((r) => r.msg === 'turn');
    expect(turns).toHaveLength(CONVERSATION.length + 1);
    for (const t of turns) {
      expect(t).toEqual(expect.objectContaining({ level: 'info', conversation: expect.stringMatching(/^log-info-/), latencyMs: expect.any(Number) }));
      expect(t).toHaveProperty('intent');
      expect(t).toHaveProperty('confidence');
      expect(typeof t.time).toBe('string');
    }
    expect(turns.some((t) => typeof t.intent === 'string' && typeof t.confidence === 'number')).toBe(true);
    const all = lines.join('\n');
    expect(all).not.toMatch(/zebrafish|gaji 2500|tak boleh login/);
    expectNoSecrets(lines);
  });

  test('at debug level the text is logged, redacted', async () => {
    const lines = await runConversation('debug');
    const all = lines.join('\n');
    expect(all).toMatch(/zebrafish/);
    expect(all).toMatch(/\[MYKAD\]/);
    expect(all).toMatch(/\[EMAIL\]/);
    expect(all).toMatch(/\[PHONE\]/);
    expectNoSecrets(lines);
  });

  test('an error whose message quotes what the visitor typed is redacted too', async () => {
    const deps: CoreDeps = {
      ...realDeps,
      understander: {
        understand: (text) => {
          throw new Error(`could not understand "${text}"`);
        },
        classify: (text) => realDeps.understander.classify(text),
      },
    };
    const lines = await runConversation('info', deps);
    expect(lines.some((l) => /could not understand/.test(l))).toBe(true);
    expectNoSecrets(lines);
  });
});

describe('scrub, the choke point', () => {
  test('censors secret fields at any depth, redacts strings, survives cycles and odd values', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    const out = scrub({
      headers: { Authorization: 'Bearer abc.def.ghi', cookie: 'sid=1' },
      config: { appPassword: 'p@ss', triageToken: 't0k3n', port: 3978 },
      nested: [{ note: `call ${SECRETS.phone} or mail ${SECRETS.email}` }],
      err: new Error(`bad IC ${SECRETS.mykad}`),
      big: 10n ** 30n,
      cyclic,
      fn: () => 1,
    });
    const text = JSON.stringify(out);
    for (const v of ['Bearer abc', 'sid=1', 'p@ss', 't0k3n', SECRETS.phone, SECRETS.email, SECRETS.mykad]) expect(text).not.toContain(v);
    expect(text).toContain('3978');
    expect(text).toContain('[Circular]');
    expect(text).toContain('1000000000000000000000000000000');
  });
});
