// One hook run at a time per repository: a second `git commit` in another terminal is refused
// instead of letting two lint-staged runs stash and restore over each other. Per repository, not
// per worktree: lint-staged's backup is a stash entry, refs/stash is shared by every worktree, and
// lint-staged applies and drops it by position (stash@{N}), which a run in another worktree shifts.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFailed } from '../core/errors.js';
import { acquirePidLock } from '../engine/pid-lock.js';

/** Takes the lock or throws; returns the release function (also run on SIGINT/SIGTERM exit). */
/** `commonDir`: RepoState.commonDir, the git dir every worktree shares. */
export function acquireHookLock(commonDir: string, hook: string): () => void {
  const dir = join(commonDir, 'shipwright');
  const path = join(dir, 'hook.lock');
  mkdirSync(dir, { recursive: true });
  const release = acquirePidLock(path, {
    label: hook,
    busy: (holder) =>
      checkFailed(`Another shipwright ${holder.label} hook (process ${holder.pid}) is running in this repository, so this one stopped before touching anything.`, {
        code: 'hook-locked',
        fix: `wait for it to finish and run the command again (if no commit is running, delete ${path})`,
      }),
  });
  if (!release) throw checkFailed('Could not take the hook lock.', { code: 'hook-locked', fix: `delete ${path} and try again` });
  return release;
}
