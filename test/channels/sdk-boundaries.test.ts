// Framework types stay in their channel folder (issue 14): botbuilder only under
// bot/channels/botframework/, the Agents SDK only under bot/channels/agents/. The application's
// store is our own DocumentStore (bot/storage/), so no botbuilder type is needed anywhere else.
import fs from 'fs';
import path from 'path';

const BOT = path.resolve(__dirname, '../../bot');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

/** Every `import ... from 'module'` (and require('module')) of a file: module and imported names. */
function imports(file: string): { module: string; names: string[] }[] {
  const text = fs.readFileSync(file, 'utf8');
  const found: { module: string; names: string[] }[] = [];
  for (const m of text.matchAll(/import\s+(?:type\s+)?([\s\S]*?)\s+from\s+'([^']+)'/g)) {
    const names = (/\{([\s\S]*)\}/.exec(m[1])?.[1] ?? m[1]).split(',').map((n) => n.replace(/^\s*type\s+/, '').split(/\s+as\s+/)[0].trim()).filter(Boolean);
    found.push({ module: m[2], names });
  }
  for (const m of text.matchAll(/require\('([^']+)'\)/g)) found.push({ module: m[1], names: ['*'] });
  return found;
}

const files = sources(BOT);
const rel = (f: string) => path.relative(BOT, f).split(path.sep).join('/');

test('the source tree is where this test expects it', () => {
  expect(files.length).toBeGreaterThan(50);
  expect(files.map(rel)).toEqual(expect.arrayContaining(['channels/botframework/shell.ts', 'channels/agents/shell.ts', 'inbound/pipeline.ts']));
});

test('botbuilder is imported only under bot/channels/botframework/', () => {
  const outside = files
    .filter((f) => !rel(f).startsWith('channels/botframework/'))
    .flatMap((f) => imports(f).filter((i) => i.module.startsWith('botbuilder')).map((i) => `${rel(f)}: ${i.names.join(', ')}`));
  expect(outside).toEqual([]);
});

test('the Agents SDK is imported only under bot/channels/agents/ (and loaded from there on first use)', () => {
  const outside = files
    .filter((f) => !rel(f).startsWith('channels/agents/'))
    .flatMap((f) => imports(f).filter((i) => i.module.startsWith('@microsoft/agents')).map((i) => rel(f)));
  expect(outside).toEqual([]);
});
