// Limits with clear answers: 413 for big bodies, 400 for bad JSON, a polite reply for long
// messages, 429 + Retry-After per conversation and per client address.
import { RateLimiter } from '../../bot/limits';
import { startBot, message, post, texts, type RunningBot } from '../helpers/bot-server';

describe('RateLimiter (token bucket)', () => {
  test('allows the burst, refuses the next with the wait, refills evenly', () => {
    let t = 0;
    const rl = new RateLimiter(3, () => t);
    expect([rl.take('a'), rl.take('a'), rl.take('a')].every((v) => v.ok)).toBe(true);
    expect(rl.take('a')).toEqual({ ok: false, retryAfterSeconds: 20 });
    expect(rl.take('b').ok).toBe(true); // keys are independent
    t = 19_000;
    expect(rl.take('a').ok).toBe(false);
    t = 20_000;
    expect(rl.take('a').ok).toBe(true);
    expect(rl.check('a').ok).toBe(false); // check() takes nothing...
    t = 40_000;
    expect(rl.check('a').ok).toBe(true);
  });

  test('a flood of new keys does not grow memory without bound', () => {
    let t = 0;
    const rl = new RateLimiter(5, () => t, 1000);
    for (let i = 0; i < 10_000; i++) rl.take(`k${i}`);
    expect(rl.size).toBeLessThanOrEqual(1000);
    t = 120_000;
    rl.take('late');
    expect(rl.size).toBe(1);
  });
});

describe('HTTP limits', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    // one trusted proxy, so each test can speak from the addresses it needs
    bot = await startBot({ RATE_LIMIT_PER_MINUTE: '4', TRUST_PROXY_HOPS: '1' });
  });
  afterAll(async () => bot.stop());
  let ip = 0;
  const from = (addr: string) => ({ 'x-forwarded-for': `198.51.100.77, ${addr}` });
  const freshIp = () => `203.0.113.${++ip}`;

  test('a body over 256 KB gets 413 and malformed JSON gets 400, each with a JSON reason', async () => {
    const big = await post(bot.url, message('x'.repeat(257 * 1024)), from(freshIp()));
    expect(big.status).toBe(413);
    const bad = await post(bot.url, '{"type": "message", "text": ', from(freshIp()));
    expect(bad.status).toBe(400);
    expect(bad.json).toEqual(expect.objectContaining({ message: expect.any(String) }));
  });

  test('a message over 2,000 characters gets a polite reply that it is too long', async () => {
    const res = await post(bot.url, message('caruman '.repeat(300)), from(freshIp()));
    expect(res.status).toBe(200);
    expect(texts(res.json.activities)).toMatch(/too long|terlalu panjang/i);
    expect(texts(res.json.activities)).toMatch(/2,000/);
  });

  test('the 5th message of one conversation within a minute gets 429 with Retry-After, other conversations go on', async () => {
    const conv = `limited-${Date.now()}`;
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...from(freshIp()) }, body: JSON.stringify(message('hello', conv)) });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBe(15);
    const body = (await last!.json()) as { error: string; message: string; retryAfter: number };
    expect(body).toMatchObject({ error: 'rate_limited', retryAfter: 15 });
    expect(body.message).toMatch(/Too many messages in this conversation/);
    expect((await post(bot.url, message('hello', `${conv}-other`), from(freshIp()))).status).toBe(200);
  });

  test('the 5th request from one address within a minute gets 429, other addresses go on', async () => {
    const addr = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(bot.url, message('hello'), from(addr))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    expect((await post(bot.url, message('hello'), from(freshIp()))).status).toBe(200);
  });
});

describe('the widget token endpoint', () => {
  test('the 5th token request from one address within a minute gets 429 with Retry-After', async () => {
    const bot = await startBot({ RATE_LIMIT_PER_MINUTE: '4' });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 5; i++) {
        const res = await fetch(`${bot.url}/v3/directline/tokens/generate`, { method: 'POST' });
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
        await res.text();
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      await bot.stop();
    }
  });
});

describe('limits off', () => {
  test('RATE_LIMIT_PER_MINUTE=0 lets 50 quick messages of one conversation through', async () => {
    const bot = await startBot({ RATE_LIMIT_PER_MINUTE: '0' });
    try {
      const res = await Promise.all(Array.from({ length: 50 }, () => post(bot.url, message('hello', 'bench-conv'))));
      expect(res.every((r) => r.status === 200)).toBe(true);
    } finally {
      await bot.stop();
    }
  });
});
