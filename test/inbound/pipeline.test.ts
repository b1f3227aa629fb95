// The one inbound function every shell calls, on the real composition root (memory store) with a
// stub understander: no trained model is loaded here.
import { createCore, type Core } from '../../bot/app';
import { readConfig } from '../../bot/config';
import { createLogger } from '../../bot/logging';
import type { ConversationRef } from '../../bot/conversation-service';
import { extractEntities, type Understander, type Understanding } from '../../intents';
import { GOOD_ANSWERS, MYKAD_DIGITS, REFERENCE } from '../escalation/helpers';

/** Understands exactly one thing, a request for an officer; everything else is out of scope. */
function stubUnderstander(fail: () => boolean = () => false): Understander {
  const understand = (text: string, ctx?: { lang?: 'ms' | 'en'; now?: Date }): Understanding => {
    if (fail()) throw new Error('simulated failure');
    const human = /officer|pegawai/i.test(text);
    const intent = human ? 'human_handoff' : 'out_of_scope';
    const confidence = human ? 0.99 : 0.1;
    return { text, normalised: text.toLowerCase(), lang: ctx?.lang ?? 'en', langSwitch: null, langEvidence: false, intent, confidence, ranking: [{ intent, confidence }], entities: extractEntities(text, ctx?.now) };
  };
  return { understand, classify: (text) => ({ ...understand(text), lang: 'en' }) };
}

let seq = 0;
const ref = (channelId = 'test'): ConversationRef => ({ channelId, conversationId: `pipeline-${++seq}`, userId: 'u1' });

describe('the inbound pipeline', () => {
  let core: Core;
  let failing = false;
  const lines: string[] = [];
  beforeAll(() => {
    const config = readConfig({ STORAGE_URL: 'memory:', RATE_LIMIT_PER_MINUTE: '0', HANDOFF_EVENT_CHANNELS: 'msteams' });
    core = createCore(config, { understander: stubUnderstander(() => failing), log: createLogger('debug', (line) => lines.push(line)) });
  });
  afterAll(() => core.close());

  const escalate = async (r: ConversationRef) => {
    await core.inbound.message({ ref: r, text: 'talk to an officer' });
    for (const answer of GOOD_ANSWERS) await core.inbound.message({ ref: r, text: answer });
    await core.inbound.message({ ref: r, text: 'Cannot log in to ASSIST' });
    await core.inbound.message({ ref: r, text: 'siti@majujaya.com.my' });
    return core.inbound.message({ ref: r, text: 'send' });
  };

  test('a card submit without typed text is read from its value', async () => {
    const result = await core.inbound.message({ ref: ref(), value: { text: 'talk to an officer' } });
    expect(result.failed).toBeUndefined();
    expect(result.replies.map((r) => r.text).join('\n')).toMatch(/employer (code|number)|kod majikan|nombor majikan/i);
  });

  test('a filed ticket comes back as an effect; the handoff notice only for a channel listed for the event', async () => {
    const teams = await escalate(ref('msteams'));
    expect(teams.ticket).toMatch(REFERENCE);
    expect(teams.handoff?.reference).toBe(teams.ticket);
    expect(JSON.stringify(teams.handoff?.context)).not.toContain(MYKAD_DIGITS);
    const other = await escalate(ref('webchat'));
    expect(other.ticket).toMatch(REFERENCE);
    expect(other.handoff).toBeUndefined();
  });

  test('the turn log never holds the MyKad number or the contact a user typed', async () => {
    lines.length = 0;
    await escalate(ref());
    expect(lines.some((l) => l.includes('"turn"'))).toBe(true);
    expect(lines.join('\n')).not.toContain(MYKAD_DIGITS);
    expect(lines.join('\n')).not.toContain('900101-14-5673');
    expect(lines.join('\n')).not.toContain('majujaya');
  });

  test('a failing turn gets the bilingual apology, is logged, and leaves the conversation where it was', async () => {
    const r = ref();
    await core.inbound.message({ ref: r, text: 'talk to an officer' });
    const before = await core.service.load(r);
    failing = true;
    lines.length = 0;
    const failed = await core.inbound.message({ ref: r, text: GOOD_ANSWERS[0] });
    failing = false;
    expect(failed.failed).toBe(true);
    const text = failed.replies.map((x) => x.text).join('\n');
    expect(text).toMatch(/Maaf/);
    expect(text).toMatch(/Sorry/);
    expect(lines.some((l) => l.includes('turn failed'))).toBe(true);
    expect(await core.service.load(r)).toEqual(before);
  });
});
