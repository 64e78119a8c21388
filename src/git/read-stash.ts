// Reads refs/stash entries: lint-staged's backup left behind by a killed pre-commit is one of them.
import { runGit } from './run-git.js';

/** lint-staged's stash message (lint-staged/lib/gitWorkflow.js `STASH`). */
export const LINT_STAGED_BACKUP = 'lint-staged automatic backup';

export interface StashEntry {
  /** `stash@{N}` */
  ref: string;
  hash: string;
  subject: string;
}

export async function readStashEntries(cwd: string): Promise<StashEntry[]> {
  // No refs/stash: `git stash list` prints nothing and exits 0.
  const result = await runGit(cwd, ['stash', 'list', '--format=%gd%x00%H%x00%gs']);
  return result.stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => {
      const [ref = '', hash = '', subject = ''] = line.split('\0');
      return { ref, hash, subject };
    });
}

/** Backups lint-staged made and never dropped (its process was killed before it could restore). */
export async function readLeftoverBackups(cwd: string): Promise<StashEntry[]> {
  return (await readStashEntries(cwd)).filter((entry) => entry.subject.endsWith(LINT_STAGED_BACKUP));
}
