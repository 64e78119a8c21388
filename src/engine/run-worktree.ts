// Where a journal's run works: its worktree, found again from what the journal recorded and checked
// to be a worktree of this repository. Never the worktree the command happens to be typed in, and
// never a recorded path taken on trust: a copied repository's journal names the original's
// directories (continuing there would change the original), a moved one's names directories gone.
// `withPendingRun` is the one way continue and abort enter such a run: lock, journal, the dead
// run's git lock files removed, its worktree found.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { environmentError } from '../core/errors.js';
import { planWorktrees } from '../core/plan/plan-touches.js';
import { readRepoState, type RepoState } from '../git/read-repo.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import {
  isInside,
  linkedWorktreePath,
  locateWorktree,
  realPath,
  verifyWorktree,
  type FoundWorktree,
} from '../git/read-worktrees.js';
import { acquireEngineLock } from './engine-lock.js';
import { isProcessAlive } from './pid-lock.js';
import { trackingRefs } from './push-landed.js';
import {
  journalPath,
  readJournal,
  readRunMarker,
  removeEmptyShipwrightDirs,
  runGitDir,
  type Journal,
} from './journal.js';

/** Why the run's worktree cannot be used, and what to do about what only it had (its checked-out branch, its files). */
interface Unavailable {
  error: string;
  manual: string;
  foreign: boolean;
  moved?: boolean;
}

/**
 * Where the run is now. `root` is its working tree; null when it is gone or not this repository's
 * (`unavailable` says why): then only what every worktree shares (branches, tags) can be put back.
 */
export type RunPlace = {
  /** Where git runs for what every worktree shares: root, or the worktree the command was typed in. */
  git: string;
  /** The paused step's directory as it is now (the run's root, or a backport worktree of this repository); null when none can be used. */
  pauseDirectory: string | null;
  /** Backport worktrees the plan names outside this repository's git dir (it was copied or moved): never touched. */
  foreignWorktrees: string[];
} & (
  | { root: string; /** As git names it (Journal.worktree). */ id: string | null; unavailable: null }
  | { root: null; id: null; unavailable: Unavailable }
);

/**
 * The run's worktree now: by the name git gives it (`worktree`), else at its recorded path, and in
 * either case the run's only when its git dir holds the run's id: another worktree added since with
 * the same name or at the same path is not (`replaced`).
 */
async function findRunWorktree(
  journal: Journal,
  state: RepoState,
): Promise<{ found: FoundWorktree | null; replaced: string | null }> {
  let replaced: string | null = null;
  const owned = async (candidate: FoundWorktree | null): Promise<FoundWorktree | null> => {
    if (candidate === null || (await readRunMarker(candidate.gitDir)) === journal.runId) return candidate;
    replaced ??= candidate.root;
    return null;
  };
  const byName = await owned(await locateWorktree(state.root, state.commonDir, journal.worktree));
  if (byName !== null) return { found: byName, replaced };
  return { found: await owned(await verifyWorktree(journal.root, state.commonDir)), replaced };
}

/**
 * The run's linked worktree as git still knows it (its git dir, holding the run's id) while its
 * directory is missing: moved by hand, or deleted without `git worktree remove`. Where git last saw it, or null.
 */
async function movedAway(journal: Journal, state: RepoState): Promise<string | null> {
  if (journal.worktree === '') return null;
  const was = await linkedWorktreePath(state.commonDir, journal.worktree);
  if (was === null || existsSync(join(was, '.git'))) return null;
  return (await readRunMarker(runGitDir(state.commonDir, journal.worktree))) === journal.runId ? was : null;
}

async function unavailable(journal: Journal, state: RepoState, replaced: string | null): Promise<Unavailable> {
  const where = journal.root;
  const journalFile = quoteShellWord(journalPath(state.commonDir));
  const { branch } = journal.head;
  const was = await movedAway(journal, state);
  if (was !== null) {
    return {
      error: `the worktree the run works in (${where}) is gone from ${was}: it was moved or deleted, and git still has its git dir (with its half-done merge, if any)`,
      manual: `if it was moved: git worktree repair NEWPATH (its new path), then shipwright continue or shipwright abort; if it was deleted: git worktree prune && rm ${journalFile}`,
      foreign: false,
      moved: true,
    };
  }
  if (replaced !== null) {
    return {
      error: `the worktree the run works in (${where}) is gone: the worktree at ${replaced} was added after it was removed and is not the run's, so it was left alone`,
      manual: `nothing of the run is left in a worktree; delete ${journalFile}`,
      foreign: false,
    };
  }
  if (existsSync(journal.root)) {
    return {
      error: `the worktree the run works in (${where}) is not a worktree of this repository (${realPath(state.commonDir)}): the repository was copied or moved since the run started`,
      manual: `check this repository's working trees yourself (git status${branch === null ? '' : `, git switch ${quoteShellWord(branch)}`}), then delete ${journalFile}`,
      foreign: true,
    };
  }
  return {
    error: `the worktree the run works in (${where}) is gone`,
    manual: `nothing to put back there; delete ${journalFile}`,
    foreign: false,
  };
}

/** The paused step's directory: the run's root (wherever it is now), or a backport worktree under this repository's git dir. */
function pauseDirectory(journal: Journal, state: RepoState, root: string | null): string | null {
  const directory = journal.paused?.directory;
  if (directory === undefined) return null;
  if (isInside(state.commonDir, directory)) return existsSync(directory) ? directory : null;
  return realPath(directory) === realPath(journal.root) ? root : null;
}

/**
 * A kill -9 inside a git write leaves git's lock files (HEAD.lock, refs/heads/X.lock, index.lock,
 * packed-refs.lock), and every later write to them fails. Once the run's process is gone (continue
 * and abort hold the engine lock), those of what the run wrote are the dead run's: removed.
 */
const WORKTREE_LOCKS = ['HEAD', 'index', 'ORIG_HEAD', 'AUTO_MERGE', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'];

async function removeDeadRunLocks(commonDir: string, journal: Journal): Promise<void> {
  if (isProcessAlive(journal.pid) && journal.pid !== process.pid) return;
  const gitDirs = [
    runGitDir(commonDir, journal.worktree),
    ...planWorktrees(journal.plan.steps).map((path) => join(commonDir, 'worktrees', basename(path))),
  ];
  const tracking = journal.plan.steps.flatMap((step) =>
    step.kind === 'push' ? trackingRefs(step).map((ref) => ref.tracking) : [],
  );
  const locks = [
    // Per worktree: HEAD, the index and the pseudo-refs a merge or pick writes (ORIG_HEAD, AUTO_MERGE, …).
    ...gitDirs.flatMap((dir) => WORKTREE_LOCKS.map((name) => join(dir, `${name}.lock`))),
    join(commonDir, 'packed-refs.lock'),
    ...[...Object.keys(journal.refs), ...tracking].map((ref) => join(commonDir, `${ref}.lock`)),
  ];
  await Promise.all(locks.map((lock) => rm(lock, { force: true })));
}

/** The interrupted run `continue` and `abort` work on: its journal, and where it is now. */
export interface PendingRun {
  state: RepoState;
  journal: Journal;
  place: RunPlace;
}

/**
 * `continue` and `abort`: under the engine lock, the journal's run (null when there is none) with
 * the git lock files its dead process left removed and its worktree found, wherever the command
 * was typed (a subdirectory, another worktree: the journal's paths are relative to the run's root).
 */
export async function withPendingRun<T>(
  cwd: string,
  command: string,
  act: (run: PendingRun) => Promise<T>,
): Promise<T | null> {
  const state = await readRepoState(cwd);
  const release = acquireEngineLock(state.commonDir, command, { allowJournal: true });
  try {
    const journal = await readJournal(state.commonDir);
    if (journal === null) return null;
    await removeDeadRunLocks(state.commonDir, journal);
    return await act({ state, journal, place: await locateRun(journal, state) });
  } finally {
    release();
    await removeEmptyShipwrightDirs(state.commonDir, true);
  }
}

async function locateRun(journal: Journal, state: RepoState): Promise<RunPlace> {
  const { found, replaced } = await findRunWorktree(journal, state);
  const root = found?.root ?? null;
  const shared = {
    git: root ?? state.root,
    pauseDirectory: pauseDirectory(journal, state, root),
    foreignWorktrees: planWorktrees(journal.plan.steps).filter((path) => !isInside(state.commonDir, path)),
  };
  return found === null
    ? { ...shared, root: null, id: null, unavailable: await unavailable(journal, state, replaced) }
    : { ...shared, root: found.root, id: found.id, unavailable: null };
}

/** Records where the run is now (a moved worktree's new path, its name), so the journal `continue` writes back names it. */
export function updateRunPlace(journal: Journal, place: RunPlace): void {
  if (place.root === null) return;
  if (journal.paused && place.pauseDirectory !== null) journal.paused.directory = place.pauseDirectory;
  journal.root = place.root;
  if (place.id !== null) journal.worktree = place.id;
}

/** Where `continue` goes on, or why it cannot (`abort` goes on with what it can put back). */
export function continueRoot(journal: Journal, place: RunPlace, state: RepoState): string {
  const abort =
    'shipwright abort   (puts back the branches and tags the run moved, which every worktree shares, and lists what it cannot)';
  if (place.root === null) {
    const foreign = place.unavailable.foreign;
    throw environmentError(`\`${journal.command}\` cannot be finished here: ${place.unavailable.error}.`, {
      code: foreign ? 'run-worktree-foreign' : 'run-worktree-gone',
      fix: foreign
        ? `finish it in the repository it ran in (shipwright continue in ${journal.root}), or here: ${abort}`
        : place.unavailable.moved === true
          ? `if it was moved: git worktree repair NEWPATH (its new path), then shipwright continue; otherwise ${abort}`
          : abort,
    });
  }
  if (place.foreignWorktrees.length > 0) {
    throw environmentError(
      `\`${journal.command}\` cannot be finished here: it works in worktrees outside this repository's git dir (${realPath(state.commonDir)}): ${place.foreignWorktrees.join(', ')}; the repository was copied or moved since the run started.`,
      {
        code: 'run-worktree-foreign',
        fix: abort,
      },
    );
  }
  if (journal.paused && place.pauseDirectory === null) {
    throw environmentError(
      `\`${journal.command}\` cannot be finished here: it stopped on conflicts in ${journal.paused.directory}, which is gone, so the paused step cannot be concluded.`,
      { code: 'run-worktree-gone', fix: abort },
    );
  }
  return place.root;
}
