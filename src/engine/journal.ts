// The on-disk journal (.git/shipwright/journal.json): what a running plan may change, as it was
// before the first write, and which steps have completed — enough to undo it after a crash.
// It lives under the git dir all worktrees share (`git rev-parse --git-common-dir`), as the refs it
// records do, so `continue` and `abort` find a run from any worktree of the repository.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, rm, rmdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentError } from '../core/errors.js';
import type { Plan } from '../core/plan/plan.js';
import type { PlanTouches } from '../core/plan/plan-touches.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { readConfigValue } from '../git/read-config.js';
import { readRefValue } from '../git/read-refs.js';
import type { RepoState } from '../git/read-repo.js';
import { worktreeId } from '../git/read-worktrees.js';
import { insideRoot, removeTempFiles, writeAtomically } from './steps/write-file.js';

export interface JournalFile {
  path: string;
  /** base64 of the original bytes; null when the file did not exist. */
  content: string | null;
  mode: number | null;
}

export interface Journal {
  version: 1;
  /** The command line that started the plan, e.g. `shipwright release --yes`. */
  command: string;
  pid: number;
  /**
   * The worktree the run runs in, as git names it relative to the shared git dir: '' for the main
   * worktree, `worktrees/NAME` for a linked one. `continue` and `abort` find it again with git
   * (run-worktree.ts), so a moved repository still finds it and a copied one never reaches back into
   * the original. Absent in journals written before it was recorded.
   */
  worktree?: string;
  /**
   * The worktree's path when the run started: for messages, and for journals without `worktree`
   * (used only once checked to be a worktree of this repository). Absent in journals written before
   * it was recorded, which the main worktree wrote (see run-worktree.ts).
   */
  root?: string;
  /**
   * A random id also written into the run's worktree's own git dir (runMarkerPath): the worktree
   * found by name or path is the run's only when it holds it. Survives `git worktree move` and a
   * moved repository, not a worktree removed and another added with the same name or path. Absent
   * in journals written before it was recorded (then name and path are trusted as before).
   */
  runId?: string;
  plan: Plan;
  head: { branch: string | null; commit: string | null };
  /** false: the run never changes the checked-out branch (a backport), so undoing it leaves HEAD as the user has it. */
  restoresHead?: boolean;
  refs: { name: string; value: string | null }[];
  files: JournalFile[];
  /** Indexes of the steps that completed, in order. */
  done: number[];
  /**
   * Every value the run's own steps have left each touched ref at, the newest last (only refs a step
   * moved). After a pause, a ref found at any other value when the run is undone was moved by
   * someone else meanwhile (a commit during the pause) and is left alone; a value the run produced,
   * even one its own undo went back to (a deleted branch recreated), is the run's to put back.
   */
  refValues?: Record<string, (string | null)[]>;
  /**
   * Where the user left a touched ref outside the run (a commit during a pause: a value the run
   * never produced), seen when a resumed run starts. A step may then build on it (a merge on top of
   * their commit): undoing the run puts such a ref back here, not where it was before the run.
   */
  userValues?: Record<string, string | null>;
  /** Written by earlier versions instead of refValues: where the touched refs were after the last completed step (read as refValues). */
  refsAfter?: Record<string, string | null>;
  /** The run has paused on a conflict at least once: the user had the repository in hand meanwhile. */
  pausedOnce?: boolean;
  /** Set while the run waits for the user to resolve a conflict. */
  paused?: JournalPause;
  /** A rollback could not put everything back: the journal stays so `shipwright abort` can finish it. */
  restoreIncomplete?: boolean;
  /** Targets left for later with `shipwright continue --skip`. */
  skipped?: SkippedTarget[];
  /**
   * Written before the first `git push` starts: from then on the remote may have the run, so it is
   * never rolled back without asking the remote (push-landed.ts).
   */
  pushStarted?: boolean;
  /** A plan with an install-husky step: core.hooksPath before the run, and whether husky's `<dir>/_` existed. */
  hooks?: { hooksPath: string | null; internal: string; internalExisted: boolean };
}

export interface SkippedTarget {
  target: string;
  /** What brings the changes there by hand later. */
  command: string;
}

export interface JournalPause {
  index: number;
  files: string[];
  /** The fan-out target the paused step serves; null when it is not one (then it cannot be skipped). */
  target: string | null;
  /** Where the conflicted files are (the run's working tree, or a backport's private worktree): where MERGE_HEAD and friends are read. */
  directory: string;
}

/** shipwright's repository-wide state: `commonDir` is RepoState.commonDir, shared by every worktree. */
export const shipwrightDir = (commonDir: string): string => join(commonDir, 'shipwright');
export const journalPath = (commonDir: string): string => join(shipwrightDir(commonDir), 'journal.json');

async function snapshotFile(root: string, path: string): Promise<JournalFile> {
  const full = insideRoot(root, path);
  const bytes = await readFile(full).catch(() => null);
  return {
    path,
    content: bytes === null ? null : bytes.toString('base64'),
    mode: bytes === null ? null : (await stat(full)).mode & 0o777,
  };
}

/** Where a run's id is written in the git dir of the worktree it runs in (a linked worktree's own, `.git/worktrees/NAME`). */
export const runMarkerPath = (gitDir: string): string => join(gitDir, 'shipwright-run');

/** The run id held by a worktree's git dir, or null. */
export const readRunMarker = async (gitDir: string): Promise<string | null> =>
  (await readFile(runMarkerPath(gitDir), 'utf8').catch(() => null))?.trim() ?? null;

/** Gives the worktree whose git dir is `gitDir` a new run id (Journal.runId) and returns it. */
export async function markRunWorktree(gitDir: string): Promise<string> {
  const runId = randomBytes(12).toString('hex');
  await writeAtomically(runMarkerPath(gitDir), `${runId}\n`);
  return runId;
}

export async function createJournal(
  state: RepoState,
  plan: Plan,
  command: string,
  touches: PlanTouches,
): Promise<Journal> {
  const refs = await Promise.all(
    touches.refs.map(async (name) => ({ name, value: await readRefValue(state.root, name) })),
  );
  const files = await Promise.all(touches.files.map((path) => snapshotFile(state.root, path)));
  const worktree = worktreeId(state.gitDir, state.commonDir);
  const runId = worktree === null ? null : await markRunWorktree(state.gitDir);
  const husky = plan.steps.find((step) => step.kind === 'install-husky');
  const internal = husky === undefined ? null : join(husky.dir, '_');
  const hooks =
    internal === null
      ? {}
      : {
          hooks: {
            hooksPath: await readConfigValue(state.root, 'core.hooksPath'),
            internal,
            internalExisted: existsSync(insideRoot(state.root, internal)),
          },
        };
  return {
    ...hooks,
    version: 1,
    command,
    pid: process.pid,
    ...(worktree === null ? {} : { worktree }),
    root: state.root,
    ...(runId === null ? {} : { runId }),
    plan,
    head: { branch: state.branch, commit: state.head },
    restoresHead: touches.movesHead,
    refs,
    files,
    done: [],
    refValues: {},
  };
}

export async function writeJournal(commonDir: string, journal: Journal): Promise<void> {
  await writeAtomically(journalPath(commonDir), `${JSON.stringify(journal, null, 2)}\n`);
}

/** An earlier version's `refsAfter` (where each ref was after the last step) as the values the run left them at. */
function upgradeJournal(journal: Journal): Journal {
  const { refsAfter, ...rest } = journal;
  if (refsAfter === undefined || journal.refValues !== undefined) return journal;
  return { ...rest, refValues: Object.fromEntries(Object.entries(refsAfter).map(([name, value]) => [name, [value]])) };
}

/** The journal of an unfinished run, or null. A journal that does not parse is reported, never ignored. */
export async function readJournal(commonDir: string): Promise<Journal | null> {
  const path = journalPath(commonDir);
  if (!existsSync(path)) return null;
  try {
    return upgradeJournal(JSON.parse(await readFile(path, 'utf8')) as Journal);
  } catch (error) {
    throw environmentError(`The journal of the interrupted run cannot be read: ${(error as Error).message}`, {
      code: 'journal-invalid',
      fix: `restore by hand (git reflog shows where refs were), then delete ${quoteShellWord(path)}`,
    });
  }
}

/** Removes the journal, and its run's id from the run's worktree when it is still that run's. */
export async function removeJournal(commonDir: string): Promise<void> {
  const journal = await readFile(journalPath(commonDir), 'utf8').then(
    (text) => JSON.parse(text) as Partial<Journal>,
    () => null,
  );
  await rm(journalPath(commonDir), { force: true });
  if (typeof journal?.runId !== 'string' || typeof journal.worktree !== 'string') return;
  const gitDir = join(commonDir, ...journal.worktree.split('/').filter(Boolean));
  if ((await readRunMarker(gitDir)) === journal.runId) await rm(runMarkerPath(gitDir), { force: true });
}

/** Notes a value a step of the run left `ref` at (see Journal.refValues); the newest is kept last. */
export function recordRefValue(journal: Journal, ref: string, value: string | null): void {
  const values = (journal.refValues ??= {});
  const seen = (values[ref] ??= []);
  const at = seen.indexOf(value);
  if (at !== -1) seen.splice(at, 1);
  seen.push(value);
  // A step done just before a crash, recognised afterwards, looked like the user's until now.
  if (journal.userValues !== undefined && ref in journal.userValues && journal.userValues[ref] === value)
    delete journal.userValues[ref];
}

/**
 * Before a resumed run's steps: a touched ref at a value the run never produced and that is not its
 * value before the run was moved by the user during the pause (Journal.userValues).
 */
export function recordUserValues(journal: Journal, current: Record<string, string | null>): void {
  if (journal.pausedOnce !== true) return;
  for (const { name, value } of journal.refs) {
    const now = current[name] ?? null;
    if (now === value || (journal.refValues?.[name] ?? []).includes(now)) continue;
    (journal.userValues ??= {})[name] = now;
  }
}

/** Where the run last left `ref`: the newest of its refValues, else its value before the run; undefined when not journaled. */
export function lastRunValue(journal: Journal, ref: string): string | null | undefined {
  const values = journal.refValues?.[ref];
  if (values !== undefined && values.length > 0) return values[values.length - 1];
  return journal.refs.find((entry) => entry.name === ref)?.value;
}

/** Removes the backport worktrees folder once empty, and `.git/shipwright` itself when `andRoot` and empty. */
export async function removeEmptyShipwrightDirs(commonDir: string, andRoot: boolean): Promise<void> {
  // A journal write killed before its rename leaves its temp file.
  await removeTempFiles(shipwrightDir(commonDir), ['journal.json']).catch(() => undefined);
  await rmdir(join(shipwrightDir(commonDir), 'worktrees')).catch(() => undefined);
  if (andRoot) await rmdir(shipwrightDir(commonDir)).catch(() => undefined);
}
