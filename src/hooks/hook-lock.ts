// One hook run at a time per repository: a second `git commit` in another terminal is refused
// instead of letting two lint-staged runs stash and restore over each other.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFailed } from '../core/errors.js';
import { acquirePidLock } from '../engine/pid-lock.js';

/** Takes the lock or throws; returns the release function (also run on SIGINT/SIGTERM exit). */
export function acquireHookLock(gitDir: string, hook: string): () => void {
  const dir = join(gitDir, 'shipwright');
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
