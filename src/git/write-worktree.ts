// Private worktrees under .git/shipwright/ (the git dir every worktree shares, with the journal that
// removes them) where backports are picked, so the user's own working tree and branch are never touched.
import { runGit } from './run-git.js';

export async function addDetachedWorktree(cwd: string, path: string, commit: string): Promise<void> {
  await runGit(cwd, ['worktree', 'add', '--quiet', '--detach', '--', path, commit]);
}

/**
 * Removes the worktree even with changes in it (a paused pick) or locked (a `git worktree add`
 * killed half-way leaves it locked "initializing": a second --force removes that), then forgets
 * any that are gone.
 */
export async function removeWorktree(cwd: string, path: string): Promise<void> {
  await runGit(cwd, ['worktree', 'remove', '--force', '--force', '--', path], { okExitCodes: [128] });
  await runGit(cwd, ['worktree', 'prune']);
}
