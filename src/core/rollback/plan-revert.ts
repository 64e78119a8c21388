// `rollback --revert`: instead of redeploying an old tag, a hotfix from the production tag whose
// commits revert, newest first, what the later releases brought — shipped as a normal patch
// release by `hotfix finish`. Release commits (`chore(release): …`) are left alone: the versions
// and changelog sections of the releases stay history, and the patch release adds its own.
import type { ConventionalCommit } from '../conventional-commits/conventional-commit.js';
import type { Plan, PlanStep } from '../plan/plan.js';

const isReleaseCommit = (commit: ConventionalCommit): boolean => commit.type === 'chore' && commit.scope === 'release';

/** The commits to revert, newest first: the later releases' own changes, no merges, no release commits. */
export const commitsToRevert = (history: readonly ConventionalCommit[]): ConventionalCommit[] =>
  history.filter((commit) => !commit.isMerge && !isReleaseCommit(commit));

export function planRevertRollback(
  start: Plan,
  branch: string,
  target: string,
  commits: readonly ConventionalCommit[],
): Plan {
  const steps: PlanStep[] = [...start.steps];
  for (const commit of commits) {
    steps.push({
      kind: 'cherry-pick',
      revert: true,
      commit: commit.raw.hash,
      into: branch,
      description: `revert ${commit.raw.hash.slice(0, 7)} "${commit.header}"`,
    });
  }
  const notes =
    commits.length === 0
      ? ['the later releases have no changes of their own to revert']
      : [`then check ${branch} and ship it as a patch release: shipwright hotfix finish`];
  return {
    title: `Roll back to ${target} by reverting ${commits.length} commit${commits.length === 1 ? '' : 's'} in a hotfix`,
    steps,
    notes,
  };
}
