import { computeQuote, explainQuote } from '../../calculators';

const NOW = new Date('2026-11-26T04:00:00Z');

describe('explainQuote', () => {
  test('English: breakdown per scheme and side, totals, assumptions, source', () => {
    const t = explainQuote(computeQuote({ wage: '2500', month: '2024-10' }, NOW), 'en');
    expect(t).toContain('RM2,500.00');
    expect(t).toContain('October 2024');
    expect(t).toMatch(/First Category.*employer RM42\.85, employee RM12\.25/);
    expect(t).toMatch(/EIS \(Act 800\): employer RM4\.90, employee RM4\.90/);
    expect(t).toMatch(/employer pays RM47\.75; deduct RM17\.15 .* RM64\.90/);
    expect(t).toMatch(/Assumptions:\n- Age not given/);
    expect(t).toMatch(/citizen or permanent resident/);
    expect(t).toContain('https://www.perkeso.gov.my/en/rate-of-contribution.html');
    expect(t).not.toMatch(/above the .*ceiling/);
  });

  test('Malay: the same in Malay', () => {
    const t = explainQuote(computeQuote({ wage: '2500', month: '2026-11', age: 35 }, NOW), 'ms');
    expect(t).toContain('bulan upah November 2026');
    expect(t).toMatch(/Kategori Pertama.*majikan RM42\.85, pekerja RM12\.25/);
    expect(t).toMatch(/LINDUNG 24 Jam \(SKBBK\): pekerja RM18\.35/);
    expect(t).toMatch(/Majikan bayar RM47\.75; potong RM35\.50/);
    expect(t).toMatch(/Anggapan:/);
    expect(t).toMatch(/Sumber: .*lindung-24-jam/);
  });

  test('above the ceiling the reply says the ceiling applied', () => {
    expect(explainQuote(computeQuote({ wage: 8000, month: '2025-01', age: 30, foreign: false }, NOW), 'en')).toMatch(/above the RM6,000\.00 ceiling/);
    expect(explainQuote(computeQuote({ wage: 8000, month: '2023-01', age: 30, foreign: false }, NOW), 'ms')).toMatch(/siling RM5,000\.00/);
  });

  test('aged 60+: says Second Category, no EIS, and why', () => {
    const t = explainQuote(computeQuote({ wage: 1800, month: '2025-01', age: 62 }, NOW), 'en');
    expect(t).toMatch(/Second Category \(Employment Injury only\): employer RM21\.90, employee RM0\.00/);
    expect(t).toMatch(/EIS \(Act 800\): none/);
    expect(t).toMatch(/Why: Aged 60 or over/);
    expect(t).not.toMatch(/Assumptions:/);
  });

  test('states the month it assumed when none was given', () => {
    expect(explainQuote(computeQuote({ wage: 1800, age: 30, foreign: true }, NOW), 'en')).toMatch(/I used the current month, November 2026/);
  });

  test('a foreign worker who asks to opt out is told they cannot', () => {
    const t = explainQuote(computeQuote({ wage: 3000, month: '2026-08', foreign: true, skbbkOptOut: true, age: 30 }, NOW), 'en');
    expect(t).toMatch(/cannot opt out/);
    expect(t).toMatch(/LINDUNG 24 Jam \(SKBBK\): employee RM22\.15/);
  });

  test('the first band reads "up to RM30.00"', () => {
    expect(explainQuote(computeQuote({ wage: 25, month: '2025-01' }, NOW), 'en')).toContain('Wage band: up to RM30.00');
  });
});
