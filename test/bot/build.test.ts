// The ahead-of-time build as production runs it: `npm run build` compiles to dist/, and the
// compiled bot finds every data file (knowledge YAML, training data, schedules, the Web Chat
// bundle, the widget) from there, loads no compiler, and gives way to the sources once one changes.
import { spawn, spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const root = path.resolve(__dirname, '..', '..');
const bin = path.join(root, 'bin', 'hanna.js');

function node(args: string[], env: NodeJS.ProcessEnv = {}, input = ''): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, args, { cwd: root, input, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const useDist = () => node(['-e', "process.stdout.write(String(require('./bin/dist').useDist()))"]).out;

beforeAll(() => {
  // Built once if dist/ is missing or older than a source; later runs reuse it.
  if (useDist() !== 'true') {
    const build = node([path.join(root, 'scripts', 'build.js')]);
    expect(build.err).toBe('');
    expect(build.code).toBe(0);
  }
  expect(useDist()).toBe('true');
}, 180_000);

test('the compiled hanna reads the knowledge base, the training data and the contribution schedules', () => {
  const env = { HANNA_FROM: 'dist' };
  expect(node([bin, 'kb', 'check'], env).out).toMatch(/^knowledge base OK/);
  const classified = node([bin, 'classify', '--jsonl', '-'], env, '{"text": "lupa kata laluan portal"}\n');
  expect(JSON.parse(classified.out)).toMatchObject({ intent: 'forgot_password', lang: 'ms' });
  const quoted = node([bin, 'quote', '--jsonl', '-'], env, '{"wage": "2500.00", "age": 35, "month": "2024-10"}\n');
  expect(JSON.parse(quoted.out)).toMatchObject({ act4: { employer: '42.85' }, total: '64.90' });
});

test('a start from dist/ loads compiled modules only, and no TypeScript compiler', () => {
  const script = "require('./bin/dist').load('bot/cli/main'); const k = Object.keys(require.cache); process.stdout.write(JSON.stringify({ " +
    "ts: k.filter((f) => f.endsWith('.ts')), compiler: k.filter((f) => f.includes('typescript')), dist: k.filter((f) => f.includes('dist')).length }))";
  const r = node(['-e', script]);
  expect(r.code).toBe(0);
  const loaded = JSON.parse(r.out) as { ts: string[]; compiler: string[]; dist: number };
  expect(loaded).toEqual({ ts: [], compiler: [], dist: expect.any(Number) });
  expect(loaded.dist).toBeGreaterThan(0);
});

test('the compiled server serves the widget and the vendored Web Chat bundle', async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-build-'));
  const child = spawn(process.execPath, [bin, 'serve'], { cwd: root, env: { ...process.env, HANNA_FROM: 'dist', PORT: '0', STORAGE_URL: `sqlite:${path.join(data, 'bot.db')}`, LOG_LEVEL: 'warn' } });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /listening on (http:\/\/[\d.:]+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`hanna serve exited with ${code}`)));
    });
    const widget = await fetch(`${url}/widget.js`);
    expect(widget.status).toBe(200);
    expect((await widget.text()).length).toBeGreaterThan(100);
    const bundle = await fetch(`${url}/webchat/webchat.js`);
    expect(bundle.status).toBe(200);
    expect(Number((await bundle.arrayBuffer()).byteLength)).toBeGreaterThan(100_000);
  } finally {
    child.kill();
    fs.rmSync(data, { recursive: true, force: true });
  }
});

test('once a source file is newer than the build, hanna runs the sources', () => {
  const file = path.join(root, 'knowledge', 'loader.ts');
  const before = fs.statSync(file);
  try {
    fs.utimesSync(file, before.atime, new Date(Date.now() + 60_000));
    expect(useDist()).toBe('false');
  } finally {
    fs.utimesSync(file, before.atime, before.mtime);
  }
  expect(useDist()).toBe('true');
});
