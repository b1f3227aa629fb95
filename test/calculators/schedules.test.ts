import fs from 'fs';
import os from 'os';
import path from 'path';
import Decimal from 'decimal.js';
import { computeQuote } from '../../calculators';
import { loadSchedules, SCHEDULES_DIR } from '../../calculators/schedules';

const csv = (file: string): Array<Record<string, string>> => {
  const [head, ...rows] = fs.readFileSync(path.join(SCHEDULES_DIR, file), 'utf8').trim().split('\n');
  const names = head.split(',');
  return rows.map((r) => Object.fromEntries(r.split(',').map((v, i) => [names[i], v])));
};

describe('the project schedules', () => {
  const s = loadSchedules();

  test('editions, band counts and ceilings are as published', () => {
    expect(s.act4Eis.map((e) => [e.edition, e.from, e.to, e.rows.length, e.ceiling.toFixed(2)])).toEqual([
      ['2022-09', '2022-09', '2024-09', 55, '5000.00'],
      ['2024-10', '2024-10', null, 65, '6000.00'],
    ]);
    expect(s.skbbk.map((e) => [e.edition, e.from, e.to, e.rows.length, e.base])).toEqual([['2026-06', '2026-06', '2028-05', 65, '2024-10']]);
  });

  // Every row, both of its edges, for every column: the calculator returns exactly the table's text.
  test.each([
    ['schedule_2022-09.csv', '2023-05'],
    ['schedule_2024-10.csv', '2025-05'],
  ])('every band of %s is reachable at both edges', (file, month) => {
    for (const row of csv(file)) {
      const lo = new Decimal(row.wage_from).plus('0.01').toFixed(2);
      const hi = row.wage_to === '' ? '9999.99' : row.wage_to;
      for (const wage of [lo, hi]) {
        const one = computeQuote({ wage, month, age: 30, foreign: false });
        expect([wage, one.act4.employer, one.act4.employee, one.act4.total, one.eis?.employer, one.eis?.employee])
          .toEqual([wage, row.act4_cat1_employer, row.act4_cat1_employee, row.act4_cat1_total, row.eis_employer, row.eis_employee]);
        expect([wage, computeQuote({ wage, month, age: 65 }).act4.employer]).toEqual([wage, row.act4_cat2_employer]);
      }
    }
  });

  test('every SKBBK band is reachable', () => {
    for (const row of csv('skbbk_2026-06.csv')) {
      const wage = row.wage_to === '' ? '7000.00' : row.wage_to;
      expect([wage, computeQuote({ wage, month: '2027-01' }).skbbk?.employee]).toEqual([wage, row.skbbk_employee]);
    }
  });

  // FACTS.md §1.6: a rule derived from the tables (not PERKESO's), used here only to catch a mistyped amount.
  test('the copied tables fit the generating rule everywhere except band 1', () => {
    const near = (x: Decimal, step: string, mode: Decimal.Rounding) => x.dividedBy(step).toDecimalPlaces(0, mode).times(step).toFixed(2);
    for (const [file, top] of [['schedule_2022-09.csv', '4950'], ['schedule_2024-10.csv', '5950']]) {
      const rows = csv(file);
      rows.slice(1).forEach((r) => {
        const w = r.wage_to === '' ? new Decimal(top) : new Decimal(r.wage_from).plus(r.wage_to).dividedBy(2);
        const ee = w.equals(85) ? '0.40' : near(w.times('0.005'), '0.05', Decimal.ROUND_HALF_UP);
        const got = [r.act4_cat1_total, r.act4_cat1_employee, r.act4_cat2_employer, r.eis_employer];
        const want = [near(w.times('0.0225'), '0.10', Decimal.ROUND_HALF_UP), ee, near(w.times('0.0125'), '0.10', Decimal.ROUND_HALF_UP), near(w.times('0.002'), '0.05', Decimal.ROUND_UP)];
        expect([file, r.wage_from, ...got]).toEqual([file, r.wage_from, ...want]);
      });
    }
  });
});

describe('a broken schedule stops loading with the file and line', () => {
  let dir: string;
  const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const edit = (name: string, from: string, to: string) => {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
    write(name, text.replace(from, to));
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-schedules-'));
    for (const f of fs.readdirSync(SCHEDULES_DIR)) fs.copyFileSync(path.join(SCHEDULES_DIR, f), path.join(dir, f));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('the unchanged copy loads', () => {
    expect(() => loadSchedules(dir)).not.toThrow();
  });

  test.each([
    ['schedule_2024-10.csv', 'wage_from,wage_to,act4_cat1_employer', 'wage_from,wage_to,employer', /schedule_2024-10\.csv line 1: header/],
    ['schedule_2024-10.csv', '2000.00,2100.00,35.85', '2000.00,2100.00,35.8', /schedule_2024-10\.csv line 26: act4_cat1_employer "35\.8" is not an amount with two decimals/],
    ['schedule_2024-10.csv', '2000.00,2100.00,35.85,10.25,46.10', '2000.00,2100.00,35.85,10.25,46.20', /schedule_2024-10\.csv line 26: act4_cat1 employer \+ employee/],
    ['schedule_2024-10.csv', '2000.00,2100.00,', '2000.01,2100.00,', /schedule_2024-10\.csv line 26: wage_from 2000\.01 must equal the previous wage_to 2000\.00/],
    ['schedule_2022-09.csv', '5000.00,,86.65', '5000.00,5100.00,86.65', /schedule_2022-09\.csv line 56: the last band must have an empty wage_to/],
    ['schedule_2022-09.csv', '5000.00,,86.65,24.75,111.40,61.90,9.90,9.90', '5000.00,,86.65,24.75,111.40,61.90,9.90,10.00', /schedule_2022-09\.csv line 56: eisEmployee of the top band/],
    ['skbbk_2026-06.csv', '2400.00,2500.00,18.35,42.85', '2400.00,2500.00,18.35,42.95', /skbbk_2026-06\.csv line 30: act4_cat1_employer 42\.95 differs from schedule_2024-10\.csv line 30/],
    ['skbbk_2026-06.csv', '2400.00,2500.00,18.35', '2400.00,2500.00,18.45', /skbbk_2026-06\.csv line 30: act4_cat1 total with SKBBK/],
  ])('%s: %s -> %s', (file, from, to, message) => {
    edit(file, from, to);
    expect(() => loadSchedules(dir)).toThrow(message);
  });

  test.each([
    ['"to": "2024-09"', '"to": "2024-10"', /editions\.json: act4_eis\[1\] starts 2024-10 but the previous range ends 2024-10/],
    ['"ceiling": "6000.00"', '"ceiling": "6500.00"', /schedule_2024-10\.csv line 66: the open band starts at 6000\.00 but editions\.json says the ceiling is 6500\.00/],
    ['"base": "2024-10"', '"base": "2025-01"', /editions\.json: skbbk\[0\]\.base "2025-01" names no act4_eis edition/],
    ['"file": "skbbk_2026-06.csv"', '"file": "../skbbk_2026-06.csv"', /editions\.json: skbbk\[0\]\.file must be a \.csv file name/],
  ])('editions.json: %s -> %s', (from, to, message) => {
    edit('editions.json', from, to);
    expect(() => loadSchedules(dir)).toThrow(message);
  });
});
