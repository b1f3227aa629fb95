// `npm run bench` part: how long `hanna textfile check` takes on a 10,000-line file (target: under a second).
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { checkTextFile, makeTextFile } from '../calculators/textfile';
import { validateEmployerCode, validateMyKad } from '../intents/validators';

const ids = { validateMyKad, validateEmployerCode };

export interface TextfileBench { lines: number; bytes: number; firstMs: number; warmMs: number; cliMs: number; problems: number }

export function benchTextfile(lines = 10_000): TextfileBench {
  const now = new Date('2026-11-26T12:00:00+08:00');
  const rows = ['id,name,wage'];
  for (let i = 0; i < lines; i++) {
    // Distinct valid MyKads (born 1970-1999, Selangor) and wages spread over every band.
    const yy = 70 + (i % 30);
    const mykad = `${yy}0${1 + (i % 9)}1${i % 10}10${String(i).padStart(4, '0').slice(-4)}`;
    rows.push(`${mykad},WORKER ${i},${(500 + ((i * 37) % 7000)).toFixed(2)}`);
  }
  const made = makeTextFile({ csv: rows.join('\n'), month: '2026-10', employerCode: 'A3100001237X', now, ids });
  if (made.file === null) throw new Error(`bench file not made: ${made.errors.slice(0, 3).map((e) => `${e.line}: ${e.en}`).join('; ')}`);
  const bytes = Buffer.from(made.file, 'latin1');
  let t = process.hrtime.bigint();
  const first = checkTextFile(bytes, { now, ids });
  const firstMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  checkTextFile(bytes, { now, ids });
  const warmMs = Number(process.hrtime.bigint() - t) / 1e6;
  // The whole command as a user runs it: process start, loading, reading the file, the report.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-bench-')), 'caruman.txt');
  fs.writeFileSync(file, bytes);
  t = process.hrtime.bigint();
  const cli = spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'hanna.js'), 'textfile', 'check', '--date', '2026-11-26', file], { encoding: 'utf8' });
  const cliMs = Number(process.hrtime.bigint() - t) / 1e6;
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  if (cli.status !== 0) throw new Error(`hanna textfile check exited ${cli.status}: ${cli.stderr.slice(0, 300)}`);
  return { lines, bytes: bytes.length, firstMs, warmMs, cliMs, problems: first.problems.length };
}

export function printTextfile(r: TextfileBench): void {
  console.log(`textfile check, ${r.lines} lines (${(r.bytes / 1e6).toFixed(1)} MB): ${r.firstMs.toFixed(0)} ms first run, ${r.warmMs.toFixed(0)} ms warm, ${r.cliMs.toFixed(0)} ms for the whole \`hanna textfile check\` process (target < 1000 ms); ${r.problems} problems`);
}

// Run alone: node bin/run-ts.js scripts/bench-textfile.ts
if (path.resolve(process.argv[1] ?? '') === __filename) printTextfile(benchTextfile());
