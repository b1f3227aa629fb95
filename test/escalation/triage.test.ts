// The support-staff API and page: token required, MyKad masked in lists and on one
// ticket, status / assignee / notes updated, and nothing at all when no token is configured.
import { GOOD_ANSWERS, FINISH, MYKAD_DIGITS, conversation, referenceIn, startApp, type Bot } from './helpers';

const TOKEN = 'triage-token-for-tests-abcdefghijklmnop';
const auth = { authorization: `Bearer ${TOKEN}` };

async function api(bot: Bot, pathname: string, init: RequestInit = {}): Promise<{ status: number; json: Record<string, unknown>; headers: Headers }> {
  const res = await fetch(`${bot.url}${pathname}`, init);
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {}, headers: res.headers };
}

interface Listed {
  reference: string;
  status: string;
  assignee: string | null;
  checklist: { mykad: string | null; companyName: string | null };
}

describe('with TRIAGE_TOKEN set', () => {
  let bot: Bot;
  let reference: string;
  let second: string;
  beforeAll(async () => {
    bot = await startApp({ TRIAGE_TOKEN: TOKEN });
    reference = referenceIn((await conversation(bot.url, 'triage-1', ['talk to an officer', ...GOOD_ANSWERS, 'Cannot register a Portal ID', ...FINISH])).text);
    second = referenceIn((await conversation(bot.url, 'triage-2', ['nak cakap dengan pegawai', ...GOOD_ANSWERS, 'Tidak dapat bayar caruman', ...FINISH])).text);
  });
  afterAll(async () => bot.stop());

  test('without a token, or with a wrong one, the API answers 401', async () => {
    const none = await api(bot, '/api/tickets');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(JSON.stringify(none.json)).not.toContain(reference);
    expect((await api(bot, '/api/tickets', { headers: { authorization: `Bearer ${TOKEN}x` } })).status).toBe(401);
    expect((await api(bot, '/api/tickets', { headers: { authorization: TOKEN } })).status).toBe(401);
    expect((await api(bot, `/api/tickets/${reference}`)).status).toBe(401);
    expect((await api(bot, `/api/tickets/${reference}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: '{"status":"closed"}' })).status).toBe(401);
  });

  test('GET /api/tickets lists the tickets with reference and status, newest first, MyKad masked', async () => {
    const res = await api(bot, '/api/tickets', { headers: auth });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const tickets = res.json.tickets as Listed[];
    expect(tickets.map((t) => t.reference)).toEqual([second, reference]);
    for (const t of tickets) {
      expect(t.status).toBe('open');
      expect(t.checklist.mykad).toBe('900101-**-***3');
    }
    expect(JSON.stringify(res.json)).not.toContain(MYKAD_DIGITS);
    expect(res.json.total).toBe(2);
  });

  test('GET /api/tickets/<reference> gives one ticket with the MyKad masked and the redacted transcript', async () => {
    const res = await api(bot, `/api/tickets/${reference}`, { headers: auth });
    expect(res.status).toBe(200);
    expect(res.json.reference).toBe(reference);
    expect((res.json.checklist as { mykad: string }).mykad).toBe('900101-**-***3');
    expect(res.json.mykadMasked).toBe('900101-**-***3');
    expect(JSON.stringify(res.json)).not.toContain(MYKAD_DIGITS);
    const transcript = res.json.transcript as { text: string }[];
    expect(transcript.some((t) => t.text === 'talk to an officer')).toBe(true);
    expect(JSON.stringify(transcript)).not.toContain(MYKAD_DIGITS);
    expect((await api(bot, '/api/tickets/HN-2026-999999', { headers: auth })).status).toBe(404);
    expect((await api(bot, '/api/tickets/not-a-reference', { headers: auth })).status).toBe(404);
  });

  test('PATCH sets status and assignee and appends notes with author and time; the status filter follows', async () => {
    const patch = (body: unknown) =>
      api(bot, `/api/tickets/${reference}`, { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const first = await patch({ status: 'in_progress', assignee: 'Nurul', note: 'Called the employer, waiting for the ACR.', author: 'Nurul' });
    expect(first.status).toBe(200);
    expect(first.json.status).toBe('in_progress');
    expect(first.json.assignee).toBe('Nurul');
    await patch({ note: 'Sent the reset link.', author: 'Hafiz' });
    const one = await api(bot, `/api/tickets/${reference}`, { headers: auth });
    const notes = one.json.notes as { author: string; text: string; at: string }[];
    expect(notes.map((x) => [x.author, x.text])).toEqual([
      ['Nurul', 'Called the employer, waiting for the ACR.'],
      ['Hafiz', 'Sent the reset link.'],
    ]);
    expect(notes.every((x) => !Number.isNaN(Date.parse(x.at)))).toBe(true);

    const inProgress = (await api(bot, '/api/tickets?status=in_progress', { headers: auth })).json.tickets as Listed[];
    expect(inProgress.map((t) => t.reference)).toEqual([reference]);
    const open = (await api(bot, '/api/tickets?status=open', { headers: auth })).json.tickets as Listed[];
    expect(open.map((t) => t.reference)).toEqual([second]);

    expect((await patch({ status: 'done' })).status).toBe(400);
    expect((await patch({ colour: 'red' })).status).toBe(400);
    expect((await patch({})).status).toBe(400);
    expect((await patch({ note: '' })).status).toBe(400);
    expect((await api(bot, '/api/tickets?status=nonsense', { headers: auth })).status).toBe(400);
    expect((await patch({ assignee: null })).json.assignee).toBeNull();
    expect((await api(bot, '/api/tickets/HN-2026-999999', { method: 'PATCH', headers: { ...auth, 'content-type': 'application/json' }, body: '{"status":"closed"}' })).status).toBe(404);
  });

  test('the staff page is served by the bot, self-contained and labelled', async () => {
    const res = await fetch(`${bot.url}/staff`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    const html = await res.text();
    // Nothing is loaded from another host.
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    // The page holds no ticket data itself: it reads the API with the token.
    expect(html).not.toContain(reference);
    expect(html).toContain("'/api/tickets'");
    expect(html).toMatch(/<html lang="en">/);
  });
});

describe('without TRIAGE_TOKEN', () => {
  let bot: Bot;
  beforeAll(async () => {
    bot = await startApp({ TRIAGE_TOKEN: '' });
  });
  afterAll(async () => bot.stop());

  test('the API and the staff page are off, whatever token is sent', async () => {
    const list = await api(bot, '/api/tickets', { headers: { authorization: 'Bearer ' } });
    expect(list.status).toBe(404);
    expect(String(list.json.error)).toMatch(/TRIAGE_TOKEN/);
    expect((await api(bot, '/api/tickets/HN-2026-000001', { headers: { authorization: 'Bearer anything' } })).status).toBe(404);
    expect((await fetch(`${bot.url}/staff`)).status).toBe(404);
  });
});
