// The transcript an officer reads (the ticket e-mail and the /staff ticket) for a conversation with
// long FAQ answers, a "more" continuation, a quote and its explanation, an agency answer, a miss and
// personal data the user typed. The snapshot was written by the code that stored every bot reply in
// full; the compact state (reply references, rebuilt from the knowledge base for the ticket) must
// give the officer exactly the same text.
import { composeTicketEmail } from '../../bot/handoff';
import type { Ticket } from '../../bot/tickets';
import { FINISH, GOOD_ANSWERS, referenceIn, say, startApp, type Bot } from './helpers';

const TOKEN = 'staff-token-for-transcript-fidelity-0123';

let bot: Bot;
beforeAll(async () => {
  bot = await startApp({ TRIAGE_TOKEN: TOKEN });
});
afterAll(async () => bot.stop());

function button(buttons: string[], pattern: RegExp): string {
  const b = buttons.find((t) => pattern.test(t));
  if (!b) throw new Error(`no button like ${pattern} in ${JSON.stringify(buttons)}`);
  return b;
}

async function staffTicket(reference: string): Promise<Ticket> {
  const res = await fetch(`${bot.url}/api/tickets/${reference}`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as Ticket;
}

test('the ticket e-mail and the staff view show the whole conversation as the bot said it', async () => {
  const conv = 'transcript-fidelity-1';
  // The ticket keeps the last 24 turns: the escalation takes 16 (with contact and summary), the long answers come just before it.
  await say(bot.url, conv, 'i forgot my password for assist, email me at siti@example.com');
  await say(bot.url, conv, 'how to pay kwsp contribution');
  await say(bot.url, conv, 'what is the weather tomorrow');
  await say(bot.url, conv, 'gaji 2500 umur 62');
  const quote = await say(bot.url, conv, 'what is the contribution for wage RM 3,450 age 45');
  await say(bot.url, conv, button(quote.buttons, /why|kenapa/i));
  const registered = await say(bot.url, conv, 'how do i register my company for perkeso, my phone is 012-345 6789');
  expect(registered.text.length).toBeGreaterThan(300);
  await say(bot.url, conv, button(registered.buttons, /^more|lagi/i));
  await say(bot.url, conv, 'talk to an officer');
  for (const answer of GOOD_ANSWERS) await say(bot.url, conv, answer);
  await say(bot.url, conv, 'My contribution file keeps getting rejected, MyKad 900101-14-5673');
  await say(bot.url, conv, FINISH[0]);
  const filed = await say(bot.url, conv, FINISH[1]);
  const ticket = await staffTicket(referenceIn(filed.text));

  const botTurns = ticket.transcript.filter((t) => t.from === 'bot');
  expect(Math.max(...botTurns.map((t) => t.text.length))).toBeGreaterThan(600);
  expect(JSON.stringify(ticket.transcript)).not.toMatch(/012-345 6789|siti@example\.com|900101-14-5673|900101145673/);
  expect(ticket.transcript).toMatchSnapshot('staff transcript');
  const mail = composeTicketEmail(ticket, { from: 'hanna@example.test', to: 'officers@example.test', publicUrl: '' });
  expect(mail.text).toMatchSnapshot('e-mail text');
});
