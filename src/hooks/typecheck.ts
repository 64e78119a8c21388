// `shipwright hook typecheck [files…]`: the project's TypeScript check, once, with its tsconfig.
// lint-staged appends staged file names when configured from JSON; they are ignored on purpose.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TYPECHECK_COMMAND } from '../core/init/lint-staged-tasks.js';
import type { HookContext } from './hook-context.js';

export async function typecheck({ io, locate }: HookContext): Promise<number> {
  const repo = { cwd: (await locate()).root };
  const tsc = join(repo.cwd, 'node_modules', '.bin', 'tsc');
  if (!existsSync(tsc)) {
    io.stderr('shipwright: TypeScript is not installed here (node_modules/.bin/tsc is missing).\n  fix: npm install -D typescript\n');
    return 1;
  }
  const [, ...args] = TYPECHECK_COMMAND.split(' ');
  const result = await execa(tsc, args, { cwd: repo.cwd, reject: false, stdio: 'inherit' });
  return result.exitCode ?? 1;
}
