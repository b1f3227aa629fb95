#!/usr/bin/env node
// Puts the official Web Chat browser bundle (botframework-webchat, MIT) into vendor/webchat/.
// Run by `npm ci` (postinstall) and by `npm run fetch-webchat`. Installing the package itself
// would add ~485 MB to node_modules for one 3.9 MB file, so we take that file out of the
// registry tarball instead. Offline, it warns and exits 0: the server then serves a page
// saying how to fetch the bundle.
'use strict';
const { execFileSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');

const VERSION = '4.18.1';
// sha256 of dist/webchat.js in botframework-webchat@4.18.1: a changed file is refused.
const SHA256 = '0a68ad0a64fc04d621197da10c3eec0f843e16f7d03f6bcbed29b47517cf9bff';
const ROOT = path.resolve(__dirname, '..');
const DEST = path.join(ROOT, 'vendor', 'webchat');
const BUNDLE = path.join(DEST, 'webchat.js');

function sha256(file) {
  return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function present() {
  try {
    return fs.statSync(BUNDLE).size > 1_000_000 && fs.readFileSync(path.join(DEST, 'VERSION'), 'utf8').trim() === VERSION;
  } catch {
    return false;
  }
}

/** `npm` as the running npm invoked it (npm_execpath), else the one on PATH. */
function npm(args, cwd) {
  const cli = process.env.npm_execpath;
  const [cmd, argv] = cli && cli.endsWith('.js') ? [process.execPath, [cli, ...args]] : ['npm', args];
  return execFileSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
}

function fetchBundle() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hanna-webchat-'));
  try {
    const out = npm(['pack', `botframework-webchat@${VERSION}`, '--loglevel=error', '--pack-destination', tmp], tmp);
    const tgz = path.join(tmp, out.trim().split(/\r?\n/).pop());
    const members = ['package/package.json', 'package/dist/webchat.js', 'package/dist/webchat.js.LICENSE.txt'];
    execFileSync('tar', ['-xzf', tgz, '-C', tmp, ...members], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 120_000 });
    const pkg = JSON.parse(fs.readFileSync(path.join(tmp, 'package/package.json'), 'utf8'));
    const file = path.join(tmp, 'package/dist/webchat.js');
    if (pkg.version !== VERSION || pkg.license !== 'MIT') throw new Error(`unexpected package ${pkg.name}@${pkg.version} (${pkg.license})`);
    if (sha256(file) !== SHA256) throw new Error('dist/webchat.js does not have the expected sha256; refusing it');
    fs.mkdirSync(DEST, { recursive: true });
    fs.copyFileSync(path.join(tmp, 'package/dist/webchat.js.LICENSE.txt'), path.join(DEST, 'webchat.js.LICENSE.txt'));
    fs.writeFileSync(
      path.join(DEST, 'LICENSE.txt'),
      `botframework-webchat ${VERSION} (dist/webchat.js), Copyright (c) Microsoft Corporation, MIT License.\n` +
        'Licences of the libraries bundled in it: webchat.js.LICENSE.txt.\n',
    );
    // Copy, then rename: a half-written bundle is never served.
    fs.copyFileSync(file, `${BUNDLE}.part`);
    fs.renameSync(`${BUNDLE}.part`, BUNDLE);
    fs.writeFileSync(path.join(DEST, 'VERSION'), `${VERSION}\n`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function main() {
  if (present()) return 0;
  if (process.env.HANNA_SKIP_WEBCHAT === '1') {
    console.warn('fetch-webchat: skipped (HANNA_SKIP_WEBCHAT=1); the website widget will not work until `npm run fetch-webchat`.');
    return 0;
  }
  const started = Date.now();
  try {
    fetchBundle();
    console.log(`fetch-webchat: botframework-webchat ${VERSION} bundle saved to vendor/webchat/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (err) {
    // npm's own first error line says most (e.g. ECONNREFUSED, ENOTFOUND); else the message.
    const npmLine = String((err && err.stderr) || '').split(/\r?\n/).find((l) => /\S/.test(l));
    const reason = npmLine || (err && err.message) || String(err);
    console.warn(
      `fetch-webchat: WARNING: could not get the Web Chat bundle (${reason.trim()}).\n` +
        '  The bot works, but the website widget shows "bundle missing" until you run `npm run fetch-webchat` with access to the npm registry.',
    );
  }
  return 0;
}

process.exitCode = main();
