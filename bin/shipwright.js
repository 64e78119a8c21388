#!/usr/bin/env node
// Launcher: `shipwright hook …` goes straight to the small hook bundle (a git hook pays for one
// Node start-up and little more); everything else loads the CLI. `npm run build` creates dist/.
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+ keeps compiled code between runs (a large part of a hook's start-up); a no-op on 20.
module.enableCompileCache?.();

const entry = new URL(process.argv[2] === 'hook' ? '../dist/hook.js' : '../dist/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('shipwright: the CLI is not built yet.\n  fix: npm run build   (in the shipwright folder)\n');
  process.exit(3);
}
await import(entry.href);
