import { explainLateInterest, lateInterest, QuoteError } from '../../calculators';

describe('late-payment interest (FCLB) estimate, FACTS.md §4', () => {
  test('due on the 15th of the month after the wage month; 6% a year, daily, /365', () => {
    const r = lateInterest({ amount: '100000', wageMonth: '2026-09', paidOn: '2026-11-27' });
    // 100,000 x 6% x 43 / 365 = 706.849... -> 706.85
    expect(r).toEqual({ amount: '100000.00', wageMonth: '2026-09', dueDate: '2026-10-15', paidOn: '2026-11-27', daysLate: 43, interest: '706.85', minimumApplied: false });
  });

  test('a December wage month is due on 15 January of the next year', () => {
    expect(lateInterest({ amount: 5000, wageMonth: '2025-12', paidOn: '2026-01-16' })).toMatchObject({ dueDate: '2026-01-15', daysLate: 1 });
  });

  test('small amounts pay the RM5 minimum', () => {
    const r = lateInterest({ amount: '64.90', wageMonth: '2024-10', paidOn: '2024-12-20' });
    expect(r).toMatchObject({ daysLate: 35, interest: '5.00', minimumApplied: true });
  });

  test('just above the minimum the computed interest is used', () => {
    // 10,000 x 6% x 4 / 365 = 6.575... -> 6.58
    expect(lateInterest({ amount: '10,000', wageMonth: '2025-01', paidOn: '2025-02-19' })).toMatchObject({ daysLate: 4, interest: '6.58', minimumApplied: false });
  });

  test('paid on or before the due date: no interest and no minimum', () => {
    expect(lateInterest({ amount: 500, wageMonth: '2025-01', paidOn: '2025-02-15' })).toMatchObject({ daysLate: 0, interest: '0.00', minimumApplied: false });
    expect(lateInterest({ amount: 500, wageMonth: '2025-01', paidOn: '2025-01-30' })).toMatchObject({ daysLate: 0, interest: '0.00' });
  });

  test('a Date is read as the calendar day in Kuala Lumpur', () => {
    // 17:00 UTC on 15 Feb is 01:00 on 16 Feb in Kuala Lumpur: one day late
    expect(lateInterest({ amount: 500, wageMonth: '2025-01', paidOn: new Date('2025-02-15T17:00:00Z') })).toMatchObject({ paidOn: '2025-02-16', daysLate: 1 });
  });

  test.each([
    [{ amount: 0, wageMonth: '2025-01', paidOn: '2025-03-01' }, 'amount_zero'],
    [{ amount: 'x', wageMonth: '2025-01', paidOn: '2025-03-01' }, 'amount_not_number'],
    [{ amount: 100, wageMonth: '2025-13', paidOn: '2025-03-01' }, 'month_invalid'],
    [{ amount: 100, wageMonth: '2025-01', paidOn: '2025-02-30' }, 'date_invalid'],
    [{ amount: 100, wageMonth: '2025-01', paidOn: new Date('nope') }, 'date_invalid'],
  ])('bad input %p -> %s', (req, code) => {
    expect(() => lateInterest(req)).toThrow(QuoteError);
    try { lateInterest(req); } catch (e) { expect((e as QuoteError).code).toBe(code); }
  });
});

describe('explainLateInterest', () => {
  const late = lateInterest({ amount: '64.90', wageMonth: '2024-10', paidOn: '2024-12-20' });

  test('English: labelled an estimate, due date, days, the minimum, what to do in ASSIST, the source', () => {
    const t = explainLateInterest(late, 'en');
    expect(t).toMatch(/ESTIMATE/);
    expect(t).toContain('due 15 November 2024');
    expect(t).toContain('35 days late');
    expect(t).toContain('RM5.00 minimum');
    expect(t).toContain('"Interest on Late Payment of Contributions / Appeal"');
    expect(t).toContain('https://assist.perkeso.gov.my');
    expect(t).toMatch(/Source: .*reg\. 33.*https:\/\/www\.perkeso\.gov\.my/);
    expect(t).toMatch(/365 days a year/);
  });

  test('Malay: the same facts in Malay', () => {
    const t = explainLateInterest(late, 'ms');
    expect(t).toMatch(/ANGGARAN/);
    expect(t).toContain('15 November 2024');
    expect(t).toContain('lewat 35 hari');
    expect(t).toContain('Sumber:');
    expect(t).toContain('rayuan');
  });

  test('on time: says there is no interest, and no pay-or-appeal step', () => {
    const t = explainLateInterest(lateInterest({ amount: 500, wageMonth: '2025-01', paidOn: '2025-02-10' }), 'en');
    expect(t).toMatch(/no late-payment interest/);
    expect(t).not.toMatch(/What to do/);
  });
});

describe('interest from the days late alone ("owe 10k, paid 2 weeks late")', () => {
  const { lateInterestForDays, explainLateInterestForDays, lateInterest: byDate } = require('../../calculators') as typeof import('../../calculators');

  test('gives the same interest as the dated calculation for the same number of days', () => {
    // Wage month 2026-10 is due 2026-11-15; paid 2026-11-29 is 14 days late.
    const dated = byDate({ amount: '10000', wageMonth: '2026-10', paidOn: '2026-11-29' });
    expect(dated.daysLate).toBe(14);
    expect(lateInterestForDays({ amount: '10000', daysLate: 14 })).toEqual({ amount: '10000.00', daysLate: 14, interest: dated.interest, minimumApplied: false });
  });

  test('the RM5 minimum, nothing when not late, and bad input refused', () => {
    expect(lateInterestForDays({ amount: '100', daysLate: 3 })).toMatchObject({ interest: '5.00', minimumApplied: true });
    expect(lateInterestForDays({ amount: '100', daysLate: 0 })).toMatchObject({ interest: '0.00', minimumApplied: false });
    expect(() => lateInterestForDays({ amount: '100', daysLate: -1 })).toThrow(/days late/);
    expect(() => lateInterestForDays({ amount: '100', daysLate: 2.5 })).toThrow(/whole number/);
    expect(() => lateInterestForDays({ amount: 'abc', daysLate: 3 })).toThrow();
  });

  test('the explanation says how late, the estimate caveats and where to pay or appeal', () => {
    const text = explainLateInterestForDays(lateInterestForDays({ amount: '10000', daysLate: 14 }), 'ms');
    expect(text).toMatch(/ANGGARAN/);
    expect(text).toMatch(/lewat 14 hari/);
    expect(text).toMatch(/assist\.perkeso\.gov\.my/);
  });
});
