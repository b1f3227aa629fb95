// A 👎 pressed in a real conversation (HTTP, the real app) reaches the console: the not-understood
// queue (GET /api/review with TRIAGE_TOKEN) holds it with the intent, answer id and redacted message,
// what the user then said was missing completes that one item, and the day's counters count the vote once.
import { IN_HOURS, say, startApp, waitFor, type Bot } from '../escalation/helpers';

const TOKEN = 'feedback-token-for-tests-0123456789';
let bot: Bot;

beforeAll(async () => {
  bot = await startApp({ TRIAGE_TOKEN: TOKEN });
}, 60_000);
afterAll(async () => bot?.stop());

async function api(pathname: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${bot.url}${pathname}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

interface Item { reason: string; message: string; intent?: string; answerId?: string; missing?: string }
interface Insights { days: string[]; feedback: { answerId: string; up: number; down: number }[]; containment: (number | null)[] }

test('👎 in a conversation lands in the review queue and the day counters; 👍 only in the counters', async () => {
  const answer = await say(bot.url, 'fb-1', 'how to pay contribution, my ic 900101-14-5673');
  expect(answer.buttons.slice(-2)).toEqual(['👍', '👎']);
  const down = await say(bot.url, 'fb-1', '👎');
  expect(down.text).toMatch(/What was missing\?/);
  await say(bot.url, 'fb-1', 'it did not say anything about my bank, mail ali@contoh.com.my');

  await say(bot.url, 'fb-2', 'how to pay contribution');
  await say(bot.url, 'fb-2', '👍');

  let items: Item[] = [];
  await waitFor(async () => {
    items = ((await api('/api/review?filter=all')).items as Item[]).filter((i) => i.reason === 'down');
    return items.some((i) => i.missing);
  }, 'what was missing, in the review queue');
  // One item per 👎: what was missing completes the vote's item (no second item for the same vote).
  expect(items).toEqual([
    expect.objectContaining({
      intent: 'payment_methods',
      answerId: 'payment_methods',
      message: 'how to pay contribution, my ic [MYKAD]',
      missing: 'it did not say anything about my bank, mail [EMAIL]',
    }),
  ]);
  expect(JSON.stringify(items)).not.toMatch(/900101|ali@contoh/);

  let insights: Insights | null = null;
  await waitFor(async () => {
    insights = (await api('/api/insights?days=1')) as unknown as Insights;
    const f = insights.feedback.find((x) => x.answerId === 'payment_methods');
    return f !== undefined && f.up === 1 && f.down === 1;
  }, 'the day counters');
  expect(insights!.days).toEqual([IN_HOURS.toISOString().slice(0, 10)]);
  // The 👎 counted once (not again for what was missing); that conversation is not contained.
  expect(insights!.feedback.find((x) => x.answerId === 'payment_methods')).toEqual({ answerId: 'payment_methods', up: 1, down: 1 });
  expect(insights!.containment[0]).toBe(0.5);
});
