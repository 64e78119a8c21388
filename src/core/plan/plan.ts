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

/** `git commit` of what is staged, hooks running; undo moves the branch back (files and index kept). */
export interface CommitStep {
  kind: 'commit';
  message: string;
  description: string;
}

/** `git add` of the given paths; undo unstages them again. */
export interface StageStep {
  kind: 'stage';
  paths: string[];
  description: string;
}

export type PlanStep = WriteFileStep | RunCommandStep | InstallHuskyStep | CreateBranchStep | CommitStep | StageStep;

export interface Plan {
  title: string;
  steps: PlanStep[];
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
