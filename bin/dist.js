'use strict';
// Which code `hanna` runs: the compiled JavaScript in dist/ when `npm run build` made it and no
// source file changed since (a production start then loads no compiler at all), otherwise the
// TypeScript sources, transpiled on load (bin/register-ts.js), so an edit is never silently ignored.
// HANNA_FROM=dist|src forces one or the other.
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const SOURCES = ['project-root.ts', 'bot', 'locale', 'intents', 'knowledge', 'calculators'];

/** Newest modification time (ms) of the .ts files under `p`. */
function newestSource(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return p.endsWith('.ts') ? st.mtimeMs : 0;
  let newest = 0;
  for (const name of fs.readdirSync(p)) newest = Math.max(newest, newestSource(path.join(p, name)));
  return newest;
}

/** The build's start time from dist/.built, or null when there is no complete build. */
function builtAt() {
  try {
    const at = Number(fs.readFileSync(path.join(root, 'dist', '.built'), 'utf8'));
    return Number.isFinite(at) && at > 0 ? at : null;
  } catch {
    return null;
  }
}

/** True when dist/ should run. */
function useDist() {
  const forced = process.env.HANNA_FROM;
  if (forced === 'dist') return true;
  if (forced === 'src') return false;
  const at = builtAt();
  if (at === null) return false;
  return SOURCES.every((s) => newestSource(path.join(root, s)) <= at);
}

/** Requires a module of the application (e.g. 'bot/cli/main') from dist/ or from the sources. */
function load(rel) {
  if (useDist()) return require(path.join(root, 'dist', rel));
  if (!hasCompiler()) {
    // Installed without dev dependencies: dist/ is all there is, even if a source looks newer.
    if (builtAt() !== null) return require(path.join(root, 'dist', rel));
    throw new Error('hanna: dist/ is not built and typescript is not installed: run `npm ci && npm run build`.');
  }
  require('./register-ts');
  return require(path.join(root, rel));
}

function hasCompiler() {
  try {
    require.resolve('typescript');
    return true;
  } catch {
    return false;
  }
}

module.exports = { useDist, load };
