#!/usr/bin/env node
// Launcher. CommonJS on purpose (bin/package.json): `shipwright hook …` require()s the one-file hook
// bundle, so a git hook pays for one Node start-up without Node's ESM loader (~20 ms on Node 20);
// everything else imports the ESM CLI. `npm run build` creates dist/.
'use strict';
const { existsSync } = require('node:fs');
const nodeModule = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

// Node 22.1+ keeps compiled code between runs (a large part of a hook's start-up); a no-op on 20.
nodeModule.enableCompileCache?.();

const dist = join(__dirname, '..', 'dist');
const hook = process.argv[2] === 'hook' && existsSync(join(dist, 'hook.cjs'));
const entry = join(dist, hook ? 'hook.cjs' : 'cli.js');
if (!existsSync(entry)) {
  process.stderr.write('shipwright: the CLI is not built yet.\n  fix: npm run build   (in the shipwright folder)\n');
  process.exit(3);
}
if (hook) require(entry);
else import(pathToFileURL(entry).href);
