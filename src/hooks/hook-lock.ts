// One hook run at a time per repository: a second `git commit` in another terminal waits for the
// first instead of letting two lint-staged runs stash and restore over each other. Per repository,
// not per worktree: lint-staged's backup is a stash entry, refs/stash is shared by every worktree,
// and lint-staged applies and drops it by position (stash@{N}), which a run in another worktree shifts.
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { checkFailed } from '../core/errors.js';
import { acquirePidLock, type LockHolder } from '../engine/pid-lock.js';

/** How long a hook waits for another commit's hook: SHIPWRIGHT_HOOK_WAIT seconds, 120 by default. */
export function hookWaitMs(env: NodeJS.ProcessEnv): number {
  const seconds = Number(env.SHIPWRIGHT_HOOK_WAIT);
  return (Number.isFinite(seconds) && seconds >= 0 && env.SHIPWRIGHT_HOOK_WAIT !== '' ? seconds : 120) * 1000;
}

const POLL_MS = 200;

class Busy extends Error {
  constructor(readonly holder: LockHolder) {
    super('busy');
  }
}

/**
 * Takes the lock, waiting up to `waitMs` while another live hook holds it (`onWait` is told once,
 * so the user sees why the commit pauses); then refuses. Returns the release function (also run on
 * SIGINT/SIGTERM exit). `commonDir`: RepoState.commonDir, the git dir every worktree shares.
 */
export async function acquireHookLock(
  commonDir: string,
  hook: string,
  waitMs: number,
  onWait: (holder: LockHolder) => void,
): Promise<() => void> {
  const dir = join(commonDir, 'shipwright');
  const path = join(dir, 'hook.lock');
  mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + waitMs;
  let told = false;
  for (;;) {
    try {
      const release = acquirePidLock(path, { label: hook, busy: (holder) => new Busy(holder) });
      if (release) return release;
    } catch (error) {
      if (!(error instanceof Busy)) throw error;
      if (Date.now() >= deadline) {
        throw checkFailed(
          `Another shipwright ${error.holder.label} hook (process ${error.holder.pid}) is still running in this repository after ${Math.round(waitMs / 1000)} s, so this one stopped before touching anything.`,
          {
            code: 'hook-locked',
            fix: `let that commit finish and run the command again (wait longer with SHIPWRIGHT_HOOK_WAIT=SECONDS); if no commit is running, the lock is stale: rm ${quoteShellWord(path)}`,
          },
        );
      }
      if (!told) onWait(error.holder);
      told = true;
    }
    await sleep(POLL_MS);
  }
}
