// `npm run bench` part: the bot as `npm start` runs it, in its own process, measured the way
// ../shared/checks/perf measures it: POST /api/messages (expectReplies, a Malay quote question) at
// 64 connections beside an empty botbuilder bot (scripts/bench-echo-bot.js) in the same run, then
// p99 at 8 connections for both. Also RSS idle and after load, start-up to /healthz cold and warm,
// and throughput with 1, 1,000 and 100,000 stored conversations. Targets are ratios where the
// machine's load would swing an absolute figure; each is printed beside its figure.
import { spawn, type ChildProcess } from 'child_process';
import fs from 'fs';
import http from 'http';
import net from 'net';
import os from 'os';
import path from 'path';
import Database from 'better-sqlite3';

const ROOT = path.resolve(__dirname, '..');
/** The same request as ../shared/checks/perf. */
const BODY = {
  type: 'message', id: 'b1', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9', from: { id: 'bench-user' },
  recipient: { id: 'bot' }, conversation: { id: 'bench-conv' }, text: 'brp caruman utk gaji rm2500?', deliveryMode: 'expectReplies',
};

const SEED_TURNS = ['assalamualaikum', 'camne nak reset pasword', 'brp socso utk gaji 2.5k', 'kalau umur 62?', 'how do I pay contributions', 'what happens if I pay late', 'terima kasih'];

async function post(url: string, conversation: string, text: string): Promise<void> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...BODY, text, conversation: { id: conversation } }) });
  await res.text();
  if (res.status !== 200) throw new Error(`bench: seeding a conversation got ${res.status}`);
}

export const TARGETS = { rateRatio: 0.5, p99Ratio: 1.5, rssAfterLoadMiB: 200, coldStartMs: 1500 };

export interface Check {
  name: string;
  figure: string;
  target: string;
  ok: boolean | null; // null: reported, no target set
}

interface Load {
  rate: number; // 2xx per second
  p99: number;
  non2xx: number;
  errors: number;
}

/** `node` flags of `npm start` (package.json), so the bench runs what production runs; BENCH_NODE_FLAGS overrides. */
export function startFlags(): string[] {
  if (process.env.BENCH_NODE_FLAGS !== undefined) return process.env.BENCH_NODE_FLAGS.split(/\s+/).filter(Boolean);
  const start = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts.start;
  const m = /^node\s+(.*?)\s*bin\/hanna\.js serve$/.exec(start);
  if (!m) throw new Error(`bench: cannot read node flags from the start script "${start}"`);
  return m[1].split(/\s+/).filter(Boolean);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export interface Server {
  url: string;
  child: ChildProcess;
  startMs: number;
  stop(): Promise<void>;
}

/** Spawns a server and polls `probe` until it answers; startMs is spawn to first answer. */
async function spawnServer(args: string[], env: NodeJS.ProcessEnv, probe: string): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()).slice(-2000));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`bench: ${args.join(' ')} exited: ${stderr}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${url}${probe}`, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
    });
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`bench: ${args.join(' ')} did not answer within 60 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
  const startMs = performance.now() - t0;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
    });
  return { url, child, startMs, stop };
}

export function startBot(dbFile: string, extraEnv: NodeJS.ProcessEnv = {}, flags = startFlags()): Promise<Server> {
  const env = { MicrosoftAppId: '', MicrosoftAppPassword: '', RATE_LIMIT_PER_MINUTE: '0', LOG_LEVEL: 'warn', STORAGE_URL: `sqlite:${dbFile}`, ...extraEnv };
  return spawnServer([...flags, 'bin/hanna.js', 'serve'], env, '/healthz');
}

function startEchoBot(): Promise<Server> {
  return spawnServer([path.join(__dirname, 'bench-echo-bot.js')], {}, '/');
}

/** Resident set size of a process in MiB (Linux /proc; ps elsewhere). */
export function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    /* not Linux */
  }
  const { execFileSync } = require('child_process') as typeof import('child_process');
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** `connections` keep-alive connections posting for `seconds`; conversation ids from `conversation(connection)`. */
export async function load(url: string, connections: number, seconds: number, conversation: (connection: number) => string = () => 'bench-conv'): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(`${url}/api/messages`);
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const one = (body: string) =>
    new Promise<number>((resolve) => {
      const req = http.request(
        { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const body = JSON.stringify({ ...BODY, conversation: { id: conversation(c) } });
      while (performance.now() < end) {
        const t = performance.now();
        const status = await one(body);
        latencies.push(performance.now() - t);
        if (status === 0) errors++;
        else if (status >= 200 && status < 300) ok++;
        else non2xx++;
      }
    }),
  );
  const duration = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const p99 = latencies[Math.min(latencies.length - 1, Math.ceil(0.99 * latencies.length) - 1)] ?? NaN;
  return { rate: ok / duration, p99, non2xx, errors };
}

/** Copies the state rows of one conversation `count` times under other conversation ids, in one transaction; their size in bytes. */
function seedConversations(dbFile: string, seedId: string, count: number): number {
  const db = new Database(dbFile);
  try {
    const rows = db.prepare('SELECT key, doc, etag, updated_at FROM items WHERE key LIKE ?').all(`%${seedId}%`) as { key: string; doc: string; etag: string; updated_at: number }[];
    if (rows.length === 0) throw new Error('bench: the seed conversation left no rows in the store');
    const put = db.prepare('INSERT OR REPLACE INTO items (key, doc, etag, updated_at) VALUES (?, ?, ?, ?)');
    const ids = Array.from({ length: count }, (_, i) => `stored-${i}`);
    db.transaction(() => {
      for (const id of ids) for (const r of rows) put.run(r.key.split(seedId).join(id), r.doc.split(seedId).join(id), r.etag, r.updated_at);
    })();
    return rows.reduce((n, r) => n + r.doc.length, 0);
  } finally {
    db.close();
  }
}

const fmt = (x: number, digits = 0): string => x.toFixed(digits);

export async function benchBot(opts: { quick: boolean; stored?: boolean }): Promise<Check[]> {
  const seconds = opts.quick ? 3 : 15;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-bench-'));
  const checks: Check[] = [];
  const servers: Server[] = [];
  const started = async (s: Promise<Server>) => {
    const server = await s;
    servers.push(server);
    return server;
  };
  try {
    console.log(`node flags of npm start: ${startFlags().join(' ') || '(none)'}; ${seconds} s per load run; load average ${fmt(os.loadavg()[0], 1)} on ${os.cpus().length} cores`);

    // Start-up: cold = the model trained at start (as after a fresh clone or a data edit), warm = from the model cache.
    const cold = await started(startBot(path.join(dir, 'cold.db'), { HANNA_MODEL_CACHE: '0' }));
    await cold.stop();
    const warm = await started(startBot(path.join(dir, 'warm.db')));
    await warm.stop();
    checks.push({ name: 'start-up to /healthz, cold (model trained)', figure: `${fmt(cold.startMs)} ms`, target: `< ${TARGETS.coldStartMs} ms`, ok: cold.startMs < TARGETS.coldStartMs });
    checks.push({ name: 'start-up to /healthz, warm (model cache)', figure: `${fmt(warm.startMs)} ms`, target: `< ${TARGETS.coldStartMs} ms`, ok: warm.startMs < TARGETS.coldStartMs });

    // The bot beside the empty botbuilder bot, in the order of ../shared/checks/perf.
    const echo = await started(startEchoBot());
    const bot = await started(startBot(path.join(dir, 'bot.db')));
    const idle = rssMiB(bot.child.pid!);
    await load(echo.url, 64, seconds); // warm-up
    await load(bot.url, 64, seconds);
    const e64 = await load(echo.url, 64, seconds);
    const b64 = await load(bot.url, 64, seconds);
    const b8 = await load(bot.url, 8, seconds);
    const e8 = await load(echo.url, 8, seconds);
    const afterLoad = rssMiB(bot.child.pid!);
    const ratio = b64.rate / e64.rate;
    const p99Ratio = b8.p99 / e8.p99;
    const errors = b64.non2xx + b64.errors + b8.non2xx + b8.errors;
    checks.push({ name: 'turns/s at 64 connections, bot / empty botbuilder bot', figure: `${fmt(ratio, 2)} (${fmt(b64.rate)} / ${fmt(e64.rate)})`, target: `>= ${TARGETS.rateRatio}`, ok: ratio >= TARGETS.rateRatio });
    checks.push({ name: 'p99 at 8 connections, bot / empty bot', figure: `${fmt(p99Ratio, 2)}x (${fmt(b8.p99, 1)} / ${fmt(e8.p99, 1)} ms)`, target: `<= ${TARGETS.p99Ratio}x`, ok: p99Ratio <= TARGETS.p99Ratio });
    checks.push({ name: 'bot errors (non-2xx or failed)', figure: String(errors), target: '0', ok: errors === 0 });
    checks.push({ name: 'RSS idle', figure: `${fmt(idle)} MiB`, target: 'none', ok: null });
    checks.push({ name: `RSS after ${seconds * 3} s of load on the bot`, figure: `${fmt(afterLoad)} MiB`, target: `< ${TARGETS.rssAfterLoadMiB} MiB`, ok: afterLoad < TARGETS.rssAfterLoadMiB });
    await bot.stop();
    await echo.stop();

    // Throughput while the store holds many other conversations: 64 connections, each talking in
    // its own conversation, as above (the store-size cost alone, not one conversation's contention).
    const counts = opts.stored === false ? [] : opts.quick ? [1, 1_000, 10_000] : [1, 1_000, 100_000];
    let base = 0;
    for (const count of counts) {
      const file = path.join(dir, `stored-${count}.db`);
      const seeder = await started(startBot(file));
      // A conversation of several turns (greeting, FAQ, quote, follow-up, thanks), as users leave them.
      for (const text of SEED_TURNS) await post(seeder.url, 'seed-conv', text);
      await seeder.stop();
      const bytes = seedConversations(file, 'seed-conv', count);
      const s = await started(startBot(file));
      await load(s.url, 64, Math.min(seconds, 3), (c) => `active-${c}`); // warm-up
      const r = await load(s.url, 64, seconds, (c) => `active-${c}`);
      await s.stop();
      if (count === 1) base = r.rate;
      checks.push({
        name: `turns/s at 64 connections with ${count.toLocaleString('en')} stored conversation${count === 1 ? '' : 's'} (${fmt(bytes / 1024, 1)} KB each)`,
        figure: `${fmt(r.rate)}${count === 1 ? '' : ` (${fmt(r.rate / base, 2)} of 1)`}${r.non2xx + r.errors ? `, ${r.non2xx + r.errors} errors` : ''}`,
        target: 'none (issue 15: 100,000 cost about 25%)',
        ok: r.non2xx + r.errors === 0 ? null : false,
      });
    }
    if (opts.quick && counts.length > 0) console.log('(--quick: 10,000 stored conversations instead of 100,000)');
  } finally {
    for (const s of servers) await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return checks;
}

export function printChecks(checks: Check[]): void {
  const width = Math.max(...checks.map((c) => c.name.length));
  for (const c of checks) console.log(`  ${c.name.padEnd(width)}  ${c.figure.padEnd(24)} target ${c.target.padEnd(10)} ${c.ok === null ? '' : c.ok ? 'OK' : 'TARGET MISSED'}`);
}

if (require.main === module || path.resolve(process.argv[1] ?? '') === __filename) {
  benchBot({ quick: process.argv.includes('--quick'), stored: !process.argv.includes('--no-stored') }).then(
    (checks) => {
      printChecks(checks);
      process.exitCode = checks.some((c) => c.ok === false) ? 1 : 0;
    },
    (err) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
