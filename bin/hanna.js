#!/usr/bin/env node
'use strict';
// The `hanna` command: serve, chat, classify, quote, kb check. See README.md.
require('./register-ts');
require('../bot/cli/main').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : err); process.exitCode = 1; },
);
