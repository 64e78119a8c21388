// Puts a repository back to the journal's snapshot: original branch, refs, files, their index
// entries. Idempotent (what is already right is left alone), so it is safe to run twice. The refs
// are the repository's, put back from any worktree; the checked-out branch and the files are the
// run's worktree's, and are reported as not restored when that worktree is gone.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { quoteShellWord, shellCommand } from '../core/display-text/shell-words.js';
import { readConfigValue } from '../git/read-config.js';
import { readRefValue } from '../git/read-refs.js';
import { readRepoState } from '../git/read-repo.js';
import { readWorktreeBranches, realPath } from '../git/read-worktrees.js';
import { switchTo, deleteRef, detachHeadAt, pointHeadAt, updateRef } from '../git/write-refs.js';
import { setConfigValue, unsetConfigValue } from '../git/write-config.js';
import { unstagePaths } from '../git/write-index.js';
import type { Journal } from './journal.js';
import type { RunPlace } from './run-worktree.js';
import { insideRoot, removeTempFiles, writeAtomically } from './steps/write-file.js';

/** The command that puts a ref at `value` (null: deletes it), to print for pasting. */
const updateRefCommand = (name: string, value: string | null): string =>
  shellCommand(value === null ? ['git', 'update-ref', '-d', name] : ['git', 'update-ref', name, value]);

export interface RestoreFailure {
  what: string;
  error: string;
  /** The command that does it by hand. */
  manual: string;
}

/** One line for a failure, with the command that does it by hand. */
export const describeRestoreFailure = (failure: RestoreFailure): string =>
  `${failure.what}: ${failure.error} (by hand: ${failure.manual})`;

export interface RestoreReport {
  restored: string[];
  failures: RestoreFailure[];
}

/** Where to restore: the run's worktree (null when gone), where git runs for the shared refs, and why the worktree is missing. */
export type RestorePlace = Pick<RunPlace, 'root' | 'git' | 'unavailable'>;

/** The run's own worktree, found where it ran: nothing missing. */
export const runningIn = (root: string): RestorePlace => ({ root, git: root, unavailable: null });

async function attempt(
  report: RestoreReport,
  what: string,
  manual: string,
  action: () => Promise<boolean>,
): Promise<void> {
  try {
    if (await action()) report.restored.push(what);
  } catch (error) {
    report.failures.push({ what, manual, error: (error as Error).message });
  }
}

/**
 * Whether a ref was moved by someone else: only after a pause (the user had the repository in hand;
 * a crash may fall between a step and its record), to a value none of the run's steps left it at.
 * A value the run produced counts even when its own undo went back to it (a deleted branch recreated).
 */
function movedByOthers(journal: Journal, ref: string, current: string | null): boolean {
  if (journal.pausedOnce !== true || journal.refValues === undefined) return false;
  return !(journal.refValues[ref] ?? []).includes(current);
}

/**
 * Checks out the original branch (files follow); a moved branch is then put back with the other
 * refs. When the branch itself is gone (the run deleted it), it is recreated where the journal had
 * it first, so the switch brings its files too.
 */
async function checkOutBranch(root: string, journal: Journal, branch: string, report: RestoreReport): Promise<void> {
  if ((await readRepoState(root)).branch === branch) return;
  await attempt(report, `branch ${branch} checked out`, shellCommand(['git', 'switch', branch]), async () => {
    if ((await readRefValue(root, `refs/heads/${branch}`)) === null) {
      const recorded = journal.refs.find((ref) => ref.name === `refs/heads/${branch}`)?.value ?? null;
      if (recorded === null) {
        await pointHeadAt(root, branch);
        return true;
      }
      await updateRef(root, `refs/heads/${branch}`, recorded);
    }
    await switchTo(root, branch);
    return true;
  });
}

async function detachAt(root: string, commit: string, report: RestoreReport): Promise<void> {
  const state = await readRepoState(root);
  if (state.branch === null && state.head === commit) return;
  await attempt(report, `HEAD detached at ${commit.slice(0, 7)}`, `git switch --detach ${commit}`, async () => {
    await detachHeadAt(root, commit);
    return true;
  });
}

/** Refs and HEAD only: used after the steps' own undo, to verify nothing was left moved. */
export async function restoreRefs(
  place: RestorePlace,
  journal: Journal,
  report: RestoreReport = { restored: [], failures: [] },
): Promise<RestoreReport> {
  const { branch, commit } = journal.head;
  const restoresHead = journal.restoresHead !== false;
  const { root, git } = place;
  if (restoresHead && root !== null && branch !== null) await checkOutBranch(root, journal, branch, report);
  if (restoresHead && root === null && place.unavailable && (branch ?? commit) !== null) {
    const { error, manual } = place.unavailable;
    report.failures.push({
      what: branch !== null ? `branch ${branch} checked out` : `HEAD detached at ${commit?.slice(0, 7)}`,
      error,
      manual,
    });
  }
  // A branch checked out in another worktree (or in the run's, other than the branch put back there)
  // is moved there only by that worktree's own reset: an update-ref under it would leave its index
  // and files behind.
  const checkedOut = await readWorktreeBranches(git).catch(() => new Map<string, string>());
  for (const journaled of journal.refs) {
    const current = await readRefValue(git, journaled.name);
    // Where the user left it during a pause, when a later step of the run built on it: put back there.
    const user =
      journal.userValues !== undefined && journaled.name in journal.userValues
        ? (journal.userValues[journaled.name] ?? null)
        : undefined;
    const ref = { name: journaled.name, value: user === undefined ? journaled.value : user };
    const manual = updateRefCommand(ref.name, ref.value);
    if (current !== journaled.value && movedByOthers(journal, ref.name, current)) {
      // Someone else moved it after the run last did (a commit during a pause): theirs stays.
      const back = updateRefCommand(ref.name, journaled.value);
      report.restored.push(
        `${ref.name} left at ${current?.slice(0, 7) ?? 'nothing'}: it was moved outside this run (before the run: ${journaled.value?.slice(0, 7) ?? 'absent'}; ${back} puts it back)`,
      );
      continue;
    }
    const yours =
      user === undefined
        ? ''
        : ` (where it was moved outside this run during the pause; before the run: ${journaled.value?.slice(0, 7) ?? 'absent'})`;
    const what =
      ref.value === null ? `${ref.name} deleted${yours}` : `${ref.name} back at ${ref.value.slice(0, 7)}${yours}`;
    const elsewhere = ref.name.startsWith('refs/heads/')
      ? checkedOut.get(ref.name.slice('refs/heads/'.length))
      : undefined;
    // The run's own worktree is exempt only for the branch this restore checked out there again
    // (the run moved HEAD); any other branch checked out there (a backport's target the user
    // switched to during the pause) is the user's working tree, as in another worktree.
    const ownBranch =
      restoresHead &&
      branch !== null &&
      ref.name === `refs/heads/${branch}` &&
      root !== null &&
      elsewhere !== undefined &&
      realPath(elsewhere) === realPath(root);
    if (current !== ref.value && elsewhere !== undefined && existsSync(elsewhere) && !ownBranch) {
      const reset =
        ref.value === null
          ? `git switch --detach && ${shellCommand(['git', 'branch', '-D', ref.name.slice('refs/heads/'.length)])}`
          : `git reset --keep ${ref.value}`;
      report.failures.push({
        what,
        error: `it is checked out in the worktree ${elsewhere}`,
        manual: `cd ${quoteShellWord(elsewhere)} && ${reset}`,
      });
      continue;
    }
    await attempt(report, what, manual, async () => {
      if (current === ref.value) return false;
      if (ref.value === null) await deleteRef(git, ref.name);
      else await updateRef(git, ref.name, ref.value);
      return true;
    });
  }
  if (restoresHead && root !== null && branch === null && commit !== null) await detachAt(root, commit, report);
  return report;
}

/** Everything the journal recorded: `shipwright abort` and an interrupted run's rollback. */
export async function restoreFromJournal(place: RestorePlace, journal: Journal): Promise<RestoreReport> {
  const report = await restoreRefs(place, journal);
  const { root } = place;
  if (root === null) {
    // The files were the run's worktree's alone: nothing here to write them to.
    const { error, manual } = place.unavailable ?? { error: "the run's worktree is unknown", manual: 'git status' };
    for (const file of journal.files) report.failures.push({ what: file.path, error, manual });
    return report;
  }
  // The journal's bytes are the original branch's: written into a worktree left on another branch
  // (its switch back refused), they would overwrite that branch's files.
  const { branch, commit } = journal.head;
  if (journal.restoresHead !== false && (branch ?? commit) !== null) {
    const now = await readRepoState(root);
    const back = branch !== null ? now.branch === branch : now.branch === null && now.head === commit;
    if (!back) {
      const error = `not written: ${root} is on ${now.branch ?? 'a detached HEAD'}, not ${branch ?? commit?.slice(0, 7)}, which they belong to`;
      const manual = `git switch ${branch === null ? `--detach ${commit}` : quoteShellWord(branch)}, then shipwright abort`;
      for (const file of journal.files) report.failures.push({ what: file.path, error, manual });
      return report;
    }
  }
  await removeTempFiles(
    root,
    journal.files.map((file) => file.path),
  );
  const { hooks } = journal;
  if (hooks !== undefined) {
    const manual =
      hooks.hooksPath === null
        ? 'git config --unset core.hooksPath'
        : `git config core.hooksPath ${quoteShellWord(hooks.hooksPath)}`;
    await attempt(
      report,
      `core.hooksPath ${hooks.hooksPath === null ? 'unset' : `back at ${hooks.hooksPath}`}`,
      manual,
      async () => {
        if (!hooks.internalExisted) await rm(insideRoot(root, hooks.internal), { recursive: true, force: true });
        if ((await readConfigValue(root, 'core.hooksPath')) === hooks.hooksPath) return false;
        if (hooks.hooksPath === null) await unsetConfigValue(root, 'core.hooksPath');
        else await setConfigValue(root, 'core.hooksPath', hooks.hooksPath);
        return true;
      },
    );
  }
  for (const file of journal.files) {
    const manual = journal.head.commit
      ? `git checkout ${journal.head.commit} -- ${quoteShellWord(file.path)}`
      : `rm ${quoteShellWord(file.path)}`;
    await attempt(report, file.path, manual, async () => {
      const full = insideRoot(root, file.path);
      if (file.content === null) await rm(full, { force: true });
      else await writeAtomically(full, Buffer.from(file.content, 'base64'), file.mode ?? undefined);
      return true;
    });
  }
  const paths = journal.files.map((file) => file.path);
  if (paths.length > 0 && journal.head.commit !== null) {
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
  return report;
}
