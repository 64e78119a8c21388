// The journal (.git/shipwright/journal.json, in the git dir every worktree shares): one format,
// written before the first write and after every step. What the plan is and which steps are done;
// every ref it may move as it was before the run and where the run last left it; the bytes and mode
// of every file it may write (a symlink as a symlink); whether the push started. Undoing a run is a
// compare-and-swap from the last value back to the one before (restore-journal.ts).
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, readFile, readlink, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { environmentError } from '../core/errors.js';
import type { Plan } from '../core/plan/plan.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { planTouches, stepRefs } from '../core/plan/plan-touches.js';
import { readConfigValue } from '../git/read-config.js';
import { readRefValues } from '../git/read-refs.js';
import { type RepoState } from '../git/read-repo.js';
import { worktreeId } from '../git/read-worktrees.js';
import { insideRoot, removeTempFiles, repoPath, writeAtomically } from './steps/write-file.js';

export interface JournalFile {
  /** Repository-relative; for a symlink inside the repository, both the link and its target are recorded. */
  path: string;
  /** base64 of the bytes; null when absent (or for a symlink). */
  content: string | null;
  mode: number | null;
  /** The symlink's own text (readlink) when the path is a symlink. */
  link?: string;
}

interface JournalRef {
  before: string | null;
  /** Where the run's own steps last left it. */
  last: string | null;
  /** Set when the user moved it during a pause and a later step built on it: undoing puts it back here. */
  user?: string | null;
}

export interface Journal {
  version: 2;
  command: string;
  pid: number;
  /** A random id, also in the run's worktree's own git dir (runMarkerPath): how continue/abort find that worktree. */
  runId: string;
  /** The worktree's name as git gives it ('' main, `worktrees/NAME` linked) and its path when the run started. */
  worktree: string;
  root: string;
  plan: Plan;
  head: { branch: string | null; commit: string | null };
  refs: Record<string, JournalRef>;
  files: JournalFile[];
  /** Indexes of the steps that completed (or were passed over), in order. */
  done: number[];
  /** Written before the first `git push` starts: from then on the remote is asked before anything is undone. */
  pushStarted?: boolean;
  paused?: JournalPause;
  /** A restore could not put everything back: kept for `shipwright abort`. */
  restoreIncomplete?: boolean;
  skipped?: SkippedTarget[];
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
  /** The fan-out target the paused step serves; null when it cannot be skipped. */
  target: string | null;
  /** Where MERGE_HEAD and the conflicted files are: the run's worktree or a backport's private one. */
  directory: string;
}

export const shipwrightDir = (commonDir: string): string => join(commonDir, 'shipwright');
export const journalPath = (commonDir: string): string => join(shipwrightDir(commonDir), 'journal.json');
const runMarkerPath = (gitDir: string): string => join(gitDir, 'shipwright-run');
export const readRunMarker = async (gitDir: string): Promise<string | null> =>
  (await readFile(runMarkerPath(gitDir), 'utf8').catch(() => null))?.trim() ?? null;

/** A path's bytes and mode; a symlink inside the repository also records its target (repoPath refuses one leaving it). */
async function snapshotFile(root: string, path: string): Promise<JournalFile[]> {
  const full = insideRoot(root, path);
  const target = await repoPath(root, path);
  const stats = await lstat(full).catch(() => null);
  const entries: JournalFile[] = stats?.isSymbolicLink()
    ? [{ path, content: null, mode: null, link: await readlink(full) }]
    : [];
  const bytes = await readFile(target.full).catch(() => null);
  const mode = bytes === null ? null : (await lstat(target.full)).mode & 0o777;
  return [...entries, { path: target.path, content: bytes?.toString('base64') ?? null, mode }];
}

/** `refs`: the touched refs as read before the run (the plan basis, just checked, when there is one). */
export async function createJournal(state: RepoState, plan: Plan, command: string): Promise<Journal> {
  const touches = planTouches(plan.steps, state.branch);
  const before = plan.basis?.refs ?? (await readRefValues(state.root, touches.refs));
  const files = (await Promise.all(touches.files.map((path) => snapshotFile(state.root, path)))).flat();
  const runId = randomBytes(12).toString('hex');
  await writeAtomically(runMarkerPath(state.gitDir), `${runId}\n`);
  const husky = plan.steps.find((step) => step.kind === 'install-husky');
  const internal = husky === undefined ? null : join(husky.dir, '_');
  return {
    version: 2,
    command,
    pid: process.pid,
    runId,
    worktree: worktreeId(state.gitDir, state.commonDir) ?? '',
    root: state.root,
    plan,
    head: { branch: state.branch, commit: state.head },
    refs: Object.fromEntries(
      touches.refs.map((name) => [name, { before: before[name] ?? null, last: before[name] ?? null }]),
    ),
    files,
    done: [],
    ...(internal === null
      ? {}
      : {
          hooks: {
            hooksPath: await readConfigValue(state.root, 'core.hooksPath'),
            internal,
            internalExisted: existsSync(insideRoot(state.root, internal)),
          },
        }),
  };
}

export async function writeJournal(commonDir: string, journal: Journal): Promise<void> {
  await writeAtomically(journalPath(commonDir), `${JSON.stringify(journal, null, 2)}\n`);
}

/** What every journal of this format has. */
const FIELDS = ['command', 'pid', 'runId', 'worktree', 'root', 'plan', 'head', 'refs', 'files', 'done'] as const;

/**
 * The journal of an unfinished run, or null. There is one format and none before it shipped, so
 * one that does not parse, has another version or lacks a field is reported, never guessed at.
 */
export async function readJournal(commonDir: string): Promise<Journal | null> {
  const path = journalPath(commonDir);
  if (!existsSync(path)) return null;
  try {
    const journal = JSON.parse(await readFile(path, 'utf8')) as Partial<Journal> | null;
    if (journal?.version !== 2) throw new Error(`format ${String(journal?.version)} is not this version's (2)`);
    const missing = FIELDS.filter((field) => journal[field] === undefined);
    if (missing.length > 0) throw new Error(`it has no ${missing.join(', ')}`);
    return journal as Journal;
  } catch (error) {
    throw environmentError(`The journal of the interrupted run cannot be read: ${(error as Error).message}`, {
      code: 'journal-invalid',
      fix: `put back by hand what that run changed (git reflog shows where each branch was), then: rm ${quoteShellWord(path)}`,
    });
  }
}

/** Removes the journal, and its run's id from the run's worktree when it is still that run's. */
export async function removeJournal(commonDir: string, journal: Journal | null): Promise<void> {
  await rm(journalPath(commonDir), { force: true });
  if (journal === null) return;
  const gitDir = runGitDir(commonDir, journal.worktree);
  if ((await readRunMarker(gitDir)) === journal.runId) await rm(runMarkerPath(gitDir), { force: true });
}

/** The step after the last one done: where a resumed run goes on, and the one a crash may have interrupted. */
export const nextStep = (journal: Journal): number => (journal.done.length === 0 ? 0 : Math.max(...journal.done) + 1);

/** The refs step `index` may move (planTouches, with the branch checked out at that point); none past the end. */
export const refsOfStep = (journal: Journal, index: number): string[] =>
  stepRefs(journal.plan.steps, journal.head.branch)[index] ?? [];

/**
 * The refs the step a crash interrupted may have moved without recording it: they count as at
 * `last` wherever they are. None while paused: a paused step is settled by continue / abort.
 */
export const inFlightRefs = (journal: Journal): string[] =>
  journal.paused === undefined ? refsOfStep(journal, nextStep(journal)) : [];

/** The git dir of the run's worktree (Journal.worktree: '' main, `worktrees/NAME` linked). */
export const runGitDir = (commonDir: string, worktree: string): string =>
  join(commonDir, ...worktree.split('/').filter(Boolean));

/**
 * Whether a run that stopped still needs its journal: paused on a conflict, a restore that could
 * not finish, or a push that started and did not finish (the remote may have it).
 */
export const journalStillNeeded = (journal: Journal, finished: boolean): boolean =>
  journal.paused !== undefined || journal.restoreIncomplete === true || (!finished && journal.pushStarted === true);

/** Records where a step of the run left refs (the journal is written by the caller). */
export function recordRefs(journal: Journal, values: Record<string, string | null>): void {
  for (const [name, value] of Object.entries(values)) {
    const ref = journal.refs[name];
    if (ref === undefined) continue;
    ref.last = value;
    // Where the user left it, reached by the run itself (a paused merge committed by hand): the run's.
    if (ref.user === value) delete ref.user;
  }
}

/**
 * When a resumed run starts: a ref at neither its value before the run nor where the run last left
 * it (and not one the interrupted step may have moved) was moved by the user meanwhile. A later step
 * may build on it, and undoing the run puts it back there.
 */
export function recordUserValues(journal: Journal, current: Record<string, string | null>): void {
  const inFlight = inFlightRefs(journal);
  for (const [name, ref] of Object.entries(journal.refs)) {
    const now = current[name] ?? null;
    if (now !== ref.before && now !== ref.last && !inFlight.includes(name)) ref.user = now;
  }
}

/** Removes the backport worktrees folder once empty, and `.git/shipwright` itself when `andRoot` and empty. */
export async function removeEmptyShipwrightDirs(commonDir: string, andRoot: boolean): Promise<void> {
  // A journal write killed before its rename leaves its temp file.
  await removeTempFiles(shipwrightDir(commonDir), ['journal.json']).catch(() => undefined);
  await rmdir(join(shipwrightDir(commonDir), 'worktrees')).catch(() => undefined);
  if (andRoot) await rmdir(shipwrightDir(commonDir)).catch(() => undefined);
}
