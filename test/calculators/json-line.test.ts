import { quoteJsonLine } from '../../calculators';

const NOW = new Date('2026-11-26T04:00:00Z');
const CONTRACT_KEYS = ['wage', 'month', 'schedule', 'act4', 'eis', 'skbbk', 'employer_total', 'employee_total', 'total'];
const contractPart = (o: Record<string, unknown>) => Object.fromEntries(CONTRACT_KEYS.map((k) => [k, o[k]]));

describe('npx hanna quote --jsonl output (CONTRACT.md)', () => {
  test('the CONTRACT example, exactly', () => {
    expect(contractPart(quoteJsonLine({ wage: '2500.00', age: 35, month: '2024-10' }, NOW))).toEqual({
      wage: '2500.00', month: '2024-10', schedule: '2024-10',
      act4: { category: 1, employer: '42.85', employee: '12.25', total: '55.10' },
      eis: { employer: '4.90', employee: '4.90', total: '9.80' },
      skbbk: null, employer_total: '47.75', employee_total: '17.15', total: '64.90',
    });
  });

  test('the same wage for wage month 2026-11', () => {
    expect(contractPart(quoteJsonLine({ wage: '2500.00', age: 35, month: '2026-11' }, NOW))).toEqual({
      wage: '2500.00', month: '2026-11', schedule: '2024-10',
      act4: { category: 1, employer: '42.85', employee: '12.25', total: '55.10' },
      eis: { employer: '4.90', employee: '4.90', total: '9.80' },
      skbbk: { employee: '18.35' }, employer_total: '47.75', employee_total: '35.50', total: '83.25',
    });
  });

  test('the CONTRACT keys come first, in order; extras say the ceiling and the assumptions', () => {
    const out = quoteJsonLine({ wage: 9000, month: '2025-02' }, NOW);
    expect(Object.keys(out).slice(0, CONTRACT_KEYS.length)).toEqual(CONTRACT_KEYS);
    expect(out).toMatchObject({ wage: '9000.00', ceiling_applied: true, ceiling: '6000.00', band: { from: '6000.00', to: null }, assumptions: ['age', 'nationality'] });
  });

  test('snake_case flags: foreign and skbbk_opt_out; camelCase is accepted too', () => {
    expect(quoteJsonLine({ wage: '1500.00', age: 40, month: '2024-06', foreign: true }, NOW)).toMatchObject({ act4: { category: 2, employee: '0.00' }, eis: null });
    expect(quoteJsonLine({ wage: '2500.00', age: 35, month: '2026-09', skbbk_opt_out: true }, NOW)).toMatchObject({ skbbk: null, employee_total: '17.15' });
    expect(quoteJsonLine({ wage: '2500.00', month: '2026-09', skbbkOptOut: true, first_insured_age: 55, age: 56 }, NOW)).toMatchObject({ skbbk: null, act4: { category: 2 } });
  });

  test('month defaults to the current month in Kuala Lumpur', () => {
    expect(quoteJsonLine({ wage: 2500 }, new Date('2026-05-31T17:00:00Z'))).toMatchObject({ month: '2026-06', skbbk: { employee: '18.35' } });
  });

  test.each([
    [null], ['2500'], [[1, 2]], [{}], [{ wage: 'lots' }], [{ wage: 0 }], [{ wage: 2500, month: 202410 }],
    [{ wage: 2500, month: '2022-08' }], [{ wage: 2500, month: '2028-06' }], [{ wage: 2500, age: 'old' }],
    [{ wage: 2500, foreign: 'yes' }], [{ wage: 2500, age: 200 }],
  ])('bad input %p gives {error} and never throws', (input) => {
    const out = quoteJsonLine(input, NOW);
    expect(typeof out.error).toBe('string');
    expect(out.error).not.toBe('');
    expect(out.total).toBeUndefined();
  });

  test('a month before the tables names the months covered', () => {
    expect(quoteJsonLine({ wage: '2500.00', age: 35, month: '2022-08' }, NOW).error).toMatch(/September 2022 to May 2028/);
  });
});
