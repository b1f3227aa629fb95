'use strict';
// Runs the TypeScript sources directly: each .ts file is transpiled on load with
// TypeScript's own transpileModule (no type check; `npm test` runs tsc for that).
// Transpiled output is cached under node_modules/.cache so later starts are fast.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const root = path.resolve(__dirname, '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'hanna-ts');
let ts; // loaded lazily: only when a file is not in the cache

function transpile(source, filename) {
  // Keyed by the path inside the checkout, not the absolute one: a copy or a move of the
  // checkout (a container image, another worktree) reuses the same entries.
  const rel = path.relative(root, filename).split(path.sep).join('/');
  const key = crypto.createHash('sha1').update(rel).update('\0').update(source).digest('hex');
  const cached = path.join(cacheDir, key + '.js');
  try { return fs.readFileSync(cached, 'utf8'); } catch { /* not cached yet */ }
  ts = ts || require('typescript');
  const out = ts.transpileModule(source, {
    fileName: rel,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      sourceMap: false,
      inlineSourceMap: true,
    },
  }).outputText;
  // Written aside and renamed into place: processes started together (several instances, the
  // scale-out test) must never read another's half-written file.
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(partial, out);
    fs.renameSync(partial, cached);
  } catch { /* read-only tree: fine */ }
  return out;
}

require.extensions['.ts'] = function (module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  module._compile(transpile(source, filename), filename);
};
