#!/usr/bin/env node
// Launcher for the bundled CLI; `npm run build` creates dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('shipwright: the CLI is not built yet.\n  fix: npm run build\n');
  process.exit(3);
}
await import(entry.href);
