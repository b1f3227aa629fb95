// Two `hanna serve` processes on one Redis, no sticky routing: requests of one conversation
// alternate between them, escalations are spread across both, and each ticket is e-mailed
// exactly once through a real SMTP server although both processes run an outbox worker.
import { GOOD_ANSWERS, FINISH, REFERENCE, say, startSmtp, waitFor, type Smtp } from '../escalation/helpers';
import { startHanna, startRedis, type BotProcess, type RedisServer } from './helpers/processes';

const TRIAGE_TOKEN = 'scale-out-test-triage-token-0123456789';
let redis: RedisServer;
let smtp: Smtp;
let procs: BotProcess[] = [];

beforeAll(async () => {
  redis = await startRedis();
  smtp = await startSmtp();
  const env = {
    STORAGE_URL: redis.url,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    HANDOFF_EMAIL_TO: 'officers@example.test',
    TRIAGE_TOKEN,
    DIRECTLINE_SECRET: 'scale-out-test-directline-secret-0123456789',
  };
  procs = await Promise.all([startHanna(env), startHanna(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all(procs.map((p) => p.stop()));
  await smtp?.stop();
  await redis?.stop();
});

/** The process that answers the i-th request: round robin, like a load balancer without affinity. */
const via = (i: number) => procs[i % 2].url;

test('one conversation continues across both processes', async () => {
  const conv = `scale-quote-${Date.now()}`;
  expect((await say(via(0), conv, 'berapa caruman untuk gaji RM2500')).text).toContain('42.85');
  expect((await say(via(1), conv, 'Umur 60 ke atas')).text).toContain('30.60');
  expect((await say(via(0), conv, 'English please')).text).toMatch(/English/);
  expect((await say(via(1), conv, 'menu')).buttons).toContain('Calculate my contribution');
});

test('escalations spread across both processes file distinct tickets, each e-mailed exactly once', async () => {
  const steps = ['nak cakap dengan pegawai', ...GOOD_ANSWERS, 'Tidak dapat log masuk ASSIST selepas tukar kata laluan', ...FINISH];
  // Six conversations at once; each one's turns alternate between the processes.
  const refs = await Promise.all(
    Array.from({ length: 6 }, async (_, c) => {
      const conv = `scale-esc-${Date.now()}-${c}`;
      let last = '';
      for (const [i, line] of steps.entries()) last = (await say(via(i + c), conv, line)).text;
      const ref = REFERENCE.exec(last)?.[0];
      if (!ref) throw new Error(`conversation ${c} got no ticket reference: ${last}`);
      return ref;
    }),
  );
  expect(new Set(refs).size).toBe(6);

  const mailsFor = (ref: string) => smtp.mails.filter((m) => m.raw.includes(ref)).length;
  await waitFor(() => refs.every((r) => mailsFor(r) >= 1), 'every ticket e-mailed', 30_000);

  // Either process shows the same tickets, all delivered.
  const authorization = `Bearer ${TRIAGE_TOKEN}`;
  for (const p of procs) {
    await waitFor(
      async () => {
        const body = (await (await fetch(`${p.url}/api/tickets`, { headers: { authorization } })).json()) as { tickets: { delivery: { email: { state: string } } }[] };
        return body.tickets.every((t) => t.delivery.email.state === 'sent');
      },
      'every ticket recorded as sent',
    );
    const res = await fetch(`${p.url}/api/tickets`, { headers: { authorization } });
    const body = (await res.json()) as { total: number; tickets: { reference: string; delivery: { email: { state: string } } }[] };
    expect(body.total).toBe(6);
    expect(body.tickets.map((t) => t.reference).sort()).toEqual([...refs].sort());
  }

  // Nothing is pending any more, so no later pass sends anything; a second send could only be one
  // already under way. A graceful stop waits for a send under way, so after both processes have
  // exited every e-mail they will ever send has reached the server.
  for (const p of procs) {
    await p.stop();
    expect(p.child.exitCode).toBe(0);
  }
  expect(refs.map(mailsFor)).toEqual(refs.map(() => 1));
  expect(smtp.mails).toHaveLength(6);
}, 90_000);

test('the processes logged no error', () => {
  for (const p of procs) expect(p.output()).not.toMatch(/"level":"error"/);
});
