// Issue 11 through the real turn function, the real understander and the real knowledge base, as tables of
// [user says, what the bot must show]. Every amount comes from the calculator (the same code as
// `npx hanna quote --jsonl -` and `hanna interest`), never from memory.
import Decimal from 'decimal.js';
import { createCoreDeps } from '../../bot/app';
import { runTurn } from '../../bot/core/turn';
import type { ConversationState, TurnResult } from '../../bot/core/types';
import { formatRM, lateInterest, lateInterestForDays, quoteJsonLine } from '../../calculators';

const deps = createCoreDeps();
const NOW = new Date('2026-12-04T10:00:00+08:00'); // wage month 2026-12: LINDUNG 24 Jam applies

type Check = RegExp | string | ((r: TurnResult) => void);
type Step = [string, ...Check[]];

function talk(steps: Step[], state?: ConversationState): ConversationState | undefined {
  for (const [says, ...checks] of steps) {
    const r = runTurn(deps, state, { text: says, channel: 'test' }, NOW);
    state = r.state;
    const all = r.replies.map((x) => x.text).join('\n');
    for (const c of checks) {
      if (typeof c === 'function') c(r);
      else if (typeof c === 'string') {
        if (!all.includes(c)) throw new Error(`after "${says}" expected "${c}" in:\n${all}`);
      } else if (!c.test(all)) throw new Error(`after "${says}" expected ${c} in:\n${all}`);
    }
  }
  return state;
}

/** The three headline figures of a single quote, from the calculator, as the reply shows them. */
function figures(input: Record<string, unknown>): string[] {
  const q = quoteJsonLine({ month: '2026-12', ...input }, NOW) as { employer_total: string; employee_total: string; total: string };
  if (!q.total) throw new Error(`calculator refused ${JSON.stringify(input)}`);
  return [formatRM(q.employer_total), formatRM(q.employee_total), formatRM(q.total)];
}
const not = (text: string) => (r: TurnResult) => expect(r.replies.map((x) => x.text).join('\n')).not.toContain(text);
const formIs = (id: string | null) => (r: TurnResult) => expect(r.state.form?.id ?? null).toBe(id);

describe('a quote request without a wage starts the quote form', () => {
  test('the answer may be a wage in words', () => {
    talk([
      ['nak kira caruman', /gaji/i, formIs('quote_wage')],
      ['dua ribu tiga ratus', ...figures({ wage: '2300' }), formIs(null)],
    ]);
  });

  test('details said before the wage are kept (foreign, age)', () => {
    talk([
      ['saya nak kira caruman untuk pekerja asing umur 40', formIs('quote_wage')],
      ['2500', ...figures({ wage: '2500', foreign: true, age: 40 })],
    ]);
  });

  test('several wages as the answer get the several-workers reply', () => {
    const [a, b] = [quoteJsonLine({ wage: '1500', month: '2026-12' }, NOW), quoteJsonLine({ wage: '2500', month: '2026-12' }, NOW)] as { total: string }[];
    talk([
      ['nak kira caruman 2 orang pekerja', formIs('quote_wage')],
      ['1500, 2500', formatRM(new Decimal(a.total).plus(b.total)), /RM1,500\.00[\s\S]*RM2,500\.00/],
    ]);
  });
});

describe('details said in passing change the quote', () => {
  test('every change the quote reply suggests works when typed after it', () => {
    talk([
      ['gaji 2500', ...figures({ wage: '2500' })],
      ['tarik diri LINDUNG', ...figures({ wage: '2500', skbbk_opt_out: true })],
      ['bulan 2025-03', ...figures({ wage: '2500', skbbk_opt_out: true, month: '2025-03' }), /Mac 2025/],
      ['umur 62', ...figures({ wage: '2500', skbbk_opt_out: true, month: '2025-03', age: 62 })],
      ['pekerja asing', ...figures({ wage: '2500', month: '2025-03', age: 62, foreign: true })],
    ]);
  });

  test('English suggestions and a first-insured age', () => {
    talk([
      ['socso for RM2,800 salary', ...figures({ wage: '2800' })],
      ['opted out of LINDUNG', ...figures({ wage: '2800', skbbk_opt_out: true })],
      ['month 2025-03', ...figures({ wage: '2800', skbbk_opt_out: true, month: '2025-03' })],
      ['first job at 57', ...figures({ wage: '2800', skbbk_opt_out: true, month: '2025-03', first_insured_age: 57 })],
    ]);
  });

  test('a correction recomputes the last quote with the corrected wage and keeps its details', () => {
    talk([
      ['gaji 2500 umur 62', ...figures({ wage: '2500', age: 62 })],
      ['opps salah, 3200 sebenarnya', ...figures({ wage: '3200', age: 62 })],
    ]);
  });

  test('a relative month arrives resolved: "bulan lepas" in December 2026 is November 2026', () => {
    talk([
      ['gaji 2500', /Disember 2026/],
      ['bulan lepas', ...figures({ wage: '2500', month: '2026-11' }), /November 2026/],
    ]);
  });
});

describe('a fragment changes one detail; a full question starts from the defaults', () => {
  test('fragments keep the rest of the last quote', () => {
    talk([
      ['gaji 2500 umur 62', ...figures({ wage: '2500', age: 62 })],
      ['3000?', ...figures({ wage: '3000', age: 62 })],
      ['kalau 45?', ...figures({ wage: '3000', age: 45 })],
      ['what about 4000', ...figures({ wage: '4000', age: 45 })],
    ]);
  });

  test('a new full question with its own wage inherits neither age, status nor opt-out, and states its assumptions', () => {
    const old = figures({ wage: '4000', age: 62, foreign: true });
    talk([
      ['gaji 2500 umur 62 pekerja asing', ...figures({ wage: '2500', age: 62, foreign: true })],
      ['berapa socso gaji 4000', ...figures({ wage: '4000' }), not(old[2]), /Anggapan: umur 18–59, warganegara, tidak tarik diri/],
      ['tarik diri LINDUNG', ...figures({ wage: '4000', skbbk_opt_out: true })],
      ['how much socso for my other worker earning 4000', ...figures({ wage: '4000' })],
    ]);
  });

  test('another staff member is a new question; after another topic a wage is a new question too', () => {
    talk([
      ['gaji 2500 umur 62', ...figures({ wage: '2500', age: 62 })],
      ['staff lain gaji 2500 berapa', ...figures({ wage: '2500' })],
      ['lupa password', (r) => expect(r.meta.intent).toBe('forgot_password')],
      ['umur 62', (r) => expect(r.meta.intent).not.toBe('contribution_quote')],
    ]);
  });
});

describe('several workers in one message', () => {
  const quote = (wage: string, extra: Record<string, unknown> = {}) =>
    quoteJsonLine({ wage, month: '2026-12', ...extra }, NOW) as { employer_total: string; employee_total: string; total: string; act4: { employer: string } };
  const sum = (qs: { employer_total: string }[], k: 'employer_total' | 'employee_total' | 'total') =>
    formatRM(qs.reduce((a, q) => a.plus((q as Record<string, string>)[k]), new Decimal(0)));

  test('a row per worker and exact totals, as text and as a table card', () => {
    const qs = ['1200', '3000', '7500', '2200'].map((w) => quote(w));
    talk([
      [
        '4 staff: 1.2k, 3k, 7.5k, 2.2k',
        /4 (?:pekerja|workers)/,
        sum(qs, 'employer_total'),
        sum(qs, 'employee_total'),
        sum(qs, 'total'),
        (r) => {
          const lines = r.replies[0].text.split('\n').filter((l) => /^\d\. /.test(l));
          expect(lines).toHaveLength(4);
          const card = r.replies[0].card as { version: string; body: { type: string }[] };
          expect(card.version).toBe('1.3');
          // a header row and one row per worker
          expect(card.body.filter((b) => b.type === 'ColumnSet')).toHaveLength(5);
        },
      ],
    ]);
  });

  test('each name and age stays with its own wage', () => {
    const ahmad = quote('2100', { age: 30 });
    const ravi = quote('2650', { age: 62 });
    talk([
      [
        'Ahmad 2,100 umur 30, Ravi 2,650 umur 62',
        new RegExp(`Ahmad, umur 30, RM2,100\\.00: Akta 4 majikan ${formatRM(ahmad.act4.employer).replace(/[.$]/g, '\\$&')}`),
        new RegExp(`Ravi, umur 62, RM2,650\\.00: Akta 4 \\(kategori 2\\) majikan ${formatRM(ravi.act4.employer).replace(/[.$]/g, '\\$&')}`),
        sum([ahmad, ravi], 'total'),
      ],
    ]);
  });

  test('past 50 workers the bot points to hanna quote --csv', () => {
    const list = ['nama, gaji, umur', ...Array.from({ length: 51 }, (_, i) => `Pekerja${String.fromCharCode(65 + (i % 26))}${i}, ${2000 + i * 10}, 30`)].join('\n');
    talk([[list, /hanna quote --csv/, /51/]]);
  });
});

describe('late-payment interest from one message', () => {
  test('amount, wage month and payment date: the estimate at once', () => {
    const r = lateInterest({ amount: '8000', wageMonth: '2026-08', paidOn: '2026-10-03' });
    talk([['RM8,000 caruman bulan Ogos, bayar 3 Oktober, berapa faedah?', formatRM(r.interest), `lewat ${r.daysLate} hari`, formIs(null)]]);
  });

  test('amount and days late: the estimate from the days', () => {
    const r = lateInterestForDays({ amount: '10000', daysLate: 14 });
    talk([['owe 10k, paid 2 weeks late', formatRM(r.interest), /14 days/, formIs(null)]]);
  });

  test('the form asks only for what is missing', () => {
    const r = lateInterest({ amount: '450', wageMonth: '2026-10', paidOn: '2026-12-20' });
    talk([
      ['berapa faedah lewat bayar untuk caruman RM450?', /bulan upah/i, (t) => expect(t.state.form).toMatchObject({ id: 'late_interest', values: { amount: '450.00' } })],
      ['oktober 2026', /dibayar/i],
      ['20/12/2026', formatRM(r.interest), formIs(null)],
    ]);
  });

  test('the Malay help defines the wage month as the month the wages are for', () => {
    talk([
      ['kira faedah lewat bayar', formIs('late_interest')],
      ['RM450', /bulan upah/i],
      ['help', /bulan yang gajinya untuk/, not('gaji itu dibayar')],
    ]);
  });
});

test('a wage with an opt-out said as a fact is a quote; a question about opting out gets the LINDUNG answer', () => {
  talk([
    ['gaji 2500, dah tarik diri lindung', ...figures({ wage: '2500', skbbk_opt_out: true })],
    ['boleh ke pekerja gaji 2500 tarik diri lindung?', (r) => expect(r.meta.intent).toBe('lindung_24jam')],
  ]);
});

describe('the reply names the details it was computed for', () => {
  test('a fragment shows the changed detail beside the wage; a fresh question shows none of the last worker', () => {
    talk([
      ['gaji 2300', not('umur 61')],
      ['kalau 61?', 'Gaji RM2,300.00 (umur 61)', ...figures({ wage: '2300', age: 61 })],
      ['pekerja asing', 'Gaji RM2,300.00 (pekerja asing, umur 61)', ...figures({ wage: '2300', age: 61, foreign: true })],
      ['berapa socso gaji 4000', 'Gaji RM4,000.00:', not('umur 61'), not('pekerja asing,'), ...figures({ wage: '4000' })],
    ]);
  });
});
