// Microsoft Teams: the app package (manifest + icons in a zip Teams accepts), @mentions in
// Teams messages, and Adaptive Cards no newer than the 1.5 schema Teams renders.
import fs from 'fs';
import path from 'path';
import zlib from 'zlib';
import type { ActivityJson } from '../../bot/channels/activities';
import { buildTeamsPackage } from '../../scripts/teams/package';
import { readZip, writeZip } from '../../scripts/teams/zip';
import { crc32 } from '../../scripts/teams/crc32';
import { pngSize } from '../../scripts/teams/png';
import { messageText } from '../../bot/channels/activity-turn';
import { createCoreDeps } from '../../bot/app';
import { runTurn, welcome, type CoreDeps } from '../../bot/core';
import type { ConversationState, Reply } from '../../bot/core/types';
import { startBot, message, post, texts, SDKS, type RunningBot } from '../helpers/bot-server';

const APP_ID = '8f0c1d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f';
const ENV = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', PUBLIC_URL: 'https://bot.example.com/', STORAGE_URL: 'memory:' };

describe('Teams app package', () => {
  const entries = readZip(buildTeamsPackage(ENV));
  const file = (name: string) => entries.find((e) => e.name === name)?.data ?? Buffer.alloc(0);
  const manifest = JSON.parse(file('manifest.json').toString('utf8'));

  test('holds the manifest and both icons at the top level', () => {
    expect(entries.map((e) => e.name).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  test('the manifest names this bot, its host and the icons, with no placeholder left', () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0].botId).toBe(APP_ID);
    expect(manifest.validDomains).toEqual(['bot.example.com']);
    expect(manifest.developer.websiteUrl).toBe('https://bot.example.com/');
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.name.short).toBe('Hanna');
    expect(manifest.accentColor).toMatch(/^#[0-9A-F]{6}$/);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    // Personal scope only: the escalation form collects MyKad numbers, which a team chat would expose.
    expect(manifest.bots[0].scopes).toEqual(['personal']);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
  });

  test('icons have the sizes Teams requires; the outline is white on transparent', () => {
    expect(pngSize(file('color.png'))).toEqual({ width: 192, height: 192, colorType: 6 });
    expect(pngSize(file('outline.png'))).toEqual({ width: 32, height: 32, colorType: 6 });
    const png = file('outline.png');
    const idat: Buffer[] = [];
    for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
      if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + png.readUInt32BE(at)));
    }
    const rows = zlib.inflateSync(Buffer.concat(idat));
    let opaque = 0;
    for (let y = 0; y < 32; y++) {
      for (let x = 0; x < 32; x++) {
        const i = y * (32 * 4 + 1) + 1 + x * 4;
        if (rows[i + 3] === 0) continue;
        opaque++;
        expect([rows[i], rows[i + 1], rows[i + 2]]).toEqual([255, 255, 255]);
      }
    }
    expect(opaque).toBeGreaterThan(100);
  });

  test('is refused with a clear reason without an app id or an https address', () => {
    expect(() => buildTeamsPackage({ ...ENV, MicrosoftAppId: '' })).toThrow(/MicrosoftAppId/);
    expect(() => buildTeamsPackage({ ...ENV, PUBLIC_URL: 'http://bot.example.com' })).toThrow(/https/);
    expect(() => buildTeamsPackage({ ...ENV, PUBLIC_URL: '' })).toThrow(/PUBLIC_URL/);
  });
});

test('zip entries round-trip with the standard CRC-32', () => {
  const data = Buffer.from('Selamat datang ke PERKESO — ASSIST\n'.repeat(50));
  const [entry] = readZip(writeZip([{ name: 'a/nota.txt', data }]));
  expect(entry).toEqual({ name: 'a/nota.txt', data });
  const native = (zlib as unknown as { crc32?: (d: Buffer) => number }).crc32;
  expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926); // the CRC-32 check value
  if (native) expect(crc32(data)).toBe(native(data));
});

describe('Teams @mentions', () => {
  const teamsMessage = (text: string, entities: ActivityJson['entities']): ActivityJson => ({
    type: 'message',
    channelId: 'msteams',
    text,
    entities,
    recipient: { id: '28:bot-id', name: 'Hanna' },
    from: { id: '29:user', name: 'Aminah' },
    conversation: { id: 'a:1', conversationType: 'groupChat' },
  });
  const mention = (id: string, name: string) => ({ type: 'mention', mentioned: { id, name }, text: `<at>${name}</at>` });

  test('the bot\'s own mention is removed from the text the core reads', () => {
    const a = teamsMessage('<at>Hanna</at> lupa kata laluan', [mention('28:bot-id', 'Hanna')]);
    expect(messageText(a)).toBe('lupa kata laluan');
  });

  test('a mention after the question and another person\'s tag do not reach the core', () => {
    expect(messageText(teamsMessage('lupa kata laluan <at>Hanna</at>', [mention('28:bot-id', 'Hanna')]))).toBe('lupa kata laluan');
    expect(messageText(teamsMessage('<at>Hanna</at> <at>Ali</at> lupa kata laluan', [mention('28:bot-id', 'Hanna'), mention('29:ali', 'Ali')]))).toBe('lupa kata laluan');
  });

  describe.each(SDKS)('over /api/messages (CHANNEL_SDK=%s)', (sdk) => {
    let bot: RunningBot;
    beforeAll(async () => {
      bot = await startBot({ CHANNEL_SDK: sdk }, createCoreDeps());
    });
    afterAll(async () => bot.stop());

    test('a Teams message with the mention gets the same answer as without it', async () => {
      const plain = await post(bot.url, message('lupa kata laluan', `plain-1-${sdk}`));
      const teams = {
        ...message('<at>Hanna</at> lupa kata laluan', `teams-1-${sdk}`),
        channelId: 'msteams',
        entities: [mention('hanna-bot', 'Hanna')],
      };
      const mentioned = await post(bot.url, teams);
      expect(mentioned.status).toBe(200);
      expect(texts(mentioned.json.activities)).toBe(texts(plain.json.activities));
    });
  });
});

describe('Adaptive Cards stay within what Teams renders (schema 1.5)', () => {
  let deps: CoreDeps;
  beforeAll(() => {
    deps = createCoreDeps();
  });

  /** Every card the core produces for every training utterance, and for each button it then offers. */
  function collectCards(): Record<string, unknown>[] {
    const cards: Record<string, unknown>[] = [];
    const now = new Date('2026-11-02T10:00:00+08:00');
    const keep = (replies: Reply[]) => replies.forEach((r) => r.card && cards.push(r.card));
    const dir = path.resolve(__dirname, '../../intents/data');
    const utterances = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).flatMap((f) => {
      const data = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { ms?: string[]; en?: string[] };
      return [...(data.ms ?? []), ...(data.en ?? [])];
    });
    const extra = ['gaji 2500 umur 62', 'wage 3000 foreign worker', 'gaji 1800 bulan 2025-03', 'contribution for RM7,000 salary'];
    for (const text of [...utterances, ...extra]) {
      const start: ConversationState = welcome(deps, undefined).state;
      const first = runTurn(deps, start, { text, channel: 'msteams' }, now);
      keep(first.replies);
      for (const action of first.replies.flatMap((r) => r.suggestedActions ?? [])) {
        // runTurn takes ownership of the state it is given: each button starts from a copy.
        keep(runTurn(deps, structuredClone(first.state), { text: action.value, channel: 'msteams' }, now).replies);
      }
    }
    return cards;
  }

  test('every card declares version 1.5 or lower and is an AdaptiveCard', () => {
    const cards = collectCards();
    expect(cards.length).toBeGreaterThan(10);
    for (const card of cards) {
      expect(card.type).toBe('AdaptiveCard');
      const [major, minor] = String(card.version).split('.').map(Number);
      expect(major).toBe(1);
      expect(minor).toBeLessThanOrEqual(5);
    }
  });
});
