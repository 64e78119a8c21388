// `shipwright hook typecheck [files…]`: the project's TypeScript check, once, with its tsconfig.
// lint-staged appends staged file names when configured from JSON; they are ignored on purpose.
//
// tsc runs as `node <package>/node_modules/typescript/bin/tsc` through node:child_process: the same
// on every platform (no .cmd shim, no shell), and without execa, which is two-fifths of the hook
// bundle that every hook — commit-msg included — would otherwise parse at start-up.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { packageFolder } from './package-folder.js';
import { TYPECHECK_COMMAND } from '../core/init/lint-staged-tasks.js';
import type { HookContext } from './hook-context.js';

/** node_modules/typescript from the package's folder up to the repository root (a workspace hoists it). */
function findTsc(folder: string, root: string): string | null {
  for (let dir = folder; ; dir = dirname(dir)) {
    const tsc = join(dir, 'node_modules', 'typescript', 'bin', 'tsc');
    if (existsSync(tsc)) return tsc;
    if (dir === root || dirname(dir) === dir) return null;
  }
}

export async function typecheck({ io, locate }: HookContext): Promise<number> {
  const root = (await locate()).root;
  // lint-staged starts this task in the folder of its config: the package's, with its tsconfig.
  const folder = packageFolder(io.cwd, root);
  const tsc = findTsc(folder, root);
  if (tsc === null) {
    const where = relative(root, folder);
    io.stderr(
      `shipwright: TypeScript is not installed here (node_modules/typescript is missing${where ? ` in ${where}` : ''}).\n  fix: ${where ? `cd ${quoteShellWord(where)} && ` : ''}npm install -D typescript   (or pnpm add -D / yarn add -D / bun add -d typescript)\n`,
    );
    return 1;
  }
  const [, ...args] = TYPECHECK_COMMAND.split(' ');
  return new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [tsc, ...args], { cwd: folder, stdio: 'inherit' });
    child.on('error', (error) => {
      io.stderr(`shipwright: could not start tsc: ${error.message}\n`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}
