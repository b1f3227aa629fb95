// The Microsoft 365 Agents SDK shell: its own route beside /api/messages, chosen for /api/messages
// with CHANNEL_SDK=agents, and loaded only when needed (it brings a second msal-node: memory).
import { spawnSync } from 'child_process';
import path from 'path';
import { readConfig } from '../../bot/config';
import { startBot, message, texts, type RunningBot } from '../helpers/bot-server';

async function postTo(url: string, route: string, body: unknown): Promise<{ status: number; json: { activities?: { type: string; text?: string }[] } }> {
  const res = await fetch(`${url}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as { activities?: { type: string; text?: string }[] } };
}

describe('/api/agents/messages beside the default Bot Framework shell', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot();
  });
  afterAll(async () => bot.stop());

  test('answers the same conversation protocol, and both routes answer alike', async () => {
    const agents = await postTo(bot.url, '/api/agents/messages', message('lupa kata laluan', 'agents-route-1'));
    const bf = await postTo(bot.url, '/api/messages', message('lupa kata laluan', 'bf-route-1'));
    expect(agents.status).toBe(200);
    expect(texts(agents.json.activities)).toMatch(/\w/);
    expect(texts(agents.json.activities)).toBe(texts(bf.json.activities));
  });

  test('takes JSON only and refuses what is not an activity, like /api/messages', async () => {
    const form = await fetch(`${bot.url}/api/agents/messages`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' });
    expect(form.status).toBe(415);
    expect((await postTo(bot.url, '/api/agents/messages', { text: 'no type' })).status).toBe(400);
  });
});

describe('loading the Agents SDK', () => {
  const run = (sdk: string) => {
    const r = spawnSync(process.execPath, [path.join(__dirname, 'fixtures', 'agents-lazy.js'), sdk], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>;
  };

  test('with the default shell it is loaded only when /api/agents/messages is first hit', () => {
    expect(run('botframework')).toEqual({ atStart: false, messages: 200, afterMessages: false, agents: 200, afterAgents: true });
  });

  test('with CHANNEL_SDK=agents it serves /api/messages', () => {
    expect(run('agents')).toMatchObject({ messages: 200, afterMessages: true, agents: 200 });
  });
});

test('CHANNEL_SDK is botframework by default and anything but botframework or agents is refused at start', () => {
  expect(readConfig({}).channelSdk).toBe('botframework');
  expect(readConfig({ CHANNEL_SDK: 'Agents' }).channelSdk).toBe('agents');
  expect(() => readConfig({ CHANNEL_SDK: 'teams' })).toThrow(/CHANNEL_SDK must be botframework or agents/);
});
