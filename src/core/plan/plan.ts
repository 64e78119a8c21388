// A Plan is plain data: what a command will change, shown before it runs and executed as is.

export interface WriteFileStep {
  kind: 'write-file';
  /** Path relative to the repository root. */
  path: string;
  content: string;
  /** e.g. 0o755 for hook scripts. */
  mode?: number;
  /** One line for people, e.g. "update CHANGELOG.md with 1.4.0". */
  description: string;
}

/** A program such as `npm install`; the files it may change are restored if a later step fails. */
export interface RunCommandStep {
  kind: 'run-command';
  argv: string[];
  /** Repository-relative files the command rewrites (package.json, lockfile). */
  touches: string[];
  /** A check (e.g. the preRelease tests): its failure is a refusal (exit 1), not an environment error. */
  check?: boolean;
  description: string;
}

/** Points core.hooksPath at `<dir>/_` with husky, so the hooks in `<dir>` run. */
export interface InstallHuskyStep {
  kind: 'install-husky';
  dir: string;
  description: string;
}

/** `git switch -c name from`; undo switches back and deletes the branch. */
export interface CreateBranchStep {
  kind: 'create-branch';
  name: string;
  from: string;
  description: string;
}

/** `git switch NAME` (the tree is clean, so nothing is carried along); undo switches back. */
export interface SwitchStep {
  kind: 'switch';
  branch: string;
  /** Set on the steps that bring a change to one target branch: `continue --skip` passes them all over. */
  target?: string;
  description: string;
}

/**
 * `git merge --no-ff SOURCE` into the checked-out branch `into`. A conflict does not roll back: the
 * run pauses with the conflicted files listed, for `shipwright continue` (after resolving),
 * `continue --skip` (leave this target for later) or `abort` (put everything back).
 */
export interface MergeStep {
  kind: 'merge';
  /** What is merged: a branch or tag name, or a commit. */
  source: string;
  /** The branch merged into; it must be checked out when the step runs (a switch step before it). */
  into: string;
  message: string;
  /** As CommitStep.release: the engine's own merge into a protected branch. */
  release?: boolean;
  /** As SwitchStep.target. */
  target?: string;
  description: string;
}

/**
 * `git cherry-pick -x COMMIT` onto `into`: checked out in the repository, or detached in `worktree`
 * (a backport, which never touches the user's working tree). A merge commit is picked against its
 * first parent. Conflicts pause the run as a merge's do; a pick that turns out empty (the change is
 * already there) is dropped and reported. Never a strategy option such as -X theirs.
 */
export interface CherryPickStep {
  kind: 'cherry-pick';
  commit: string;
  /** Apply the commit's inverse instead (`git revert`): a rollback that ships as a patch release. */
  revert?: boolean;
  into: string;
  /** 1 for a merge commit: its changes relative to its first parent. */
  mainline?: 1;
  /** Absolute path of the worktree the pick runs in (added by an add-worktree step before it). */
  worktree?: string;
  release?: boolean;
  target?: string;
  description: string;
}

/** `git worktree add --detach PATH COMMIT` under .git/shipwright/; undo (and abort) remove it. */
export interface AddWorktreeStep {
  kind: 'add-worktree';
  path: string;
  commit: string;
  description: string;
}

/** Points `branch` at the worktree's HEAD (creating the branch if needed); undo puts it back. */
export interface UpdateBranchStep {
  kind: 'update-branch';
  branch: string;
  worktree: string;
  /** Where the branch must still be (null: it must not exist yet); anything else means someone moved it meanwhile. */
  expect: string | null;
  target?: string;
  description: string;
}

/** `git worktree remove` of a worktree the plan added. */
export interface RemoveWorktreeStep {
  kind: 'remove-worktree';
  path: string;
  description: string;
}

/** `git branch -D NAME` of a branch the plan has merged; undo recreates it where it was. */
export interface DeleteBranchStep {
  kind: 'delete-branch';
  name: string;
  description: string;
}

/** `git commit` of what is staged, hooks running; undo moves the branch back (files and index kept). */
export interface CommitStep {
  kind: 'commit';
  message: string;
  /**
   * A commit the release engine makes on a protected branch (`chore(release): v1.4.0` on main):
   * runs with SHIPWRIGHT_ENGINE=1 so the pre-commit hook's protected-branch rule lets it through.
   * A person's commit through `shipwright commit` leaves it unset and obeys the rule.
   */
  release?: boolean;
  description: string;
}

/** `git tag -a NAME -F -` on HEAD; undo deletes the tag. */
export interface TagStep {
  kind: 'tag';
  name: string;
  message: string;
  description: string;
}

/**
 * `git push --atomic REMOTE refspec…`: all refs or none. Always after every local step (the engine
 * refuses a plan with a local step after a push); a rejected push rolls the local steps back.
 */
export interface PushStep {
  kind: 'push';
  remote: string;
  /** e.g. `refs/heads/main:refs/heads/main`, `refs/tags/v1.4.0:refs/tags/v1.4.0`. */
  refspecs: string[];
  /** `--set-upstream`: a branch pushed for the first time tracks the remote's (written only if the push succeeds). */
  setUpstream?: boolean;
  description: string;
}

/** `git add` of the given paths; undo unstages them again. */
export interface StageStep {
  kind: 'stage';
  paths: string[];
  description: string;
}

/** The index entries of the given paths put back to HEAD's (`git reset -- paths`); the files are left alone. */
export interface UnstageStep {
  kind: 'unstage';
  paths: string[];
  description: string;
}

export type PlanStep =
  | WriteFileStep
  | RunCommandStep
  | InstallHuskyStep
  | CreateBranchStep
  | SwitchStep
  | CommitStep
  | StageStep
  | UnstageStep
  | TagStep
  | MergeStep
  | CherryPickStep
  | AddWorktreeStep
  | UpdateBranchStep
  | RemoveWorktreeStep
  | DeleteBranchStep
  | PushStep;

/**
 * What a plan was made from: HEAD, the refs it touches and the files it writes (content hash and
 * mode, null when absent), and whether the working tree was clean. The engine checks it before the
 * first write, so an edit made while a confirmation waits is never overwritten by stale content.
 */
export interface PlanBasis {
  head: string | null;
  branch: string | null;
  refs: Record<string, string | null>;
  files: Record<string, string | null>;
  clean: boolean;
}

export interface Plan {
  title: string;
  steps: PlanStep[];
  basis?: PlanBasis;
  /** Things the plan deliberately leaves alone, with the reason ("commitlint.config.js exists"). */
  notes?: string[];
}

export const describePlan = (plan: Plan): string => {
  const lines = [`${plan.title}:`];
  if (plan.steps.length === 0) lines.push('  nothing to do');
  plan.steps.forEach((step, index) => lines.push(`  ${index + 1}. ${step.description}`));
  for (const note of plan.notes ?? []) lines.push(`  · ${note}`);
  return lines.join('\n');
};
