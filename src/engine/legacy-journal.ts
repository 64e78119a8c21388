// Journals written inside a linked worktree's own git dir (.git/worktrees/NAME/shipwright/), where
// shipwright kept them before they moved to the git dir every worktree shares. Unseen, such a run
// would look finished: `continue` / `abort` would find nothing and new runs would start over it.
//
// They are adopted rather than left for the user to move: a journal moved by hand (mv) carries no
// worktree name, and a journal without one in the shared dir is the main worktree's (run-worktree.ts)
// — the run would be finished or undone in the wrong worktree. Adopting names the worktree first:
// under the engine lock (no other new run), with no older shipwright still holding its own lock
// there, the name is written into the old file (atomic), which is then renamed into the shared dir
// (atomic, same file system). Interrupted at any point, the next `continue` / `abort` adopts it again.
// The worktree's git dir also gets the run's id (journal.ts, runId), as a new run's does.
import { existsSync, readdirSync } from 'node:fs';
import { readFile, rename, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkFailed, environmentError } from '../core/errors.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import type { RepoState } from '../git/read-repo.js';
import { realPath } from '../git/read-worktrees.js';
import { journalPath, markRunWorktree, type Journal } from './journal.js';
import { isProcessAlive, readLockHolder } from './pid-lock.js';
import { writeAtomically } from './steps/write-file.js';

interface LegacyJournal {
  /** The worktree's name as git gives it: `worktrees/NAME`. */
  id: string;
  path: string;
}

const legacyDir = (commonDir: string, name: string): string => join(commonDir, 'worktrees', name, 'shipwright');

/** The journals older versions left in linked worktrees' own git dirs. */
export function findLegacyJournals(commonDir: string): LegacyJournal[] {
  let names: string[];
  try {
    names = readdirSync(join(commonDir, 'worktrees'));
  } catch {
    return [];
  }
  return names
    .map((name) => ({ id: `worktrees/${name}`, path: join(legacyDir(commonDir, name), 'journal.json') }))
    .filter((legacy) => existsSync(legacy.path));
}

/** What assertNoPendingRun says about one. */
export const legacyJournalError = (legacy: LegacyJournal) =>
  checkFailed(
    `An earlier shipwright run has not finished (it was interrupted, or stopped on a conflict); its journal is in ${legacy.path}, where shipwright kept it before journals moved to the git dir every worktree shares.`,
    {
      code: 'interrupted-run',
      fix: 'shipwright continue   (finish it, after resolving any conflicts)   or   shipwright abort   (put the repository back as it was before that run); either first moves the journal into the shared git dir',
    },
  );

/** Said by continue or abort when they moved one. */
export const adoptedNotice = (from: string, commonDir: string): string =>
  `Moved the journal of the interrupted run from ${from} (where an earlier shipwright kept it) to ${journalPath(commonDir)}.`;

/** The legacy journal to adopt: the current worktree's, or the only one. */
function pick(state: RepoState, found: LegacyJournal[]): LegacyJournal {
  const own = found.find(
    (legacy) => realPath(join(state.commonDir, ...legacy.id.split('/'))) === realPath(state.gitDir),
  );
  if (own) return own;
  const [only] = found;
  if (found.length === 1 && only) return only;
  throw checkFailed(
    `Several runs interrupted under an earlier shipwright wait, each in its own worktree:\n${found.map((legacy) => `  ${legacy.path}`).join('\n')}`,
    {
      code: 'interrupted-run',
      fix: 'in the worktree of one of them: shipwright continue   or   shipwright abort   (then the next one)',
    },
  );
}

/**
 * Under the engine lock: moves a legacy journal into the shared git dir, naming its worktree, and
 * returns where it was; null when there is none, or a journal is already in the shared dir.
 */
export async function adoptLegacyJournal(state: RepoState): Promise<string | null> {
  if (existsSync(journalPath(state.commonDir))) return null;
  const found = findLegacyJournals(state.commonDir);
  if (found.length === 0) return null;
  const legacy = pick(state, found);
  const dir = join(legacy.path, '..');
  const lock = join(dir, 'engine.lock');
  const holder = readLockHolder(lock, 'shipwright');
  if (holder && holder.pid !== process.pid && isProcessAlive(holder.pid)) {
    throw checkFailed(
      `An earlier shipwright is still running in that worktree: \`${holder.label}\` (process ${holder.pid}).`,
      {
        code: 'engine-locked',
        fix: `wait for it to finish and run the command again (if no shipwright is running, delete ${quoteShellWord(lock)})`,
      },
    );
  }
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(legacy.path, 'utf8')) as Journal;
  } catch (error) {
    throw environmentError(`The journal of the interrupted run cannot be read: ${(error as Error).message}`, {
      code: 'journal-invalid',
      fix: `restore by hand (git reflog shows where refs were), then delete ${quoteShellWord(legacy.path)}`,
    });
  }
  // The journal sits in its worktree's own git dir, so that worktree is the run's: it gets the run's id.
  const named = journal.worktree === undefined && journal.root === undefined ? { worktree: legacy.id } : {};
  const runId = journal.runId ?? (await markRunWorktree(join(state.commonDir, ...legacy.id.split('/'))));
  await writeAtomically(legacy.path, `${JSON.stringify({ ...journal, ...named, runId }, null, 2)}\n`);
  await rename(legacy.path, journalPath(state.commonDir));
  await rm(lock, { force: true });
  // Its backport worktrees, if any, stay where the plan names them (still under the shared git dir).
  await rmdir(dir).catch(() => undefined);
  return legacy.path;
}
