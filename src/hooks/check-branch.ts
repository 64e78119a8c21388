// `shipwright hook check-branch NAME`: the branch-name rule on its own, for PR checks in CI.
import { usageError } from '../core/errors.js';
import { checkBranchName } from '../core/hooks/branch-rules.js';
import type { HookContext } from './hook-context.js';

export async function checkBranch({ io, open, args }: HookContext): Promise<number> {
  const repo = await open();
  const name = args[0] ?? repo.state.branch;
  if (!name)
    throw usageError('No branch name given and HEAD is detached.', 'shipwright hook check-branch feature/my-change');
  const verdict = checkBranchName(name.replace(/^refs\/heads\//, ''), repo.loaded.config);
  if (verdict.ok) {
    io.stdout(`${name}: follows the branch model\n`);
    return 0;
  }
  io.stderr(`shipwright: ${verdict.reason}\n  fix: ${verdict.fix}\n`);
  return 1;
}
