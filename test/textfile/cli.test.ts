// `hanna textfile check|make` as a user runs them: the real bin/hanna.js in a child process.
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
function hanna(args: string[], input?: string | Buffer): { code: number | null; out: string; err: string; raw: Buffer } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'hanna.js'), ...args], { cwd: root, input, timeout: 60000 });
  return { code: r.status, out: r.stdout.toString('utf8'), err: r.stderr.toString('utf8'), raw: r.stdout };
}

describe('hanna textfile check', () => {
  test('--jsonl: one object per problem with line, field, code and message; exit 1', () => {
    const r = hanna(['textfile', 'check', '--jsonl', '--date', '2026-11-26', fixture('v2-faults.txt')]);
    expect(r.code).toBe(1);
    const problems = r.out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(problems.length).toBeGreaterThanOrEqual(25);
    for (const p of problems) {
      expect(typeof p.line).toBe('number');
      expect(p.field === null || (typeof p.field === 'number' && p.field >= 1 && p.field <= 12)).toBe(true);
      expect(typeof p.code).toBe('string');
      expect(typeof p.message).toBe('string');
    }
    expect(problems).toContainEqual(expect.objectContaining({ line: 12, field: 7, code: 'amount_mismatch' }));
    expect(problems).toContainEqual(expect.objectContaining({ line: 2, field: null, code: 'line_length' }));
    expect(r.err).toContain('Sedia untuk dimuat naik: TIDAK');
  });

  test('a correct file: no output lines with --jsonl, exit 0; the report says ready, in English with --lang en', () => {
    const j = hanna(['textfile', 'check', '--jsonl', '--date', '2026-11-26', fixture('v2-good.txt')]);
    expect(j.code).toBe(0);
    expect(j.out).toBe('');
    const t = hanna(['textfile', 'check', '--lang', 'en', '--date', '2026-11-26', fixture('v2-good.txt')]);
    expect(t.code).toBe(0);
    expect(t.out).toContain('Ready to upload: YES');
    expect(t.out).toContain('SKBBK (LINDUNG 24 Jam): employee RM108.35');
  });

  test('reads stdin with -, and says which line and column in Malay by default', () => {
    const r = hanna(['textfile', 'check', '--date', '2026-11-26', '-'], fs.readFileSync(fixture('v1-good.txt')));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^Baris 1, lajur 239 \(medan 11, SKBBK pekerja \(sen\)\): .*V1/m);
  });

  test('usage mistakes and unreadable files exit 2 with a reason, never a stack trace', () => {
    for (const args of [['textfile'], ['textfile', 'check'], ['textfile', 'check', '--lang', 'fr', 'x'], ['textfile', 'check', '--date', '26/11/2026', 'x'], ['textfile', 'frob']]) {
      const r = hanna(args);
      expect(r.code).toBe(2);
      expect(r.err).toContain('usage');
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    const missing = hanna(['textfile', 'check', '/nonexistent/caruman.txt']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('cannot read /nonexistent/caruman.txt: ENOENT');
  });
});

describe('hanna textfile make', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-textfile-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('make then check: the file passes, the totals go to --summary', () => {
    const csv = path.join(dir, 'gaji.csv');
    fs.writeFileSync(csv, 'id,name,wage,age,foreign,opted_out,first_insured_age\r\n900101-14-5673,Ahmad bin Ali,2500,,,,\r\nA12345678,"Nguyen, Van A",1700.00,,yes,,\r\n600315105432,Tan Ah Kow,"3,000",,,,\r\n');
    const summary = path.join(dir, 'summary.txt');
    const made = hanna(['textfile', 'make', '--month', '2026-11', '--employer', 'A3100001237X', '--summary', summary, '--lang', 'en', csv]);
    expect(made.err).toBe('');
    expect(made.code).toBe(0);
    expect(made.raw.toString('latin1').split('\r\n').filter(Boolean).map((l) => l.length)).toEqual([278, 278, 278]);
    expect(fs.readFileSync(summary, 'utf8')).toContain('V2 file for November 2026: 3 worker(s)');
    const file = path.join(dir, 'caruman.txt');
    fs.writeFileSync(file, made.raw);
    const checked = hanna(['textfile', 'check', '--jsonl', '--date', '2026-12-04', file]);
    expect(checked.out).toBe('');
    expect(checked.code).toBe(0);
  });

  test('a bad CSV line: its line number and reason on stderr, nothing on stdout, exit 1', () => {
    const r = hanna(['textfile', 'make', '--month', '2026-11', '--employer', 'A3100001237X', '--lang', 'en', '-'], 'id,name,wage\n900101145673,AHMAD,2500\n900101145681,SITI,-5\n');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain('stdin line 3: The wage cannot be negative');
    expect(r.err).toContain('No file written');
  });

  test('missing --month or --employer is a usage error', () => {
    expect(hanna(['textfile', 'make', '--employer', 'A3100001237X', 'x.csv']).code).toBe(2);
    expect(hanna(['textfile', 'make', '--month', '2026-11', 'x.csv']).err).toContain('--employer');
  });
});
