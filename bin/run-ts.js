#!/usr/bin/env node
'use strict';
// Runs one TypeScript script: node bin/run-ts.js scripts/eval.ts [args]
require('./register-ts');
const path = require('path');
const script = process.argv[2];
if (!script) { console.error('usage: run-ts.js FILE.ts [args]'); process.exit(2); }
process.argv.splice(1, 1); // so the script sees its own args at argv[2..]
require(path.resolve(script));
