// Backports as a Plan: for each target, a private worktree detached at the target, one `-x` pick
// per missing commit (oldest first; a merge against its first parent), the target branch (or a
// backport/… branch) moved to the result, the worktree removed. The user's working tree and
// checked-out branch are never involved. Commits already on a target are not picked again.
import type { Plan, PlanStep } from '../plan/plan.js';
import type { Presence } from './backport-matrix.js';

export interface BackportCommit {
  hash: string;
  subject: string;
  merge: boolean;
}

export interface BackportTarget {
  branch: string;
  /** The commit the branch is at: the worktree starts there, and the branch must still be there at the end. */
  at: string;
  /** Presence of each commit (same order as `commits`) on this target. */
  presence: Presence[];
  /** Only origin has the branch: `at` is `origin/NAME`'s commit and the backport creates the local branch. */
  fromOrigin?: boolean;
}

interface BackportPlanInput {
  /** Oldest first. */
  commits: BackportCommit[];
  targets: BackportTarget[];
  /** Where private worktrees go: `<git dir>/shipwright/worktrees`. */
  worktreeDir: string;
  /** Put each result on a new `backport/<sha>-to-<target>` branch instead of moving the target. */
  branchPerTarget: boolean;
}

export interface BackportPlan {
  plan: Plan;
  /** Per target: what is picked, and what was already there. */
  results: { target: string; resultBranch: string; picked: string[]; present: string[] }[];
}

const PRESENCE_WORDS: Record<Exclude<Presence, 'missing'>, string> = {
  reachable: 'already in its history',
  'same-patch': 'the same change is already there',
  picked: 'already cherry-picked there',
};

/** A folder name from a branch name: `release/1.4` → `release-1.4`. */
const slug = (branch: string): string => branch.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+/, '') || 'branch';

export const backportBranchName = (commit: string, target: string): string =>
  `backport/${commit.slice(0, 7)}-to-${slug(target)}`;

/** FNV-1a of the branch name: two names with one slug (`release/1.4`, `release-1.4`) get two folders. */
function nameHash(name: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0').slice(0, 6);
}

/** The private worktree of one target: the same for the same branch, whatever plans are joined. */
const worktreePath = (worktreeDir: string, target: string): string =>
  `${worktreeDir}/${slug(target)}-${nameHash(target)}`;

export function planBackport(input: BackportPlanInput): BackportPlan {
  const steps: PlanStep[] = [];
  const notes: string[] = [];
  const results: BackportPlan['results'] = [];
  for (const target of input.targets) {
    const missing = input.commits.filter((_, at) => target.presence[at] === 'missing');
    const present = input.commits.filter((_, at) => target.presence[at] !== 'missing');
    input.commits.forEach((commit, at) => {
      const presence = target.presence[at];
      if (presence && presence !== 'missing')
        notes.push(`${commit.hash.slice(0, 7)} is not picked onto ${target.branch}: ${PRESENCE_WORDS[presence]}`);
    });
    const resultBranch =
      input.branchPerTarget && missing[0] ? backportBranchName(missing[0].hash, target.branch) : target.branch;
    results.push({
      target: target.branch,
      resultBranch,
      picked: missing.map((commit) => commit.hash),
      present: present.map((commit) => commit.hash),
    });
    if (missing.length === 0) continue;
    const path = worktreePath(input.worktreeDir, target.branch);
    steps.push({
      kind: 'add-worktree',
      path,
      commit: target.at,
      description: `check out ${target.fromOrigin ? `origin/${target.branch}` : target.branch} in a private worktree`,
    });
    for (const commit of missing) {
      steps.push({
        kind: 'cherry-pick',
        commit: commit.hash,
        into: target.branch,
        worktree: path,
        ...(commit.merge ? { mainline: 1 as const } : {}),
        target: target.branch,
        description: `pick ${commit.hash.slice(0, 7)} "${commit.subject}" onto ${target.branch}${commit.merge ? ' (a merge: against its first parent)' : ''}`,
      });
    }
    const onTarget = resultBranch === target.branch;
    const description = !onTarget
      ? `create ${resultBranch} with the picked commits (${target.branch} stays as it is)`
      : target.fromOrigin
        ? `create ${target.branch} from origin/${target.branch} with the picked commits`
        : `move ${target.branch} to the picked commits`;
    // A branch only origin had is created (expect null): one made meanwhile is never overwritten.
    steps.push({
      kind: 'update-branch',
      branch: resultBranch,
      worktree: path,
      expect: onTarget && !target.fromOrigin ? target.at : null,
      target: target.branch,
      description,
    });
    steps.push({ kind: 'remove-worktree', path, description: `remove the worktree of ${target.branch}` });
  }
  const moved = results.filter((result) => result.picked.length > 0).map((result) => result.resultBranch);
  if (moved.length > 0) notes.push(`nothing is pushed: when ready, git push origin ${moved.join(' ')}`);
  return {
    plan: { title: `Backport ${input.commits.length} commit${input.commits.length === 1 ? '' : 's'}`, steps, notes },
    results,
  };
}
