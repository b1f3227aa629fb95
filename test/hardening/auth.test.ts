// With MicrosoftAppId set, /api/messages answers only requests carrying a valid channel token.
// Forged tokens are refused with 401, quickly, with no reply text and no state written, and the
// server keeps answering. Nothing here may need the network: the signing keys come from a key
// server on 127.0.0.1 (BotOpenIdMetadata), not from login.botframework.com.
import crypto from 'crypto';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { startBot, message, post, SDKS, type RunningBot } from '../helpers/bot-server';
import { authOptions, CheckedCloudAdapter, tokenShapeProblem } from '../../bot/channels/botframework/auth';
import { answerBotFrameworkKeysFrom, startKeyServer, type KeyServer } from '../helpers/openid-keys';

const APP_ID = '5f0c9a52-2f6b-4d8e-9a52-000000000001';
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const claims = { iss: 'https://api.botframework.com', aud: APP_ID, exp: now + 3600, nbf: now - 60, serviceurl: 'http://127.0.0.1:9/' };

const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`;
const hsHead = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
// HMAC "signed" with the app id, the classic key-confusion forgery
const hs256 = `${hsHead}.${crypto.createHmac('sha256', APP_ID).update(hsHead).digest('base64url')}`;
// Signed with a key the key server does not list, under the id of the one it does: only the signature is wrong.
const KID = 'hanna-test-key';
const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
const rsHead = `${b64({ alg: 'RS256', typ: 'JWT', kid: KID, x5t: KID })}.${b64(claims)}`;
const rs256 = `${rsHead}.${crypto.sign('sha256', Buffer.from(rsHead), privateKey).toString('base64url')}`;

describe.each(SDKS)('authentication with MicrosoftAppId set (CHANNEL_SDK=%s)', (sdk) => {
  let bot: RunningBot;
  let keys: KeyServer;
  let restoreNetwork: () => void;
  beforeAll(async () => {
    keys = await startKeyServer(KID);
    // Bot Framework reads BotOpenIdMetadata; the Agents SDK has no such setting, so its key fetch is stubbed.
    restoreNetwork = answerBotFrameworkKeysFrom(keys);
    bot = await startBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-in-these-tests', CHANNEL_SDK: sdk, BotOpenIdMetadata: keys.metadataUrl });
  });
  afterAll(async () => {
    await bot.stop();
    restoreNetwork();
    await keys.stop();
  });

  const cases: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a non-JWT bearer', { authorization: 'Bearer hello' }],
    ['an unsigned JWT (alg none)', { authorization: `Bearer ${unsigned}` }],
    ['a forged HS256 JWT', { authorization: `Bearer ${hs256}` }],
    ['a forged RS256 JWT signed with an unknown key', { authorization: `Bearer ${rs256}` }],
    ['the token without "Bearer"', { authorization: rs256 }],
  ];

  test.each(cases)('%s gets 401, with no bot reply and no state written', async (_name, headers) => {
    const conv = `auth-${crypto.randomUUID()}`;
    const res = await post(bot.url, { ...message('berapa caruman untuk gaji 2500', conv), deliveryMode: 'expectReplies' }, headers);
    expect(res.status).toBe(401);
    expect(res.json.activities).toBeUndefined();
    expect(JSON.stringify(res.json)).not.toMatch(/42\.85|caruman|login\.botframework/);
    expect(await bot.app.service.load({ channelId: 'test', conversationId: conv, userId: 'user-1' })).toBeUndefined();
  });

  test('the forged RS256 token was checked against the local key server, not the internet', async () => {
    const res = await post(bot.url, { ...message('hi'), deliveryMode: 'expectReplies' }, { authorization: `Bearer ${rs256}` });
    expect(res.status).toBe(401);
    expect(keys.requests).toContain('/v1/.well-known/keys');
  });

  test('after a burst of forged requests the server still answers', async () => {
    const all = await Promise.all(cases.flatMap(([, h]) => [h, h, h]).map((h) => post(bot.url, message('hi'), h)));
    expect(all.every((r) => r.status === 401)).toBe(true);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
  });
});

describe.each(SDKS)('failed authentication is rate-limited per address (CHANNEL_SDK=%s)', (sdk) => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ MicrosoftAppId: APP_ID, RATE_LIMIT_PER_MINUTE: '3', CHANNEL_SDK: sdk });
  });
  afterAll(async () => bot.stop());

  test('the 4th forged request in a minute gets 429 with Retry-After', async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${hs256}` }, body: JSON.stringify(message('hi')) });
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get('retry-after');
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);
  });
});

describe('token checks without a network', () => {
  test('only RSA-signed bearer JWTs reach signature verification', () => {
    expect(tokenShapeProblem(`Bearer ${unsigned}`)).toMatch(/not a signed/);
    expect(tokenShapeProblem(`Bearer ${hs256}`)).toMatch(/HS256/);
    expect(tokenShapeProblem('Bearer a.b.c')).toMatch(/unreadable/);
    expect(tokenShapeProblem(`Bearer ${rs256}`)).toBeNull();
  });

  test('the signature is checked against the listed key: a token it signed is accepted, the same claims signed by another key are not', async () => {
    const keys = await startKeyServer(KID);
    try {
      const adapter = new CheckedCloudAdapter(new ConfigurationBotFrameworkAuthentication(authOptions({ MicrosoftAppId: APP_ID }, keys.metadataUrl)), true);
      const activity = message('hi') as unknown as Activity;
      const accepted = await adapter.authenticate(activity, `Bearer ${keys.sign(claims)}`);
      expect(accepted.claimsIdentity.getClaimValue('aud')).toBe(APP_ID);
      await expect(adapter.authenticate(activity, `Bearer ${rs256}`)).rejects.toThrow(/signature/i);
      // The keys came from the local server (so no test here depends on a network being there or not).
      expect(keys.requests).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
    } finally {
      await keys.stop();
    }
  });

  test('a key server that never answers ends in 401 at the time limit, not a hang', async () => {
    const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: APP_ID });
    auth.authenticateRequest = () => new Promise(() => undefined);
    const adapter = new CheckedCloudAdapter(auth, true, 300);
    // The message says the 300 ms limit ended it (the test's own timeout catches a hang).
    await expect(adapter.authenticate(message('hi') as unknown as Activity, `Bearer ${rs256}`)).rejects.toThrow(/within 300 ms/);
  });
});
