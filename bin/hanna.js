#!/usr/bin/env node
'use strict';
// The `hanna` command: serve, chat, classify, quote, kb check. See README.md.
// Runs dist/ when it is built and up to date, the TypeScript sources otherwise (bin/dist.js).
require('./dist').load('bot/cli/main').main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(err instanceof Error ? err.message : err); process.exitCode = 1; },
);
