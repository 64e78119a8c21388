// `shipwright hook pre-commit`: protected-branch rule, lint-staged through its API, staged checks.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type lintStagedApi from 'lint-staged';
import { pathToFileURL } from 'node:url';
import { resolveWorkflow } from '../app/open-repo.js';
import { projectLintStaged } from '../app/project-tools.js';
import { LINT_STAGED_FILES } from '../config/lint-staged-files.js';
import { protectedBranchNotice } from '../core/commit-composer/protected-branch.js';
import { describeLeftoverBackups } from '../core/doctor/leftover-backup.js';
import { readOperationInProgress } from '../git/read-worktrees.js';
import { readLeftoverBackups } from '../git/read-index.js';
import { readPackageJson } from '../config/load-config.js';
import { packageFolder } from './package-folder.js';
import { checkStaged } from './check-staged.js';
import type { HookContext } from './hook-context.js';
import { acquireHookLock, hookWaitMs } from './hook-lock.js';

function hasLintStagedConfig(root: string, packageJson: Record<string, unknown> | null): boolean {
  return (
    LINT_STAGED_FILES.some(([file]) => existsSync(join(root, file))) ||
    (packageJson !== null && 'lint-staged' in packageJson)
  );
}

async function refuseProtectedBranch(context: HookContext): Promise<number | null> {
  const { io } = context;
  if (io.env.SHIPWRIGHT_ENGINE === '1') return null;
  const repo = await context.open();
  // The composer warns with the same rule before the message is written (protectedBranchNotice):
  // not on the root commit, nor while a merge, pick or revert is being concluded.
  const place = {
    branch: repo.state.branch,
    hasHead: repo.state.head !== null,
    operationInProgress: readOperationInProgress(repo.state.gitDir) !== null,
  };
  // Only a commit protectedBranchNotice can refuse pays for the workflow's git read.
  if (!place.branch || !place.hasHead) return null;
  const workflow = await resolveWorkflow(repo);
  const notice = protectedBranchNotice(place, repo.loaded.config, workflow);
  if (!notice) return null;
  const { branch } = notice;
  io.stderr(
    `\nshipwright: direct commits on ${branch} are not allowed in this ${workflow} repository; changes reach ${branch} through a branch and a merge.\n`,
  );
  io.stderr('  fix: move your staged work to a new branch and commit there (staged changes come along):\n');
  io.stderr(`       ${notice.command}   (or: shipwright branch feature my-change)\n`);
  io.stderr(`  (protected branches come from "protectedBranches" in shipwright.config.json)\n`);
  return 1;
}

export async function preCommit(context: HookContext): Promise<number> {
  const refused = await refuseProtectedBranch(context);
  if (refused !== null) return refused;
  const { io } = context;
  const repo = await context.open();
  const release = await acquireHookLock(repo.state.commonDir, 'pre-commit', hookWaitMs(process.env), (holder) =>
    io.stderr(
      `shipwright: waiting for the ${holder.label} hook of another commit in this repository (process ${holder.pid}) to finish…\n`,
    ),
  );
  try {
    // Under the lock no other hook's backup is in flight: one found now was left by a killed run.
    const leftover = describeLeftoverBackups(await readLeftoverBackups(repo.cwd));
    if (leftover) io.stderr(`shipwright: ${leftover.summary}.\n  fix: ${leftover.fix}\n`);
    // A package in a subfolder: its hook runs shipwright there, and its lint-staged config and tools are there.
    const folder = packageFolder(io.cwd, repo.cwd);
    const packageJson = folder === repo.cwd ? repo.packageJson : await readPackageJson(folder);
    if (hasLintStagedConfig(folder, packageJson)) {
      // lint-staged backs up the index and working tree (a git stash), hides unstaged parts of
      // partially staged files, and restores everything on a failed task or Ctrl-C.
      // Only notes the interruption: lint-staged's own SIGINT listener aborts the tasks and restores.
      let interrupted = false;
      const noteInterrupt = () => {
        interrupted = true;
      };
      process.on('SIGINT', noteInterrupt);
      // The project's pinned lint-staged when its API fits (its version's behaviour, as the team
      // expects), else shipwright's own. ESM only: a dynamic import loads it from the CommonJS bundle.
      const pinned = projectLintStaged(folder);
      const { default: lintStaged } = (
        pinned === null ? await import('lint-staged') : await import(pathToFileURL(pinned.entry).href)
      ) as { default: typeof lintStagedApi };
      const ok = await lintStaged({ cwd: folder, color: io.color }).finally(() => process.off('SIGINT', noteInterrupt));
      if (!ok && interrupted) {
        io.stderr(
          '\nshipwright: interrupted. lint-staged stopped its tasks and put your files and index back as they were; nothing was committed.\n',
        );
        return 130;
      }
      if (!ok) {
        io.stderr(
          '\nshipwright: a lint-staged task failed (output above). Your files and index are as they were before the commit.\n',
        );
        // pre-commit runs before git takes the message (the editor has not opened yet), so there is
        // no message of this commit to point at: .git/COMMIT_EDITMSG still holds the previous one.
        io.stderr('  fix: correct the problems, `git add` the fixes, and run the same git commit command again.\n');
        return 1;
      }
    }
    return await checkStaged(context);
  } finally {
    release();
  }
}
