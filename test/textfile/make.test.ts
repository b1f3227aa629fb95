// `make` writes what the calculator says, refuses a CSV with a bad line (saying which and why), and what it writes
// always passes `check`.
import fc from 'fast-check';
import { checkTextFile, makeTextFile } from '../../calculators/textfile';
import { depsOn, ids, onDay } from './helpers';

const make = (csv: string, month = '2026-11', employerCode = 'A3100001237X', day = '2026-12-04') =>
  makeTextFile({ csv, month, employerCode, now: onDay(day), ids });

describe('make', () => {
  test('writes one 278-character CRLF line per worker with the amounts in sen at their columns', () => {
    const r = make('id,name,wage\n900101-14-5673,Ahmad bin Ali,2500\n');
    expect(r.errors).toEqual([]);
    const file = r.file as string;
    expect(file.endsWith('\r\n')).toBe(true);
    const [line] = file.split('\r\n');
    expect(line).toHaveLength(278);
    const col = (from: number, to: number) => line.slice(from - 1, to);
    expect(col(1, 12)).toBe('A3100001237X');
    expect(col(33, 44)).toBe('900101145673');
    expect(col(45, 194).trimEnd()).toBe('AHMAD BIN ALI');
    expect(col(195, 200)).toBe('112026');
    expect(col(201, 214)).toBe('        250000');
    // RM2,500 in Nov 2026 (FACTS §1.4): 42.85 / 12.25, EIS 4.90 / 4.90, SKBBK 18.35
    expect([col(215, 220), col(221, 226), col(227, 232), col(233, 238), col(239, 244)]).toEqual(['  4285', '  1225', '   490', '   490', '  1835']);
    expect(col(245, 278)).toBe(' '.repeat(34));
    expect(r.totals).toMatchObject({ employer: '47.75', employee: '35.50', total: '83.25' });
  });

  test('opted out, aged 60+, first insured at 55+ and foreign workers get their own amounts', () => {
    const r = make([
      'id,name,wage,age,foreign,opted_out,first_insured_age',
      '900101145673,A,2500,,,yes,',
      '600315105432,B,2500,,,,',
      '680101085679,C,2500,,,,56',
      'A12345678,"NGUYEN, VAN A",1700,,yes,yes,',
    ].join('\n'));
    expect(r.errors).toEqual([]);
    const amounts = (r.file as string).split('\r\n').filter(Boolean).map((l) => l.slice(214, 244).trim().split(/\s+/));
    expect(amounts).toEqual([
      ['4285', '1225', '490', '490', '0'], // opted out: no SKBBK
      ['3060', '0', '0', '0', '1835'], // 66: Second Category, no EIS, SKBBK at any age
      ['3060', '0', '490', '490', '1835'], // first insured at 56: Second Category, EIS until 60
      ['2885', '825', '0', '0', '1235'], // foreign: First Category, no EIS, cannot opt out
    ]);
    expect((r.file as string).split('\r\n')[3].slice(44, 60)).toBe('NGUYEN, VAN A   ');
  });

  test('a bad CSV line gives its line number and reason, and no file', () => {
    const r = make([
      'id,name,wage,age',
      '900101145673,AHMAD,2500,',
      '901301145673,BAD DATE,2500,',
      '900101145681,,2500,',
      '900101145699,CIK,dua ribu,',
      '900101145673,AGAIN,2500,',
      '900101145703,ZOE,2500,50',
      '900101145711,JOSÉ,2500,',
      '900101145729,SHORT ROW',
    ].join('\r\n'));
    expect(r.file).toBeNull();
    expect(r.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(r.errors[0].en).toContain('901301-**-***3');
    expect(r.errors[2].en).toContain('not an amount');
    expect(r.errors[3].en).toContain('already on line 2');
    expect(r.errors[4].en).toContain('does not match the MyKad');
    expect(r.errors[5].en).toContain('without accents');
    expect(r.errors[6].en).toContain('columns');
    for (const e of r.errors) expect(e.ms).not.toEqual(e.en);
  });

  test('bad options and headers are refused politely', () => {
    expect(make('id,name,wage\n900101145673,A,2500', '2026-13').errors[0].en).toContain('not valid');
    expect(make('id,name,wage\n900101145673,A,2500', '2027-01').errors[0].en).toContain('has not come yet');
    expect(make('id,name,wage\n900101145673,A,2500', '2026-11', 'E2303381K').errors[0].en).toContain('employer code');
    expect(make('id,name\n900101145673,A').errors[0].en).toContain('"wage"');
    expect(make('id,name,wage,salary\n').errors[0].en).toContain('Unknown column "salary"');
    expect(make('').errors[0].en).toContain('empty');
    expect(make('id,name,wage\n"unclosed,A,2500').errors[0].en).toContain('quoted');
  });
});

describe('make then check', () => {
  // MyKads with valid dates (1950-2005) and place codes, foreign passport numbers, any wage up to RM20,000.
  const mykad = fc.record({
    y: fc.integer({ min: 1950, max: 2005 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }),
    pb: fc.constantFrom('01', '10', '14', '54', '71', '99'), serial: fc.integer({ min: 0, max: 9999 }),
  }).map((k) => `${String(k.y % 100).padStart(2, '0')}${String(k.m).padStart(2, '0')}${String(k.d).padStart(2, '0')}${k.pb}${String(k.serial).padStart(4, '0')}`);
  const passport = fc.tuple(fc.constantFrom('A', 'EB', 'K', 'P'), fc.integer({ min: 100000, max: 99999999 })).map(([p, n]) => `${p}${n}`);
  const person = fc.record({
    id: fc.oneof(mykad, passport),
    name: fc.stringMatching(/^[A-Za-z][A-Za-z @'/.-]{0,40}$/),
    sen: fc.integer({ min: 1, max: 2_000_000 }),
    optedOut: fc.option(fc.boolean(), { nil: undefined }),
    firstAge: fc.option(fc.integer({ min: 16, max: 70 }), { nil: undefined }),
  });
  const month = fc.record({ y: fc.integer({ min: 2022, max: 2028 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`)
    .filter((mo) => mo >= '2022-09' && mo <= '2028-05');

  test('every file make writes passes check with no problem', () => {
    let made = 0;
    fc.assert(fc.property(month, fc.uniqueArray(person, { minLength: 1, maxLength: 8, selector: (p) => p.id }), (mo, people) => {
      const rows = people.map((p) => {
        const wage = `${Math.floor(p.sen / 100)}.${String(p.sen % 100).padStart(2, '0')}`;
        return `${p.id},"${p.name}",${wage},,,${p.optedOut === undefined ? '' : p.optedOut},${p.firstAge ?? ''}`;
      });
      const r = makeTextFile({ csv: ['id,name,wage,age,foreign,opted_out,first_insured_age', ...rows].join('\n'), month: mo, employerCode: 'A3100001237X', now: onDay('2028-06-01'), ids });
      // A first-insured age above the MyKad age is refused by the calculator: that is a CSV error, not a file.
      if (r.file === null) {
        expect(r.errors.every((e) => /first insured|MyKad birth date gives age/.test(e.en))).toBe(true);
        return;
      }
      made++;
      const checked = checkTextFile(r.file, depsOn('2026-09-30'));
      expect(checked.problems.filter((p) => p.code !== 'month_future')).toEqual([]);
      const later = checkTextFile(r.file, depsOn('2028-06-01'));
      expect(later.problems).toEqual([]);
      expect(later.summary.totals).toEqual(r.totals);
    }), { numRuns: 150 });
    expect(made).toBeGreaterThan(50); // the property is about files, not about refusals
  });
});
