// Anonymous mode (no MicrosoftAppId): replies go back in the response body unless the serviceUrl
// is a literal loopback address, and /api/messages takes JSON only, so a web page cannot drive a
// locally running bot with a no-cors form POST.
import { startBot, message, post, texts, SDKS, type RunningBot } from '../helpers/bot-server';

describe.each(SDKS)('anonymous mode (CHANNEL_SDK=%s)', (sdk) => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ CHANNEL_SDK: sdk });
  });
  afterAll(async () => bot.stop());

  /** A message that asks for its replies to be POSTed to `serviceUrl` (no expectReplies). */
  function toServiceUrl(serviceUrl: string): Record<string, unknown> {
    const { deliveryMode: _d, ...rest } = message('hello');
    return { ...rest, serviceUrl };
  }

  test.each(['http://127.attacker.example/', 'http://127.0.0.1.attacker.example/', 'http://localhost.attacker.example/', 'http://0x7f.attacker.example/'])(
    'a serviceUrl that only looks like loopback (%s) is not called: the replies come in the response body',
    async (serviceUrl) => {
      const res = await post(bot.url, toServiceUrl(serviceUrl));
      expect(res.status).toBe(200);
      expect(texts(res.json.activities)).not.toBe('');
    },
  );

  describe('content type of /api/messages', () => {
    test('a form-encoded POST gets 415 and is not run', async () => {
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'type=message&text=hello&channelId=test&conversation[id]=form&from[id]=u&deliveryMode=expectReplies&serviceUrl=http://127.0.0.1:9/',
      });
      expect(res.status).toBe(415);
      expect(((await res.json()) as { error: string }).error).toMatch(/application\/json/);
    });

    test('JSON sent as text/plain (what a no-cors fetch can send) gets 415', async () => {
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(message('hello')) });
      expect(res.status).toBe(415);
    });

    test('application/json with a charset is accepted', async () => {
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(message('hello')) });
      expect(res.status).toBe(200);
    });
  });
});
