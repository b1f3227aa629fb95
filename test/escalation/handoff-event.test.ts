// The Bot Framework handoff.initiate event goes only to channels listed in
// HANDOFF_EVENT_CHANNELS; every other client keeps getting message activities only.
import { GOOD_ANSWERS, FINISH, MYKAD_DIGITS, conversation, referenceIn, startApp } from './helpers';
import { SDKS } from '../helpers/bot-server';

const lines = ['talk to an officer', ...GOOD_ANSWERS, 'Cannot log in to ASSIST', ...FINISH];

describe.each(SDKS)('CHANNEL_SDK=%s', (sdk) => {
  test('a listed channel gets the handoff event with the reference and the redacted transcript after the reply', async () => {
    const bot = await startApp({ HANDOFF_EVENT_CHANNELS: 'msteams, test', CHANNEL_SDK: sdk });
    try {
      const done = await conversation(bot.url, `handoff-event-1-${sdk}`, lines);
      const reference = referenceIn(done.text);
      const types = done.activities.map((a) => a.type);
      expect(types[types.length - 1]).toBe('event');
      expect(types.slice(0, -1).every((t) => t === 'message')).toBe(true);
      const event = done.activities[done.activities.length - 1] as unknown as {
        name: string;
        value: { reference: string; employerCode: string };
        attachments: { name: string; contentType: string; content: { activities: { text: string; from: { id: string } }[] } }[];
      };
      expect(event.name).toBe('handoff.initiate');
      expect(event.value.reference).toBe(reference);
      expect(event.value.employerCode).toBe('A3100001237X');
      expect(JSON.stringify(event.value)).not.toContain(MYKAD_DIGITS);
      const transcript = event.attachments.find((a) => a.name === 'Transcript');
      expect(transcript?.contentType).toBe('application/json');
      const texts = transcript!.content.activities.map((a) => a.text);
      expect(texts).toContain('talk to an officer');
      expect(JSON.stringify(transcript)).not.toContain(MYKAD_DIGITS);
    } finally {
      await bot.stop();
    }
  });

  test('by default (no HANDOFF_EVENT_CHANNELS) every reply is a message activity', async () => {
    const bot = await startApp({ CHANNEL_SDK: sdk });
    try {
      const done = await conversation(bot.url, `handoff-event-2-${sdk}`, lines);
      referenceIn(done.text);
      expect(done.activities.length).toBeGreaterThan(0);
      expect(done.activities.every((a) => a.type === 'message' && typeof a.text === 'string')).toBe(true);
    } finally {
      await bot.stop();
    }
  });
});

test('the widget (Direct Line) sends the same event after the ticket reply when webchat is listed', async () => {
  const bot = await startApp({ HANDOFF_EVENT_CHANNELS: 'webchat' });
  try {
    const dl = async (method: string, route: string, token?: string, body?: unknown) => {
      const res = await fetch(`${bot.url}/v3/directline${route}`, {
        method,
        headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return (await res.json()) as Record<string, unknown>;
    };
    const gen = await dl('POST', '/tokens/generate');
    const started = await dl('POST', '/conversations', gen.token as string, {});
    const conv = encodeURIComponent(started.conversationId as string);
    for (const text of lines) await dl('POST', `/conversations/${conv}/activities`, started.token as string, { type: 'message', text });
    const { activities } = (await dl('GET', `/conversations/${conv}/activities`, started.token as string)) as {
      activities: { type: string; text?: string; name?: string; value?: { reference?: string }; attachments?: { name?: string; content?: unknown }[] }[];
    };
    const last = activities[activities.length - 1];
    const reference = referenceIn(activities[activities.length - 2].text ?? '');
    expect(last.type).toBe('event');
    expect(last.name).toBe('handoff.initiate');
    expect(last.value?.reference).toBe(reference);
    expect(last.attachments?.find((a) => a.name === 'Transcript')).toBeDefined();
    expect(JSON.stringify(last)).not.toContain(MYKAD_DIGITS);
  } finally {
    await bot.stop();
  }
});
