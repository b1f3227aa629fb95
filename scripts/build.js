#!/usr/bin/env node
'use strict';
// `npm run build`: compiles the application to dist/ (tsconfig.build.json, type-checked), then
// stamps dist/.built with the time the build started, so bin/hanna.js can tell whether a source
// file changed after it (it then runs the sources instead; see bin/dist.js).
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const started = Date.now();
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
