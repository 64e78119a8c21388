// `shipwright hook typecheck [files…]`: the project's TypeScript check, once, with its tsconfig.
// lint-staged appends staged file names when configured from JSON; they are ignored on purpose.
//
// tsc runs as `node <repo>/node_modules/typescript/bin/tsc` through node:child_process: the same
// on every platform (no .cmd shim, no shell), and without execa, which is two-fifths of the hook
// bundle that every hook — commit-msg included — would otherwise parse at start-up.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TYPECHECK_COMMAND } from '../core/init/lint-staged-tasks.js';
import type { HookContext } from './hook-context.js';

export async function typecheck({ io, locate }: HookContext): Promise<number> {
  const root = (await locate()).root;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    io.stderr(
      'shipwright: TypeScript is not installed here (node_modules/typescript is missing).\n  fix: npm install -D typescript\n',
    );
    return 1;
  }
  const [, ...args] = TYPECHECK_COMMAND.split(' ');
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [tsc, ...args], { cwd: root, stdio: 'inherit' });
    child.on('error', (error) => {
      io.stderr(`shipwright: could not start tsc: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}
