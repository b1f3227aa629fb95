// Hand-written files (fixtures/write-fixtures.py, from FACTS.md §5.4, not from our maker): every fault is reported at
// its line and field, and nothing else is.
import fs from 'fs';
import path from 'path';
import { checkTextFile } from '../../calculators/textfile';
import { depsOn } from './helpers';

interface Case { file: string; date: string; problems: Array<[number, number | null, string]> }
const dir = path.join(__dirname, 'fixtures');
const { cases } = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as { cases: Case[] };

describe.each(cases)('$file checked on $date', (c) => {
  const result = checkTextFile(fs.readFileSync(path.join(dir, c.file)), depsOn(c.date));

  test('reports exactly the faults written into it, at their line and field', () => {
    const got = result.problems.map((p) => [p.line, p.field, p.code]);
    expect(got).toEqual(c.problems);
  });

  test('is ready to upload only when there is no problem, and says every problem in both languages', () => {
    expect(result.summary.ready).toBe(c.problems.length === 0);
    for (const p of result.problems) {
      expect(p.ms.length).toBeGreaterThan(10);
      expect(p.en.length).toBeGreaterThan(10);
      expect(p.ms).not.toEqual(p.en);
    }
  });
});

describe('what the messages say', () => {
  const faults = checkTextFile(fs.readFileSync(path.join(dir, 'v2-faults.txt')), depsOn('2026-11-26'));
  const at = (line: number, field: number | null) => faults.problems.filter((p) => p.line === line && p.field === field);

  test('a wrong amount names the expected figure from the official table and why', () => {
    expect(at(12, 7)[0].en).toContain('RM43.85');
    expect(at(12, 7)[0].en).toContain('RM42.85');
    expect(at(12, 7)[0].ms).toContain('jadual rasmi RM42.85');
    expect(at(23, 7)[0].en).toMatch(/RM30\.60.*Second Category because age 66/);
    expect(at(25, 11)[0].en).toContain('RM18.35');
  });

  test('MyKad numbers are masked: the birth date and last digit only', () => {
    const text = faults.problems.map((p) => `${p.ms} ${p.en}`).join('\n');
    expect(text).toContain('900101-**-***3');
    expect(text).not.toMatch(/\d{12}/);
    for (const name of ['Ahmad bin Abu', 'TAN AH SENG', 'JOHN SMITH', 'PEKERJA CONTOH']) expect(text).not.toContain(name);
  });

  test('problems resting on the reconstructed layout or padding say that ASSIST decides', () => {
    for (const code of ['padding_mixed', 'line_length', 'skbbk_missing', 'filler_not_blank', 'line_end']) {
      const p = faults.problems.find((x) => x.code === code);
      expect(p?.en).toContain("ASSIST's own check decides");
      expect(p?.ms).toContain('semakan ASSIST sendiri yang menentukan');
    }
    expect(faults.summary.notes[0].en).toContain("ASSIST's own check decides");
  });

  test('columns point at the character at fault', () => {
    expect(at(11, 6)[0].column).toBe(212); // the decimal point of "2500.00", right-justified in 201-214
    expect(at(6, 3)[0].column).toBe(39); // the place-of-birth digits of the MyKad
    expect(at(8, 4)[0].column).toBe(46); // the first lower-case letter of the name
  });
});

describe('the summary', () => {
  test('counts lines and workers and totals each scheme from the file', () => {
    const s = checkTextFile(fs.readFileSync(path.join(dir, 'v2-good.txt')), depsOn('2026-11-26')).summary;
    expect(s).toMatchObject({ lines: 5, workers: 5, months: ['2026-10'], version: 'V2', employerCodes: ['A3100001237X'], ready: true });
    // 42.85 + 28.85 + 30.60 + 34.15 + 104.15; 12.25 + 8.25 + 0 + 9.75 + 29.75; EIS 4.90 + 3.90 + 11.90 each side;
    // SKBBK 18.35 + 12.35 + 18.35 + 14.65 + 44.65
    expect(s.totals).toEqual({
      wages: '16700.00', socsoEmployer: '240.60', socsoEmployee: '60.00', eisEmployer: '20.70', eisEmployee: '20.70',
      skbbkEmployee: '108.35', employer: '261.30', employee: '189.05', total: '450.35',
    });
  });

  test('a V1 file before October 2026 passes with a note that V2 is needed from then', () => {
    const s = checkTextFile(fs.readFileSync(path.join(dir, 'v1-good.txt')), depsOn('2026-09-15')).summary;
    expect(s.ready).toBe(true);
    expect(s.notes.map((n) => n.en).join(' ')).toContain('until 30 September 2026');
  });

  test('an empty file is not ready', () => {
    const r = checkTextFile('', depsOn('2026-11-26'));
    expect(r.problems.map((p) => p.code)).toEqual(['empty_file']);
    expect(r.summary.ready).toBe(false);
  });
});
