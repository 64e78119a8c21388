// One engine run at a time per repository (.git/shipwright/engine.lock), and no new run while an
// interrupted one's journal waits for `shipwright continue` or `shipwright abort`. Both live under
// the git dir every worktree shares: runs in two worktrees would move the same refs.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkFailed } from '../core/errors.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { journalPath, shipwrightDir } from './journal.js';
import { findLegacyJournals, legacyJournalError } from './legacy-journal.js';
import { acquirePidLock, isProcessAlive, readLockHolder, type LockHolder } from './pid-lock.js';

const lockPath = (commonDir: string): string => join(shipwrightDir(commonDir), 'engine.lock');

const readHolder = (commonDir: string): LockHolder | null => readLockHolder(lockPath(commonDir), 'shipwright');

const lockedError = (holder: LockHolder, commonDir: string) =>
  checkFailed(
    `Another shipwright run is changing this repository: \`${holder.label}\` (process ${holder.pid}). This one stopped before touching anything.`,
    {
      code: 'engine-locked',
      fix: `wait for it to finish and run the command again (if no shipwright is running, delete ${quoteShellWord(lockPath(commonDir))})`,
    },
  );

/** Throws when another run is active or an interrupted run left its journal (or an older version did, in a worktree's own git dir). */
export function assertNoPendingRun(commonDir: string): void {
  const holder = readHolder(commonDir);
  if (holder && holder.pid !== process.pid && isProcessAlive(holder.pid)) throw lockedError(holder, commonDir);
  if (existsSync(journalPath(commonDir))) {
    throw checkFailed(
      `An earlier shipwright run${holder ? ` (\`${holder.label}\`)` : ''} has not finished (it was interrupted, or stopped on a conflict); its journal is in ${journalPath(commonDir)}.`,
      {
        code: 'interrupted-run',
        fix: 'shipwright continue   (finish it, after resolving any conflicts)   or   shipwright abort   (put the repository back as it was before that run)',
      },
    );
  }
  const [legacy] = findLegacyJournals(commonDir);
  if (legacy) throw legacyJournalError(legacy);
}

/** Takes the lock or throws; returns the release function (also run if the process exits). */
export function acquireEngineLock(
  commonDir: string,
  command: string,
  options: { allowJournal?: boolean } = {},
): () => void {
  mkdirSync(shipwrightDir(commonDir), { recursive: true });
  const path = lockPath(commonDir);
  const release = acquirePidLock(path, {
    label: command,
    busy: (holder) => lockedError(holder, commonDir),
    ...(options.allowJournal ? {} : { beforeAttempt: () => assertNoPendingRun(commonDir) }),
  });
  if (!release)
    throw checkFailed('Could not take the engine lock.', {
      code: 'engine-locked',
      fix: `delete ${quoteShellWord(path)} and try again`,
    });
  return release;
}
