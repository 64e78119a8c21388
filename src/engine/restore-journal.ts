// Undoing a run from its journal alone: the same code for a step that failed, a Ctrl-C, and `abort`
// after a kill -9. Refs go back by compare-and-swap from where the run last left them (or where the
// interrupted step may have put them) to their value before the run; a ref found anywhere else was
// moved by someone else and is reported, never overwritten. Files get their bytes, modes and
// symlinks back. Idempotent: what is already right is left alone, so it is safe to run twice.
import { existsSync } from 'node:fs';
import { rm, lstat, readFile, readlink, rmdir, symlink } from 'node:fs/promises';
import { describeRef } from '../core/display-text/ref-names.js';
import { quoteShellWord, shellCommand } from '../core/display-text/shell-words.js';
import { dirname } from 'node:path';
import { planTouches, planWorktrees } from '../core/plan/plan-touches.js';
import { readConfigValue } from '../git/read-config.js';
import { readRefValues } from '../git/read-refs.js';
import { readRepoState } from '../git/read-repo.js';
import { readWorktreeBranches, realPath } from '../git/read-worktrees.js';
import { setConfigValue, unsetConfigValue } from '../git/write-config.js';
import { unstagePaths } from '../git/write-index.js';
import { resetKeep } from '../git/write-history.js';
import { deleteRefIfAt, detachHeadAt, moveRefIfAt, pointHeadAt, switchTo } from '../git/write-refs.js';
import { inFlightRefs, type Journal, type JournalFile } from './journal.js';
import { clearInterruptedOperation, clearPausedWork, recordCommittedPause } from './resume-paused.js';
import type { RunPlace } from './run-worktree.js';
import { insideRoot, removeTempFiles, writeAtomically } from './steps/write-file.js';

interface RestoreFailure {
  what: string;
  error: string;
  /** The command that does it by hand. */
  manual: string;
}

export const describeRestoreFailure = (failure: RestoreFailure): string =>
  `${failure.what}: ${failure.error} (by hand: ${failure.manual})`;

export interface RestoreReport {
  restored: string[];
  failures: RestoreFailure[];
}

/** The run's own worktree, where the run itself is undoing what it did. */
export const runningIn = (root: string): RunPlace => ({
  root,
  id: null,
  git: root,
  pauseDirectory: null,
  foreignWorktrees: [],
  unavailable: null,
});

const headWhat = ({ branch, commit }: Journal['head']) =>
  branch !== null ? `branch ${branch} checked out` : `HEAD detached at ${short(commit)}`;

async function attempt(report: RestoreReport, what: string, manual: string, action: () => Promise<boolean>) {
  try {
    if (await action()) report.restored.push(what);
  } catch (error) {
    report.failures.push({ what, manual, error: (error as Error).message });
  }
}

const short = (value: string | null) => value?.slice(0, 7) ?? 'absent';
const setRef = (name: string, value: string | null): string =>
  shellCommand(value === null ? ['git', 'update-ref', '-d', name] : ['git', 'update-ref', name, value]);

/** The run's worktree back on its branch (recreated where it was before the run when the run deleted it) or detached commit. */
async function restoreHead(root: string, journal: Journal, report: RestoreReport): Promise<void> {
  const { branch, commit } = journal.head;
  const now = await readRepoState(root);
  if (branch === null) {
    if (commit === null || (now.branch === null && now.head === commit)) return;
    await attempt(report, headWhat(journal.head), `git switch --detach ${commit}`, async () => {
      await detachHeadAt(root, commit);
      return true;
    });
    return;
  }
  if (now.branch === branch) return;
  await attempt(report, headWhat(journal.head), `git switch ${quoteShellWord(branch)}`, async () => {
    const name = `refs/heads/${branch}`;
    const before = journal.refs[name]?.before ?? null;
    if ((await readRefValues(root, [name]))[name] === null) {
      if (before === null) {
        await pointHeadAt(root, branch);
        return true;
      }
      await moveRefIfAt(root, name, before, null, 'shipwright: restore');
      report.restored.push(`${describeRef(name)} back at ${short(before)}`);
    }
    await switchTo(root, branch);
    return true;
  });
}

/** Every ref the plan touches, by compare-and-swap; the worktree's own branch with `reset --keep`, so its files follow. */
async function restoreRefs(place: RunPlace, journal: Journal, report: RestoreReport): Promise<void> {
  const names = Object.keys(journal.refs);
  const [current, checkedOut] = await Promise.all([
    readRefValues(place.git, names),
    readWorktreeBranches(place.git).catch(() => new Map<string, string>()),
  ]);
  const inFlight = inFlightRefs(journal);
  const movesHead = planTouches(journal.plan.steps, journal.head.branch).movesHead;
  for (const name of names) {
    const ref = journal.refs[name] as Journal['refs'][string];
    const now = current[name] ?? null;
    const target = ref.user === undefined ? ref.before : ref.user;
    if (now === target && ref.user === undefined) continue;
    if (now === target || (now !== ref.last && !inFlight.includes(name))) {
      // Someone else moved it after the run last did (a commit during a pause): theirs stays.
      report.restored.push(
        `${describeRef(name)} left at ${now?.slice(0, 7) ?? 'nothing'}: it was moved outside this run (before the run: ${short(ref.before)}; ${setRef(name, ref.before)} puts it back)`,
      );
      continue;
    }
    const yours =
      ref.user === undefined
        ? ''
        : ` (where it was moved outside this run during the pause; before the run: ${short(ref.before)})`;
    const what =
      target === null
        ? `${describeRef(name)} deleted${yours}`
        : `${describeRef(name)} back at ${short(target)}${yours}`;
    const branch = name.startsWith('refs/heads/') ? name.slice('refs/heads/'.length) : null;
    const elsewhere = branch === null ? undefined : checkedOut.get(branch);
    // A branch checked out in a worktree moves there only with that worktree's files (reset --keep):
    // in the run's own worktree for the branch the run itself had checked out; anywhere else, by hand.
    const own =
      movesHead &&
      branch === journal.head.branch &&
      place.root !== null &&
      elsewhere !== undefined &&
      realPath(elsewhere) === realPath(place.root);
    if (elsewhere !== undefined && existsSync(elsewhere) && !own) {
      const reset =
        target === null
          ? `git switch --detach && ${shellCommand(['git', 'branch', '-D', branch ?? ''])}`
          : `git reset --keep ${target}`;
      report.failures.push({
        what,
        error: `it is checked out in the worktree ${elsewhere}`,
        manual: `cd ${quoteShellWord(elsewhere)} && ${reset}`,
      });
      continue;
    }
    await attempt(report, what, setRef(name, target), async () => {
      if (own && target !== null) await resetKeep(place.root as string, target);
      else if (
        !(await (target === null
          ? deleteRefIfAt(place.git, name, now as string, 'shipwright: restore')
          : moveRefIfAt(place.git, name, target, now, 'shipwright: restore')))
      )
        throw new Error(
          (await readRefValues(place.git, [name]))[name] === now
            ? 'git could not update it (a lock file, or permissions)'
            : 'it moved while being restored',
        );
      return true;
    });
  }
}

/** Whether a file (or symlink) is already as the journal has it. */
async function fileIsAsRecorded(full: string, file: JournalFile): Promise<boolean> {
  const stats = await lstat(full).catch(() => null);
  if (file.link !== undefined) return stats?.isSymbolicLink() === true && (await readlink(full)) === file.link;
  // A folder where the run would have created a file was never the run's to remove.
  if (file.content === null) return stats === null || stats.isDirectory();
  if (stats === null || stats.isSymbolicLink() || (stats.mode & 0o777) !== file.mode) return false;
  return (await readFile(full)).equals(Buffer.from(file.content, 'base64'));
}

async function restoreFile(root: string, file: JournalFile): Promise<boolean> {
  const full = insideRoot(root, file.path);
  if (await fileIsAsRecorded(full, file)) return false;
  if (file.link !== undefined) {
    await rm(full, { force: true });
    await symlink(file.link, full);
  } else if (file.content !== null) {
    await rm(full, { force: true }).catch(() => undefined);
    await writeAtomically(full, Buffer.from(file.content, 'base64'), file.mode ?? undefined);
  } else {
    await rm(full, { force: true });
    // The folders writing it created, once empty.
    for (let dir = dirname(full); dir.length > root.length; dir = dirname(dir))
      if (
        !(await rmdir(dir).then(
          () => true,
          () => false,
        ))
      )
        break;
  }
  return true;
}

async function restoreHooks(root: string, hooks: NonNullable<Journal['hooks']>, report: RestoreReport) {
  const manual =
    hooks.hooksPath === null
      ? 'git config --unset core.hooksPath'
      : `git config core.hooksPath ${quoteShellWord(hooks.hooksPath)}`;
  const what = `core.hooksPath ${hooks.hooksPath === null ? 'unset' : `back at ${hooks.hooksPath}`}`;
  await attempt(report, what, manual, async () => {
    if (!hooks.internalExisted) await rm(insideRoot(root, hooks.internal), { recursive: true, force: true });
    if ((await readConfigValue(root, 'core.hooksPath')) === hooks.hooksPath) return false;
    if (hooks.hooksPath === null) await unsetConfigValue(root, 'core.hooksPath');
    else await setConfigValue(root, 'core.hooksPath', hooks.hooksPath);
    return true;
  });
}

/** The journal's files (not the symlinks), as not restored, and why. */
function filesNotRestored(journal: Journal, why: { error: string; manual: string }, report: RestoreReport): void {
  for (const file of journal.files)
    if (file.link === undefined) report.failures.push({ what: file.path, error: why.error, manual: why.manual });
}

/** The files, hooks and index entries of the run's worktree, only once it is back on the run's branch. */
async function restoreWorktree(root: string, journal: Journal, report: RestoreReport): Promise<void> {
  const { branch, commit } = journal.head;
  if (planTouches(journal.plan.steps, branch).movesHead && (branch ?? commit) !== null) {
    // The journal's bytes are the original branch's: written into a worktree left on another branch, they would overwrite that branch's files.
    const now = await readRepoState(root);
    if (branch !== null ? now.branch !== branch : now.branch !== null || now.head !== commit) {
      filesNotRestored(
        journal,
        {
          error: `not written: ${root} is on ${now.branch ?? 'a detached HEAD'}, not ${branch ?? short(commit)}, which they belong to`,
          manual: `git switch ${branch === null ? `--detach ${commit}` : quoteShellWord(branch)}, then shipwright abort`,
        },
        report,
      );
      return;
    }
  }
  const paths = journal.files.map((file) => file.path);
  await removeTempFiles(root, paths);
  if (journal.hooks !== undefined) await restoreHooks(root, journal.hooks, report);
  // Targets first, then the symlinks leading to them.
  for (const file of [...journal.files].sort((a, b) => Number(a.link !== undefined) - Number(b.link !== undefined))) {
    const manual = commit
      ? `git checkout ${commit} -- ${quoteShellWord(file.path)}`
      : `rm ${quoteShellWord(file.path)}`;
    await attempt(report, file.path, manual, () => restoreFile(root, file));
  }
  if (paths.length > 0 && commit !== null) {
    await attempt(
      report,
      'index entries of those files',
      `git reset -q -- ${paths.map(quoteShellWord).join(' ')}`,
      async () => {
        await unstagePaths(root, paths, true);
        return false;
      },
    );
  }
}

/**
 * Undoes the run: a merge or pick it left half-done is cleared, its backport worktrees removed, then
 * HEAD, the refs and the files are put back. A paused merge or pick the user committed by hand counts
 * as the run's, as `continue` would count it.
 */
export async function undoRun(place: RunPlace, journal: Journal): Promise<RestoreReport> {
  const report: RestoreReport = { restored: [], failures: [] };
  const worktrees = planWorktrees(journal.plan.steps).filter((path) => !place.foreignWorktrees.includes(path));
  await attempt(
    report,
    "the run's half-done merge or pick and its worktrees",
    'git merge --abort / git cherry-pick --abort; git worktree prune',
    async () => {
      await recordCommittedPause(journal, place.git, place.pauseDirectory);
      await clearInterruptedOperation(journal, place.root);
      await clearPausedWork(place.git, place.pauseDirectory, worktrees);
      return false;
    },
  );
  const movesHead = planTouches(journal.plan.steps, journal.head.branch).movesHead;
  if (place.root === null) {
    // The worktree is gone (or is not this repository's): its checked-out branch and files are
    // listed as not restored, with why; the branches and tags every worktree shares still go back.
    const { error, manual } = place.unavailable;
    if (movesHead && (journal.head.branch ?? journal.head.commit) !== null)
      report.failures.push({ what: headWhat(journal.head), error, manual });
    await restoreRefs(place, journal, report);
    filesNotRestored(journal, { error, manual }, report);
    return report;
  }
  if (movesHead) await restoreHead(place.root, journal, report);
  await restoreRefs(place, journal, report);
  await restoreWorktree(place.root, journal, report);
  return report;
}
