import { startBot, message, post, texts, buttons, SDKS, type RunningBot } from '../helpers/bot-server';
import { createCoreDeps } from '../../bot/app';
import type { CoreDeps } from '../../bot/core';

describe.each(SDKS)('the Bot Framework protocol endpoint on restify (CHANNEL_SDK=%s)', (sdk) => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ CHANNEL_SDK: sdk });
  });
  afterAll(async () => bot.stop());

  test('GET /healthz answers ok', async () => {
    const res = await fetch(`${bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  test('expectReplies returns the replies in the body, in the language of the user', async () => {
    const ms = await post(bot.url, message('assalamualaikum'));
    expect(ms.status).toBe(200);
    expect(ms.json.activities!.length).toBeGreaterThan(0);
    for (const a of ms.json.activities!) {
      expect(a.type).toBe('message');
      expect(typeof a.text).toBe('string');
    }
    expect(buttons(ms.json.activities)).toEqual(expect.arrayContaining(['Cara log masuk', 'Kira caruman saya', 'Cakap dengan pegawai']));

    const en = await post(bot.url, message('good morning'));
    expect(buttons(en.json.activities)).toEqual(expect.arrayContaining(['How to log in', 'Calculate my contribution', 'Talk to an officer']));
  });

  test('state carries across requests of one conversation: a quote waits for the wage', async () => {
    const conv = `conv-quote-carry-${sdk}`;
    await post(bot.url, message('hello', conv));
    const first = await post(bot.url, message('Calculate my contribution', conv));
    expect(texts(first.json.activities)).toMatch(/wage/i);
    const second = await post(bot.url, message('2500', conv));
    const t = texts(second.json.activities);
    expect(t).toContain('42.85');
    expect(t).toContain('12.25');
    // the card carries the same figures and the text is complete without it
    const card = second.json.activities!.find((a) => a.attachments?.length);
    expect(card?.attachments?.[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
  });

  test('another user in the same conversation id has a separate state', async () => {
    const conv = `conv-two-users-${sdk}`;
    await post(bot.url, message('hai', conv, 'alice'));
    await post(bot.url, message('Kira caruman saya', conv, 'alice'));
    const bob = await post(bot.url, message('2500', conv, 'bob'));
    expect(texts(bob.json.activities)).not.toContain('42.85');
  });

  test('a member joining gets the bilingual welcome', async () => {
    const res = await post(bot.url, {
      type: 'conversationUpdate',
      channelId: 'test',
      serviceUrl: 'http://127.0.0.1:9/',
      deliveryMode: 'expectReplies',
      conversation: { id: 'conv-join' },
      from: { id: 'user-9' },
      recipient: { id: 'hanna-bot' },
      membersAdded: [{ id: 'user-9' }],
    });
    expect(res.status).toBe(200);
    const t = texts(res.json.activities);
    expect(t).toMatch(/Selamat datang/i);
    expect(t).toMatch(/Welcome/i);
  });

  test('malformed requests get 400 with a readable reason, and the server keeps answering', async () => {
    expect((await post(bot.url, '{"type": "message", ')).status).toBe(400);
    expect((await post(bot.url, '[1,2,3]')).status).toBe(400);
    expect((await post(bot.url, { text: 'no type' })).status).toBe(400);
    const ok = await post(bot.url, message('hello'));
    expect(ok.status).toBe(200);
  });

  test('a body over 256 KB is refused with 413', async () => {
    const res = await post(bot.url, message('x'.repeat(300 * 1024)));
    expect(res.status).toBe(413);
  });

  test('without expectReplies, replies are never posted to a foreign serviceUrl', async () => {
    const act = { ...message('hello'), deliveryMode: undefined, serviceUrl: 'http://169.254.169.254/' };
    const res = await post(bot.url, act);
    expect(res.status).toBe(200);
    expect(texts(res.json.activities)).toMatch(/\w/);
  });
});

describe.each(SDKS)('a failing turn (CHANNEL_SDK=%s)', (sdk) => {
  let bot: RunningBot;
  let failNext = false;
  beforeAll(async () => {
    const real = createCoreDeps();
    const deps: CoreDeps = {
      ...real,
      understander: {
        understand: (text, ctx) => {
          if (failNext) throw new Error('simulated failure');
          return real.understander.understand(text, ctx);
        },
        classify: (text) => real.understander.classify(text),
      },
    };
    bot = await startBot({ CHANNEL_SDK: sdk }, deps);
  });
  afterAll(async () => bot.stop());

  test('gets a polite bilingual apology and the conversation state survives', async () => {
    const conv = `conv-fail-${sdk}`;
    await post(bot.url, message('hai', conv));
    await post(bot.url, message('Kira caruman saya', conv));
    failNext = true;
    const failed = await post(bot.url, message('2500', conv));
    failNext = false;
    const t = texts(failed.json.activities);
    expect(t).toMatch(/Maaf/);
    expect(t).toMatch(/Sorry/);
    expect(t).not.toMatch(/source code/i);
    const retry = await post(bot.url, message('2500', conv));
    expect(texts(retry.json.activities)).toContain('42.85');
  });
});
