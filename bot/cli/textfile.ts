// `hanna textfile check [--jsonl] [--lang ms|en] [--date YYYY-MM-DD] FILE|-` and
// `hanna textfile make --month YYYY-MM --employer CODE [--summary FILE] [--lang ms|en] PAYROLL.csv|-`.
// Nothing of the file is logged: problems quote no names and only masked IDs.
import fs from 'fs';
import { formatRM, monthName } from '../../calculators';
import { checkTextFile, formatReport, formatSummary, Lang, makeTextFile, problemJson, Totals } from '../../calculators/textfile';
import { validateEmployerCode, validateMyKad } from '../../intents/validators';

export const TEXTFILE_USAGE = `usage:
  hanna textfile check [--jsonl] [--lang ms|en] [--date YYYY-MM-DD] FILE|-
      checks a combined SOCSO + EIS contribution text file; exit 0 only when no problem is found
      --jsonl  one JSON object per problem on stdout (the summary goes to stderr)
      --lang   language of the messages (default ms)
      --date   check as on this date (default today in Kuala Lumpur): decides V1/V2 and future months
  hanna textfile make --month YYYY-MM --employer CODE [--summary FILE] [--lang ms|en] PAYROLL.csv|-
      writes a V2 file to stdout from a CSV with the columns id,name,wage and optionally
      age,foreign,opted_out,first_insured_age; the totals go to stderr, or to --summary FILE`;

const IDS = { validateMyKad, validateEmployerCode };

interface Options {
  flags: Map<string, string | true>;
  positional: string[];
}

const WITH_VALUE = new Set(['--lang', '--date', '--month', '--employer', '--summary']);

function parseOptions(args: string[]): Options | string {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-' || !a.startsWith('-')) positional.push(a);
    else if (WITH_VALUE.has(a)) {
      if (i + 1 >= args.length) return `${a} needs a value`;
      flags.set(a, args[++i]);
    } else if (a === '--jsonl') flags.set(a, true);
    else return `unknown option ${a}`;
  }
  return { flags, positional };
}

function clock(o: Options): Date | string {
  const d = o.flags.get('--date');
  if (d === undefined) return new Date();
  if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(`${d}T12:00:00+08:00`))) return '--date must be YYYY-MM-DD';
  return new Date(`${d}T12:00:00+08:00`);
}

function lang(o: Options): Lang | string {
  const l = o.flags.get('--lang') ?? 'ms';
  return l === 'ms' || l === 'en' ? l : '--lang must be ms or en';
}

async function readBytes(source: string): Promise<Buffer> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
  return fs.promises.readFile(source);
}

const write = (stream: NodeJS.WriteStream, text: string): Promise<void> =>
  new Promise((resolve) => (text ? stream.write(text, () => resolve()) : resolve()));

function usage(problem: string): number {
  console.error(`hanna textfile: ${problem}\n\n${TEXTFILE_USAGE}`);
  return 2;
}

async function check(o: Options): Promise<number> {
  const now = clock(o);
  const l = lang(o);
  if (typeof now === 'string') return usage(now);
  if (l !== 'ms' && l !== 'en') return usage(l);
  if (o.positional.length !== 1) return usage('give one FILE (or - for stdin)');
  let bytes: Buffer;
  try {
    bytes = await readBytes(o.positional[0]);
  } catch (err) {
    console.error(`hanna textfile: cannot read ${o.positional[0]}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  const result = checkTextFile(bytes, { now, ids: IDS });
  if (o.flags.has('--jsonl')) {
    await write(process.stdout, result.problems.map((p) => `${JSON.stringify(problemJson(p, l))}\n`).join(''));
    await write(process.stderr, `${formatSummary(result.summary, l)}\n`);
  } else {
    await write(process.stdout, `${formatReport(result, l)}\n`);
  }
  return result.problems.length === 0 ? 0 : 1;
}

function totalsText(t: Totals, workers: number, month: string, l: Lang): string {
  const ms = l === 'ms';
  return [
    ms ? `Fail V2 untuk ${monthName(month, 'ms')}: ${workers} pekerja` : `V2 file for ${monthName(month, 'en')}: ${workers} worker(s)`,
    `  ${ms ? 'Jumlah gaji' : 'Total wages'}: ${formatRM(t.wages)}`,
    `  ${ms ? 'PERKESO (Akta 4): majikan' : 'SOCSO (Act 4): employer'} ${formatRM(t.socsoEmployer)}, ${ms ? 'pekerja' : 'employee'} ${formatRM(t.socsoEmployee)}`,
    `  ${ms ? 'SIP (Akta 800): majikan' : 'EIS (Act 800): employer'} ${formatRM(t.eisEmployer)}, ${ms ? 'pekerja' : 'employee'} ${formatRM(t.eisEmployee)}`,
    `  SKBBK (LINDUNG 24 Jam): ${ms ? 'pekerja' : 'employee'} ${formatRM(t.skbbkEmployee)}`,
    `  ${ms ? 'Jumlah: majikan' : 'Total: employer'} ${formatRM(t.employer)}, ${ms ? 'pekerja' : 'employee'} ${formatRM(t.employee)}, ${ms ? 'semua' : 'all'} ${formatRM(t.total)}`,
  ].join('\n');
}

async function make(o: Options): Promise<number> {
  const now = clock(o);
  const l = lang(o);
  if (typeof now === 'string') return usage(now);
  if (l !== 'ms' && l !== 'en') return usage(l);
  const month = o.flags.get('--month');
  const employer = o.flags.get('--employer');
  if (typeof month !== 'string') return usage('give --month YYYY-MM (the wage month)');
  if (typeof employer !== 'string') return usage('give --employer CODE (for example A3100001237X)');
  if (o.positional.length !== 1) return usage('give one PAYROLL.csv (or - for stdin)');
  const source = o.positional[0];
  let csv: string;
  try {
    csv = (await readBytes(source)).toString('utf8');
  } catch (err) {
    console.error(`hanna textfile: cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  const r = makeTextFile({ csv, month, employerCode: employer, now, ids: IDS });
  if (r.file === null) {
    const where = (line: number | null) => (line === null ? 'hanna textfile make' : `${source === '-' ? 'stdin' : source} ${l === 'ms' ? 'baris' : 'line'} ${line}`);
    await write(process.stderr, r.errors.map((e) => `${where(e.line)}: ${e[l]}\n`).join(''));
    await write(process.stderr, l === 'ms' ? 'Tiada fail ditulis: betulkan baris di atas dahulu.\n' : 'No file written: fix the lines above first.\n');
    return 1;
  }
  const summary = `${totalsText(r.totals, r.workers, r.month, l)}\n`;
  const summaryFile = o.flags.get('--summary');
  if (typeof summaryFile === 'string') {
    try {
      fs.writeFileSync(summaryFile, summary);
    } catch (err) {
      console.error(`hanna textfile: cannot write ${summaryFile}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      return 2;
    }
  } else await write(process.stderr, summary);
  await new Promise<void>((resolve) => process.stdout.write(Buffer.from(r.file as string, 'latin1'), () => resolve()));
  return 0;
}

export async function textfile(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const o = parseOptions(rest);
  if (typeof o === 'string') return usage(o);
  if (sub === 'check') return check(o);
  if (sub === 'make') return make(o);
  if (sub === 'help' || sub === '--help') { console.log(TEXTFILE_USAGE); return 0; }
  return usage(sub ? `unknown subcommand "${sub}"` : 'give check or make');
}
