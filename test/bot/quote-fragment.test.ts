// The fragment / full-question rule (bot/core/quote-fragment.ts) on Understandings built by hand, so it is
// pinned independently of what the entity extractor finds; and the several-workers reply's error rows.
import Decimal from 'decimal.js';
import { createCoreDeps } from '../../bot/app';
import { readAfterQuote } from '../../bot/core/quote-fragment';
import { workersReply, MAX_WORKERS_IN_CHAT } from '../../bot/core/workers-quote';
import { computeQuote, formatRM } from '../../calculators';
import { loadKnowledgeBase } from '../../knowledge';
import { intentId, type Entities, type Understanding } from '../../intents';

const catalogue = loadKnowledgeBase().catalogue;
const NOW = new Date('2026-12-04T10:00:00+08:00');
const noEntities: Entities = {
  wages: [], ages: [], months: [], employerCodes: [], mykads: [], emails: [], phones: [], urls: [], foreign: null, agency: null,
  looksLikePassword: false, bankAccount: false, workers: [], skbbkOptOut: null, firstInsuredAge: null, correction: false, daysLate: null, dates: [],
};

function u(text: string, entities: Partial<Entities>, name = 'contribution_quote', confidence = 0.9): Understanding {
  const intent = intentId(name);
  const normalised = text.toLowerCase().replace(/[^\p{L}\p{N}.\-/]+/gu, ' ').trim();
  return { text, normalised, lang: 'ms', langSwitch: null, langEvidence: true, intent, confidence, ranking: [{ intent, confidence }], entities: { ...noEntities, ...entities } };
}

const LAST = { wage: '2500.00', age: 62, foreign: true, skbbkOptOut: true, month: '2026-11' };

describe('after a quote', () => {
  test.each([
    ['3000?', { wages: ['3000.00'] }, { wage: '3000.00' }],
    ['kalau 4500 pulak', { wages: ['4500.00'] }, { wage: '4500.00' }],
    ['what about 4000', { wages: ['4000.00'] }, { wage: '4000.00' }],
    ['gaji 3000?', { wages: ['3000.00'] }, { wage: '3000.00' }],
    ['umur 45', { ages: [45] }, { age: 45 }],
    ['bulan lepas', { months: ['2026-11'] }, { month: '2026-11' }],
    ['kalau tempatan?', { foreign: false }, { foreign: false }],
    ['opps salah, 3200 sebenarnya', { wages: ['3200.00'], correction: true }, { wage: '3200.00' }],
    ['socso 2300, eh salah, 3200 sebenarnya', { wages: ['2300.00', '3200.00'], correction: true }, { wage: '3200.00' }],
  ])('"%s" is a fragment: it changes only what it says', (text, entities, change) => {
    expect(readAfterQuote(u(text, entities), LAST, catalogue)).toEqual({ kind: 'fragment', request: { ...LAST, ...change } });
  });

  test('a lone number is a wage from 100 up, an age below ("kalau 61?")', () => {
    expect(readAfterQuote(u('kalau 61?', {}), LAST, catalogue)).toEqual({ kind: 'fragment', request: { ...LAST, age: 61 } });
    expect(readAfterQuote(u('5000?', {}), LAST, catalogue)).toEqual({ kind: 'fragment', request: { ...LAST, wage: '5000.00' } });
  });

  test.each([
    ['berapa socso gaji 4000', { wages: ['4000.00'] }, { wage: '4000.00' }],
    ['how much contribution for RM2,800', { wages: ['2800.00'] }, { wage: '2800.00' }],
    ['staff lain gaji 2500 berapa', { wages: ['2500.00'] }, { wage: '2500.00' }],
    ['and for my other worker earning 3k?', { wages: ['3000.00'] }, { wage: '3000.00' }],
    ['RM4,000 socso untuk pekerja tempatan umur 30', { wages: ['4000.00'], foreign: false, ages: [30] }, { wage: '4000.00', foreign: false, age: 30 }],
  ])('"%s" is a full question: only what it says, nothing inherited', (text, entities, request) => {
    expect(readAfterQuote(u(text, entities), LAST, catalogue)).toEqual({ kind: 'fresh', request });
  });

  test('a confident other topic with its own words is not about the quote; a detail-only message is, whatever the classifier says', () => {
    expect(readAfterQuote(u('LINDUNG wajib ke untuk pekerja asing', { foreign: true }, 'lindung_24jam', 0.95), LAST, catalogue)).toBeNull();
    expect(readAfterQuote(u('macam mana nak bayar caruman', {}, 'payment_methods', 0.99), LAST, catalogue)).toBeNull();
    expect(readAfterQuote(u('tarik diri LINDUNG', { skbbkOptOut: true }, 'late_payment', 0.95), LAST, catalogue)).toEqual({ kind: 'fragment', request: { ...LAST, skbbkOptOut: true } });
  });

  test('after a several-workers reply (no single last quote) a wage is a new quote and a detail alone is nothing', () => {
    expect(readAfterQuote(u('3000?', { wages: ['3000.00'] }), null, catalogue)).toEqual({ kind: 'fresh', request: { wage: '3000.00' } });
    expect(readAfterQuote(u('umur 62', { ages: [62] }), null, catalogue)).toBeNull();
  });
});

describe('the several-workers reply', () => {
  const { kb, calculator } = createCoreDeps();
  const worker = (name: string | null, wage: string, age: number | null = null) => ({ name, wage, age, foreign: null });

  test('a worker that cannot be quoted keeps its row with the reason; the totals are the others', () => {
    const e = { ...noEntities, months: ['2026-12'] };
    const r = workersReply(kb, [worker('Ali', '2100.00'), worker('Raju', '0'), worker('Siti', '3500.00', 61)], e, 'en', NOW, calculator);
    const lines = r.text.split('\n');
    expect(lines.find((l) => l.startsWith('2. Raju'))).toMatch(/more than RM0/);
    const total = ['2100.00', '3500.00'].map((w, i) => computeQuote({ wage: w, month: '2026-12', ...(i === 1 ? { age: 61 } : {}) }, NOW).total);
    expect(r.text).toContain(formatRM(total.reduce((a, b) => a.plus(b), new Decimal(0))));
  });

  test('a status said for one worker stays with that worker', () => {
    const e = { ...noEntities, foreign: true as const };
    const r = workersReply(kb, [worker('John', '4000.00'), { ...worker('Mary', '4500.00'), foreign: true }], e, 'en', NOW, calculator);
    const john = computeQuote({ wage: '4000.00' }, NOW);
    expect(r.text.split('\n').find((l) => l.startsWith('1. John'))).toContain(`employee ${formatRM(john.eis!.employee)}`);
    expect(r.text.split('\n').find((l) => l.startsWith('2. Mary'))).toContain('EIS none');
  });

  test(`more than ${MAX_WORKERS_IN_CHAT} workers: no table, a pointer to hanna quote --csv`, () => {
    const many = Array.from({ length: MAX_WORKERS_IN_CHAT + 1 }, (_, i) => worker(null, `${2000 + i}.00`));
    const r = workersReply(kb, many, noEntities, 'ms', NOW, calculator);
    expect(r.text).toContain('hanna quote --csv');
    expect(r.card).toBeUndefined();
  });
});
