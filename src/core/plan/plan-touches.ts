// What a Plan may change, derived from its steps alone: the refs it moves or creates and the files
// it writes. The engine snapshots exactly these in its journal before the first write.
import type { PlanStep } from './plan.js';

export interface PlanTouches {
  /** Full ref names (`refs/heads/main`, `refs/tags/v1.4.0`), in first-touched order. */
  refs: string[];
  /** Repository-relative paths. */
  files: string[];
  /** Whether the checked-out branch or HEAD changes (a backport in worktrees leaves both alone). */
  movesHead: boolean;
}

const MOVES_HEAD: ReadonlySet<PlanStep['kind']> = new Set([
  'create-branch',
  'switch',
  'commit',
  'merge',
  'delete-branch',
]);

/**
 * `branch` is the branch checked out when the plan starts (null when detached): a commit moves
 * whichever branch is checked out at that point, which a create-branch step before it changes.
 * A push moves only the remote's refs, which a rejected atomic push leaves alone.
 */
export function planTouches(steps: readonly PlanStep[], branch: string | null): PlanTouches {
  const refs = new Set<string>();
  const files = new Set<string>();
  let current = branch;
  for (const step of steps) {
    switch (step.kind) {
      case 'write-file':
        files.add(step.path);
        break;
      case 'run-command':
        step.touches.forEach((path) => files.add(path));
        break;
      case 'create-branch':
        refs.add(`refs/heads/${step.name}`);
        current = step.name;
        break;
      case 'switch':
        current = step.branch;
        break;
      case 'commit':
        if (current !== null) refs.add(`refs/heads/${current}`);
        break;
      case 'merge':
        refs.add(`refs/heads/${step.into}`);
        break;
      case 'delete-branch':
        refs.add(`refs/heads/${step.name}`);
        break;
      case 'cherry-pick':
        // In a worktree the pick moves a detached HEAD; the update-branch step after it moves the branch.
        if (!step.worktree) refs.add(`refs/heads/${step.into}`);
        break;
      case 'update-branch':
        refs.add(`refs/heads/${step.branch}`);
        break;
      case 'add-worktree':
      case 'remove-worktree':
        break;
      case 'tag':
        refs.add(`refs/tags/${step.name}`);
        break;
      case 'stage':
      case 'install-husky':
      case 'push':
        break;
    }
  }
  const movesHead = steps.some((step) => MOVES_HEAD.has(step.kind) || (step.kind === 'cherry-pick' && !step.worktree));
  return { refs: [...refs], files: [...files], movesHead };
}

/** Index of the first local step that follows a push, or -1: nothing may be pushed before every local step. */
export function localStepAfterPush(steps: readonly PlanStep[]): number {
  const firstPush = steps.findIndex((step) => step.kind === 'push');
  if (firstPush === -1) return -1;
  return steps.findIndex((step, index) => index > firstPush && step.kind !== 'push');
}

/** The worktrees a plan adds: removed again by an abort or a rollback. */
export const planWorktrees = (steps: readonly PlanStep[]): string[] =>
  steps.flatMap((step) => (step.kind === 'add-worktree' ? [step.path] : []));

/** The branch a step brings changes to, when it belongs to one target of a fan-out. */
export const stepTarget = (step: PlanStep): string | undefined => ('target' in step ? step.target : undefined);
