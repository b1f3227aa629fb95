// The pieces behind the checklist, where a table says more than a conversation would. What the form
// asks, in which order, its privacy notice, the skip after three tries and the redacted name and MyKad
// are what a user sees, so test/escalation/form.test.ts checks them in conversations.
import { loadKnowledgeBase } from '../../knowledge';
import { createUnderstander } from '../../intents';
import { escalationForm } from '../../bot/core/forms/escalation';
import { SKIPPED } from '../../bot/core/forms/runner';
import { retryDelay } from '../../bot/handoff';
import { bearerMatches, parsePatch } from '../../bot/triage';
import { formatReference, maskMyKad } from '../../bot/tickets';

const kb = loadKnowledgeBase();
const form = escalationForm(kb);
const understander = createUnderstander();
const check = (field: string, text: string) => form.fields.find((f) => f.name === field)!.validate(text, understander.understand(text, { lang: 'en' }));

test.each([
  ['employerCode', 'A3100001237X', 'A3100001237X'],
  ['employerCode', 'nombor majikan saya a3100000524v', 'A3100000524V'],
  ['employerCode', 'A 3100001237 X', 'A3100001237X'],
  ['employerCode', 'A310000123X', null],
  ['employerCode', '3100001237', null],
  ['companyName', '  Maju   Jaya Sdn Bhd ', 'Maju Jaya Sdn Bhd'],
  ['companyName', '123', null],
  ['repName', "Muthu a/l Rajan", 'Muthu a/l Rajan'],
  ['repName', 'Nur Aisyah @ Aishah binti Ali', 'Nur Aisyah @ Aishah binti Ali'],
  ['repName', 'Ali 123', null],
  ['repName', 'x', null],
  ['mykad', '900101-14-5673', '900101145673'],
  ['mykad', 'IC saya 900101 14 5673', '900101145673'],
  ['mykad', '000229-10-1235', '000229101235'],
  ['mykad', '010229-10-1235', null], // 29 Feb 2001 / 1901: no such day
  ['mykad', '900101-70-5673', null], // 70 is not a place-of-birth code
  ['mykad', '9001011456', null],
  ['problem', 'Cannot log in', 'Cannot log in'],
  ['problem', 'ok', null],
  ['contact', 'Siti@Maju.com.my', 'siti@maju.com.my'],
  ['contact', '012-345 6789', '012-345 6789'],
  ['contact', '0123456789', '012-345 6789'],
  ['contact', '+6011-2345 6789', '011-2345 6789'],
  ['contact', '03-2691 4500', '03-2691 4500'],
  ['contact', '088 123 456', '088-123 456'],
  ['contact', '(07) 123 4567', '07-123 4567'],
  ['contact', '12345', null],
  ['contact', 'siti@maju', null],
  ['contact', '+65 9123 4567', null], // Singapore, not Malaysian
  // Said in a sentence, as employers answer.
  ['contact', 'email saya Siti@Maju.com.my', 'siti@maju.com.my'],
  ['contact', 'call me at 012 345 6789 after 5pm', '012-345 6789'],
  ['contact', 'no hp 019-876 5432 ya', '019-876 5432'],
  ['contact', 'nombor saya 0123 tapi', null],
  // No contact, said in words: the same as Skip.
  ['contact', 'tiada', SKIPPED],
  ['contact', 'takde', SKIPPED],
  ['contact', 'tak nak bagi', SKIPPED],
  ['contact', 'no thanks', SKIPPED],
  ['contact', 'none', SKIPPED],
])('%s: %j -> %j', (field, text, expected) => {
  const r = check(field, text);
  if (expected === null) expect(r.ok).toBe(false);
  else expect(r).toMatchObject({ ok: true, value: expected });
});

test('the MyKad is echoed masked', () => {
  expect(check('mykad', '900101145673')).toMatchObject({ display: expect.stringContaining('900101-**-***3') });
  expect(maskMyKad('900101145673')).toBe('900101-**-***3');
  expect(maskMyKad(null)).toBeNull();
});

test('retries back off exponentially up to the cap', () => {
  const none = () => 0;
  expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelay(n, 30_000, 3_600_000, none))).toEqual([
    30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000,
  ]);
  // Jitter adds at most 10%.
  expect(retryDelay(1, 30_000, 3_600_000, () => 0.999)).toBeLessThanOrEqual(33_000);
});

test('references have the year and six digits', () => {
  expect(formatReference(2026, 123)).toBe('HN-2026-000123');
  expect(formatReference(2026, 1234567)).toBe('HN-2026-1234567');
});

test('the bearer token must match exactly; an empty token matches nothing', () => {
  expect(bearerMatches('Bearer s3cret-token', 's3cret-token')).toBe(true);
  expect(bearerMatches('bearer s3cret-token', 's3cret-token')).toBe(true);
  expect(bearerMatches('Bearer s3cret-token2', 's3cret-token')).toBe(false);
  expect(bearerMatches('s3cret-token', 's3cret-token')).toBe(false);
  expect(bearerMatches(undefined, 's3cret-token')).toBe(false);
  expect(bearerMatches('Bearer ', '')).toBe(false);
  expect(bearerMatches(undefined, '')).toBe(false);
});

test('PATCH bodies are checked before anything changes', () => {
  expect(parsePatch({ status: 'resolved' })).toEqual({ status: 'resolved' });
  expect(parsePatch({ note: ' Called back ', author: 'Aminah' })).toEqual({ note: { author: 'Aminah', text: 'Called back' } });
  expect(parsePatch({ notes: 'x' })).toEqual({ note: { author: 'staff', text: 'x' } });
  expect(parsePatch({ assignee: '' })).toEqual({ assignee: null });
  expect(typeof parsePatch({ status: 'deleted' })).toBe('string');
  expect(typeof parsePatch({ assignee: 'x'.repeat(81) })).toBe('string');
  expect(typeof parsePatch({ reference: 'HN-2026-000001' })).toBe('string');
  expect(typeof parsePatch([])).toBe('string');
  expect(typeof parsePatch(null)).toBe('string');
});
