import { computeQuote, QuoteError, QuoteRequest } from '../../calculators';

const NOW = new Date('2026-11-26T04:00:00Z');
const q = (req: QuoteRequest) => computeQuote(req, NOW);

/** The error a request gives (fails the test if it gives a quote). */
function refusal(req: QuoteRequest): QuoteError {
  try {
    q(req);
  } catch (e) {
    if (e instanceof QuoteError) return e;
    throw e;
  }
  throw new Error(`expected a refusal for ${JSON.stringify(req)}`);
}

describe('FACTS.md §1.4 worked values', () => {
  // wage, month, cat 1 ER/EE/total, cat 2 ER, EIS each side, SKBBK (wage month from Jun 2026)
  const rows: Array<[string, string, string, string, string, string, string, string | null]> = [
    ['1700.00', '2026-11', '28.85', '8.25', '37.10', '20.60', '3.30', '12.35'],
    ['2000.00', '2026-11', '34.15', '9.75', '43.90', '24.40', '3.90', '14.65'],
    ['2000.01', '2026-11', '35.85', '10.25', '46.10', '25.60', '4.10', '15.35'],
    ['2500.00', '2026-11', '42.85', '12.25', '55.10', '30.60', '4.90', '18.35'],
    ['8000', '2026-11', '104.15', '29.75', '133.90', '74.40', '11.90', '44.65'],
    ['8000', '2023-05', '86.65', '24.75', '111.40', '61.90', '9.90', null],
  ];
  test.each(rows)('RM%s in %s', (wage, month, er, ee, total, cat2, eis, skbbk) => {
    const first = q({ wage, month, age: 30 });
    expect(first.act4).toEqual({ category: 1, employer: er, employee: ee, total });
    expect(first.eis).toEqual({ employer: eis, employee: eis, total: (Number(eis) * 2).toFixed(2) });
    expect(first.skbbk).toEqual(skbbk === null ? null : { employee: skbbk });
    const second = q({ wage, month, age: 61 });
    expect(second.act4).toEqual({ category: 2, employer: cat2, employee: '0.00', total: cat2 });
  });

  test('RM2,500 in Oct 2024, First Category, local, under 55: the full breakdown', () => {
    const r = q({ wage: '2500', month: '2024-10', age: 35, foreign: false });
    expect(r).toMatchObject({
      wage: '2500.00', month: '2024-10', schedule: '2024-10',
      act4: { category: 1, employer: '42.85', employee: '12.25', total: '55.10' },
      eis: { employer: '4.90', employee: '4.90', total: '9.80' },
      skbbk: null, employer_total: '47.75', employee_total: '17.15', total: '64.90',
    });
  });

  test('the same wage in Nov 2026 adds SKBBK 18.35 to the employee side only', () => {
    const r = q({ wage: 2500, month: '2026-11', age: 35 });
    expect(r).toMatchObject({ skbbk: { employee: '18.35' }, employer_total: '47.75', employee_total: '35.50', total: '83.25', skbbkSchedule: '2026-06' });
  });

  test('SKBBK is looked up, not 0.75% of the wage (RM6,000 -> 44.65, RM3,000 -> 22.15)', () => {
    expect(q({ wage: 6000, month: '2026-07' }).skbbk).toEqual({ employee: '44.65' });
    expect(q({ wage: 3000, month: '2026-07' }).skbbk).toEqual({ employee: '22.15' });
    expect(q({ wage: 5050, month: '2026-07' }).skbbk).toEqual({ employee: '37.85' });
  });
});

describe('band edges: wage_from exclusive, wage_to inclusive', () => {
  test.each([
    ['0.01', '0.00', '30.00'], ['30.00', '0.00', '30.00'], ['30.01', '30.00', '50.00'],
    ['2000.00', '1900.00', '2000.00'], ['2000.01', '2000.00', '2100.00'], ['6000.00', '5900.00', '6000.00'],
  ])('RM%s is in the band above %s up to %s', (wage, from, to) => {
    expect(q({ wage, month: '2025-01' }).band).toEqual({ from, to });
  });

  test('RM2,000.00 and RM2,000.01 pay different amounts', () => {
    expect(q({ wage: '2000.00', month: '2025-03' }).total).toBe('51.70');
    expect(q({ wage: '2000.01', month: '2025-03' }).total).toBe('54.30');
  });

  test('at the ceiling exactly, the ceiling is not "applied"; one sen above, the top band is used and flagged', () => {
    const at = q({ wage: '6000.00', month: '2025-01' });
    const above = q({ wage: '6000.01', month: '2025-01' });
    expect(at.ceilingApplied).toBe(false);
    expect(above).toMatchObject({ ceilingApplied: true, ceiling: '6000.00', band: { from: '6000.00', to: null } });
    expect(above.act4).toEqual(at.act4);
    expect(q({ wage: '250000', month: '2025-01' }).act4.employer).toBe('104.15');
  });

  test('the 2022 edition caps at RM5,000', () => {
    const r = q({ wage: '5000.01', month: '2024-09' });
    expect(r).toMatchObject({ schedule: '2022-09', ceilingApplied: true, ceiling: '5000.00' });
    expect(r.act4.employer).toBe('86.65');
    expect(q({ wage: '5500.01', month: '2024-10' }).act4.employer).toBe('97.15');
  });
});

describe('editions by wage month', () => {
  test.each([
    ['2022-09', '2022-09'], ['2024-09', '2022-09'], ['2024-10', '2024-10'], ['2026-05', '2024-10'], ['2028-05', '2024-10'],
  ])('wage month %s uses schedule %s', (month, schedule) => {
    expect(q({ wage: 5500, month }).schedule).toBe(schedule);
  });

  test('SKBBK starts with wage month June 2026 and runs to May 2028', () => {
    expect(q({ wage: 2500, month: '2026-05' }).skbbk).toBeNull();
    expect(q({ wage: 2500, month: '2026-06' }).skbbk).toEqual({ employee: '18.35' });
    expect(q({ wage: 2500, month: '2028-05' }).skbbk).toEqual({ employee: '18.35' });
  });

  test('a month before September 2022 is refused, naming the months covered', () => {
    const e = refusal({ wage: 2500, month: '2022-08' });
    expect(e.code).toBe('month_before_tables');
    expect(e.en).toContain('September 2022 to May 2028');
    expect(e.ms).toContain('September 2022 hingga Mei 2028');
  });

  test('a month after May 2028 is refused: the SKBBK phase 2 table is not published', () => {
    const e = refusal({ wage: 2500, month: '2028-06' });
    expect(e.code).toBe('month_after_tables');
    expect(e.en).toContain('September 2022 to May 2028');
  });

  test('without a month, the current month in Kuala Lumpur is used and stated', () => {
    // 16:30 UTC on 31 Oct 2024 is already 1 Nov 2024 in Kuala Lumpur
    const r = computeQuote({ wage: 2500 }, new Date('2024-10-31T16:30:00Z'));
    expect(r.month).toBe('2024-11');
    expect(r.assumptions.find((a) => a.key === 'month')?.en).toContain('November 2024');
  });

  test.each(['2024-13', '24-10', 'Oct 2024', '2024-1'])('month %p is refused as invalid', (month) => {
    expect(refusal({ wage: 2500, month }).code).toBe('month_invalid');
  });
});

describe('who pays what (FACTS.md §2)', () => {
  const M = '2025-06';
  test('under 60: First Category plus EIS from 18', () => {
    expect(q({ wage: 2500, month: M, age: 18 })).toMatchObject({ act4: { category: 1 }, eis: { total: '9.80' } });
    expect(q({ wage: 2500, month: M, age: 59 })).toMatchObject({ act4: { category: 1 }, eis: { total: '9.80' } });
  });

  test('under 18: First Category, no EIS', () => {
    const r = q({ wage: 2500, month: M, age: 17 });
    expect(r.act4.category).toBe(1);
    expect(r.eis).toBeNull();
    expect(r.employee_total).toBe('12.25');
  });

  test('60 and over: Second Category, employer only, no EIS', () => {
    const r = q({ wage: 2500, month: M, age: 60 });
    expect(r).toMatchObject({ act4: { category: 2, employer: '30.60', employee: '0.00', total: '30.60' }, eis: null, employee_total: '0.00', total: '30.60' });
  });

  test('first insured at 55 or older: Second Category even under 60, EIS still applies below 57', () => {
    const r = q({ wage: 2500, month: M, age: 56, firstInsuredAge: 55 });
    expect(r.act4.category).toBe(2);
    expect(r.eis).not.toBeNull();
    expect(q({ wage: 2500, month: M, age: 56, firstInsuredAge: 54 }).act4.category).toBe(1);
  });

  test('first insured at 57 or older: exempt from EIS', () => {
    expect(q({ wage: 2500, month: M, age: 58, firstInsuredAge: 57 }).eis).toBeNull();
  });

  test('foreign workers: Second Category before wage month July 2024, First Category from it, never EIS', () => {
    const before = q({ wage: 3000, month: '2024-06', age: 40, foreign: true });
    const after = q({ wage: 3000, month: '2024-07', age: 40, foreign: true });
    expect(before).toMatchObject({ act4: { category: 2, employer: '36.90', employee: '0.00' }, eis: null });
    expect(after).toMatchObject({ act4: { category: 1, employer: '51.65', employee: '14.75' }, eis: null });
    expect(q({ wage: 3000, month: '2024-07', age: 62, foreign: true }).act4.category).toBe(2);
    expect(q({ wage: 3000, month: '2024-07', age: 56, firstInsuredAge: 55, foreign: true }).act4.category).toBe(2);
  });

  test('SKBBK applies to both categories and any age', () => {
    expect(q({ wage: 2500, month: '2026-11', age: 70 })).toMatchObject({ act4: { category: 2 }, eis: null, skbbk: { employee: '18.35' }, employee_total: '18.35' });
    expect(q({ wage: 2500, month: '2026-11', age: 16 }).skbbk).toEqual({ employee: '18.35' });
  });

  test('a citizen/PR who opted out pays no SKBBK from July 2026; June 2026 stays mandatory', () => {
    expect(q({ wage: 2500, month: '2026-09', skbbkOptOut: true }).skbbk).toBeNull();
    expect(q({ wage: 2500, month: '2026-07', skbbkOptOut: true }).skbbk).toBeNull();
    const june = q({ wage: 2500, month: '2026-06', skbbkOptOut: true });
    expect(june.skbbk).toEqual({ employee: '18.35' });
    expect(june.reasons.map((r) => r.key)).toContain('skbbk');
  });

  test('a foreign worker cannot opt out of SKBBK, and the reply says so', () => {
    const r = q({ wage: 3000, month: '2026-08', foreign: true, skbbkOptOut: true });
    expect(r.skbbk).toEqual({ employee: '22.15' });
    expect(r.reasons.find((x) => x.key === 'skbbk')?.en).toMatch(/cannot opt out/);
  });
});

describe('assumptions are stated only where the answer depends on them', () => {
  const keys = (req: QuoteRequest) => q(req).assumptions.map((a) => a.key);
  test('nothing said: age, nationality, opt-out and month are all assumed', () => {
    expect(keys({ wage: 2500 })).toEqual(['age', 'nationality', 'skbbk_opt_out', 'month']);
  });
  test('everything said: no assumptions', () => {
    expect(keys({ wage: 2500, month: '2026-11', age: 35, foreign: false, skbbkOptOut: false })).toEqual([]);
  });
  test('aged 55 to 59 without the age first insured: the First Category assumption is stated', () => {
    expect(keys({ wage: 2500, month: '2025-01', age: 57, foreign: false })).toEqual(['age']);
  });
  test('aged 60+ before SKBBK: nationality changes nothing, so it is not assumed', () => {
    expect(keys({ wage: 2500, month: '2025-01', age: 65 })).toEqual([]);
  });
  test('no opt-out assumption for a foreign worker (they cannot opt out) or for June 2026 (mandatory)', () => {
    expect(keys({ wage: 2500, month: '2026-11', age: 30, foreign: true })).toEqual([]);
    expect(keys({ wage: 2500, month: '2026-06', age: 30, foreign: false })).toEqual([]);
  });
});

describe('bad input gets a clear, polite refusal in both languages', () => {
  test.each([
    [0, 'amount_zero'], ['0.00', 'amount_zero'], [-100, 'amount_negative'], ['-2500', 'amount_negative'],
    ['abc', 'amount_not_number'], ['', 'amount_missing'], [Number.NaN, 'amount_not_number'],
    ['1000000.01', 'amount_too_large'], [5e21, 'amount_too_large'], ['2500.123', 'amount_precision'],
  ])('wage %p -> %s', (wage, code) => {
    const e = refusal({ wage: wage as string | number, month: '2025-01' });
    expect(e.code).toBe(code);
    expect(e.message).toBe(e.en);
    expect(e.ms.length).toBeGreaterThan(10);
  });

  test.each([[0], [-1], [12.5], [130]])('age %p is refused', (age) => {
    expect(refusal({ wage: 2500, month: '2025-01', age }).code).toBe('age_invalid');
  });

  test('the age first insured cannot exceed the current age', () => {
    expect(refusal({ wage: 2500, month: '2025-01', age: 40, firstInsuredAge: 45 }).code).toBe('first_insured_age_invalid');
  });

  test('RM1,000,000 itself is still accepted', () => {
    expect(q({ wage: '1,000,000.00', month: '2025-01' }).ceilingApplied).toBe(true);
  });
});
