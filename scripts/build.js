#!/usr/bin/env node
'use strict';
// `npm run build`: compiles the application to dist/ (tsconfig.build.json, type-checked), then
// stamps dist/.built with the time the build started, so bin/hanna.js can tell whether a source
// file changed after it (it then runs the sources instead; see bin/dist.js), and trains the intent model.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const started = Date.now();
// While tsc rewrites dist/, a start must not load half-written files: without the stamp it runs the sources.
fs.rmSync(path.join(root, 'dist', '.built'), { force: true });
let tsc;
try {
  tsc = require.resolve('typescript/bin/tsc');
} catch {
  // `npm ci --omit=dev` runs `prepare` too, without the compiler: build where dev dependencies are.
  if (process.env.npm_lifecycle_event === 'prepare') {
    console.warn('hanna: typescript is not installed (dev dependencies omitted), so dist/ was not built; run `npm run build` before `npm prune --omit=dev`.');
    process.exit(0);
  }
  console.error('hanna: npm run build needs the dev dependencies (typescript): run npm ci first.');
  process.exit(1);
}
const run = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);
fs.writeFileSync(path.join(root, 'dist', '.built'), `${started}\n`);
// Train the intent model now and keep it in its disk cache (intents/model-cache.ts), so the first
// start after `npm ci` loads it instead of training (about half a second of a cold start).
const stats = require(path.join(root, 'dist', 'intents')).createUnderstander().stats;
console.log(`hanna: built dist/; intent model ${stats.cached ? 'already in the cache' : `trained and cached in ${stats.buildMs} ms`}`);
