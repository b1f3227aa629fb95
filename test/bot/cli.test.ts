// The `hanna` command as a user runs it: a real child process, stdin and stdout.
import { spawnSync } from 'child_process';
import Decimal from 'decimal.js';
import path from 'path';
import { plainText } from '../../bot/cli/chat';

const root = path.resolve(__dirname, '..', '..');
function hanna(args: string[], input = ''): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'hanna.js'), ...args], { cwd: root, input, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const lines = (out: string) => out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('hanna quote --jsonl', () => {
  test('answers each line in order and never stops at a bad one', () => {
    const input = [
      JSON.stringify({ wage: '2500.00', age: 35, month: '2024-10' }),
      'not json',
      JSON.stringify({ wage: 'abc', month: '2024-10' }),
      JSON.stringify({ wage: 2500, month: '2026-11' }),
    ].join('\n');
    const r = hanna(['quote', '--jsonl', '-'], input);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out).toHaveLength(4);
    // extra explanatory fields may follow; the contract's fields must be exact
    expect(out[0]).toMatchObject({
      wage: '2500.00', month: '2024-10', schedule: '2024-10',
      act4: { category: 1, employer: '42.85', employee: '12.25', total: '55.10' },
      eis: { employer: '4.90', employee: '4.90', total: '9.80' },
      skbbk: null, employer_total: '47.75', employee_total: '17.15', total: '64.90',
    });
    expect(out[1].error).toEqual(expect.any(String));
    expect(out[2].error).toEqual(expect.any(String));
    expect(out[3]).toMatchObject({ skbbk: { employee: '18.35' }, employee_total: '35.50', total: '83.25' });
  });
});

describe('hanna interest --jsonl', () => {
  test('estimates late-payment interest per line: 6% a year by day, RM5 minimum', () => {
    const input = [
      JSON.stringify({ amount: '100000', month: '2026-09', paid_on: '2026-12-20' }),
      JSON.stringify({ amount: '450', month: '2026-10', paid_on: '2026-11-20' }),
      JSON.stringify({ amount: '450', month: '2026-10', paid_on: '2026-11-15' }),
      JSON.stringify({ amount: 'lots', month: '2026-10', paid_on: '2026-11-20' }),
    ].join('\n');
    const r = hanna(['interest', '--jsonl', '-'], input);
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out[0]).toMatchObject({ due_date: '2026-10-15', days_late: 66, interest: '1084.93', minimum_applied: false });
    expect(out[1]).toMatchObject({ days_late: 5, interest: '5.00', minimum_applied: true });
    expect(out[2]).toMatchObject({ days_late: 0, interest: '0.00' });
    expect(out[3].error).toEqual(expect.any(String));
  });
});

describe('hanna classify --jsonl', () => {
  test('gives an intent, a confidence and a language per line', () => {
    const r = hanna(['classify', '--jsonl', '-'], '{"text": "lupa kata laluan portal"}\n{"nope": 1}\n');
    expect(r.code).toBe(0);
    const out = lines(r.out);
    expect(out[0]).toMatchObject({ text: 'lupa kata laluan portal', intent: 'forgot_password', lang: 'ms' });
    expect(out[0].confidence).toBeGreaterThan(0);
    expect(out[0].confidence).toBeLessThanOrEqual(1);
    expect(out[1].error).toEqual(expect.any(String));
  });

  test('a missing file is a clear error, not a crash', () => {
    const r = hanna(['classify', '--jsonl', '/nonexistent/file.jsonl']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot read/);
  });
});

describe('hanna chat', () => {
  test('holds a conversation from piped stdin through the same core', () => {
    const r = hanna(['chat'], 'hello\nhow much socso for RM2500 salary\n');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Welcome/);
    expect(r.out).toContain('42.85');
    // Markdown links read as "title (url)" in a terminal, and no markdown markers show.
    expect(r.out).toContain('Rate of Contribution (wage ceiling RM6,000 from October 2024) (https://www.perkeso.gov.my/en/rate-of-contribution.html)');
    expect(r.out).not.toMatch(/\]\(|\*\*/);
  });
});

describe('hanna with a wrong command', () => {
  test('prints usage and exits 2', () => {
    const r = hanna(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command/);
  });
});

describe('terminal rendering', () => {
  test('links read as "title (url)"; bold markers go, masked digits keep their stars', () => {
    expect(plainText('Sumber: [PERKESO](https://www.perkeso.gov.my/) · [A](https://a.example/x)')).toBe('Sumber: PERKESO (https://www.perkeso.gov.my/) · A (https://a.example/x)');
    expect(plainText('majikan bayar **RM47.75**')).toBe('majikan bayar RM47.75');
    expect(plainText('MyKad: 900101-**-***3')).toBe('MyKad: 900101-**-***3');
  });
});

describe('hanna quote --csv', () => {
  test('a line per worker, a bad worker kept with its reason, and exact totals; JSONL unchanged beside it', () => {
    const input = ['name,wage,age,month,foreign,skbbk_opt_out,first_insured_age', '"Tan, Ah Kow",2500,35,2026-11,,,', 'Ravi,2650,62,2026-11,,,', 'Siti,0,30,2026-11,,,', 'John,4000,,2026-11,true,,', 'Ali,3000,,2026-11,maybe,,'].join('\n');
    const r = hanna(['quote', '--csv', '-'], input);
    expect(r.code).toBe(0);
    const rows = r.out.trim().split('\n');
    expect(rows[0]).toBe('name,wage,month,schedule,act4_category,act4_employer,act4_employee,eis_employer,eis_employee,skbbk_employee,employer_total,employee_total,total,error');
    expect(rows).toHaveLength(7);
    const json = lines(hanna(['quote', '--jsonl', '-'], [
      JSON.stringify({ wage: 2500, age: 35, month: '2026-11' }),
      JSON.stringify({ wage: 2650, age: 62, month: '2026-11' }),
      JSON.stringify({ wage: 4000, month: '2026-11', foreign: true }),
    ].join('\n')).out) as { employer_total: string; employee_total: string; total: string }[];
    expect(rows[1]).toBe(`"Tan, Ah Kow",2500.00,2026-11,2024-10,1,42.85,12.25,4.90,4.90,18.35,${json[0].employer_total},${json[0].employee_total},${json[0].total},`);
    expect(rows[3]).toMatch(/^Siti,0,.*more than RM0/);
    expect(rows[5]).toMatch(/^Ali,3000,.*foreign must be true or false/);
    const sum = (k: 'employer_total' | 'employee_total' | 'total') => json.reduce((a, q) => a.plus(q[k]), new Decimal(0)).toFixed(2);
    expect(rows[6]).toBe(`TOTAL,,,,,,,,,,${sum('employer_total')},${sum('employee_total')},${sum('total')},`);
  });

  test('a file without a wage column is refused with exit 2 and the expected columns', () => {
    const r = hanna(['quote', '--csv', '-'], 'name,salary\nAli,2500\n');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/name,wage,age,month,foreign,skbbk_opt_out,first_insured_age/);
  });
});
