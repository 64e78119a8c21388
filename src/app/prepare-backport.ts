// Gathers what `shipwright backport SHA... --to BRANCH...` needs — the commits in the order to pick
// them, each target's patch-aware presence (read per target as the matrix reads it), the branches
// checked out anywhere — and turns it into the Plan.
import { shellCommand, flagWords } from '../core/display-text/shell-words.js';
import { withBasis } from '../engine/plan-basis.js';
import { join } from 'node:path';
import { commitsPresence } from '../core/backport/backport-matrix.js';
import { orderAncestorsFirst } from '../core/backport/order-ancestors-first.js';
import {
  backportBranchName,
  planBackport,
  type BackportCommit,
  type BackportPlan,
  type BackportTarget,
} from '../core/backport/plan-backport.js';
import { checkFailed, usageError } from '../core/errors.js';
import { assertNoPendingRun } from '../engine/engine-lock.js';
import { shipwrightDir } from '../engine/journal.js';
import { readCommitParents } from '../git/read-ancestry.js';
import { readCommitSummaries, type CommitSummary } from '../git/read-log.js';
import { readRefValue, readRefValues, refExists, listLocalAndOriginBranches } from '../git/read-refs.js';
import { readCheckedOutBranches } from '../git/read-worktrees.js';
import { readTargetHistories, type TargetBranch, type TargetRead } from './read-target-histories.js';
import { branchAsTyped } from '../core/backport/backport-branches.js';
import type { OpenRepo } from './open-repo.js';

interface BackportRequest {
  commits: string[];
  targets: string[];
  /** `--package NAME`: `--to 1.x` names that package's line (`NAME@1.x`). */
  package?: string;
}

export interface PreparedBackport extends BackportPlan {
  commits: BackportCommit[];
}

async function resolveCommits(repo: OpenRepo, revisions: readonly string[]): Promise<CommitSummary[]> {
  const hashes: string[] = [];
  for (const revision of revisions) {
    const hash = await readRefValue(repo.cwd, `${revision}^{commit}`);
    if (hash === null)
      throw usageError(
        `'${revision}' is not a commit here.`,
        'pass commit hashes (git log --oneline shows them; shipwright backport --list shows the missing ones)',
      );
    if (!hashes.includes(hash)) hashes.push(hash);
  }
  const summaries = await readCommitSummaries(repo.cwd, hashes);
  // Oldest first, so later fixes apply on top of earlier ones; dates tie within a rebased series.
  return summaries.sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
}

/**
 * Parents before children, the date order otherwise (a stable topological order), from one
 * `rev-list --parents` of the history between the commits rather than a `merge-base --is-ancestor`
 * per pair. It needs no merge-base of its own: the bases the per-target reads found are ancestors
 * of every commit in the series, so they bound the walk (none when no target shares history with
 * the series: then the commits' whole histories are read).
 */
async function ancestorsFirst(
  repo: OpenRepo,
  commits: CommitSummary[],
  histories: readonly TargetRead[],
): Promise<CommitSummary[]> {
  if (commits.length < 2) return commits;
  const bases = histories.flatMap((read) => read.bases);
  return orderAncestorsFirst(
    commits,
    await readCommitParents(
      repo.cwd,
      commits.map((commit) => commit.hash),
      bases,
    ),
  );
}

const headRef = (branch: string): string => `refs/heads/${branch}`;
const originRef = (branch: string): string => `refs/remotes/origin/${branch}`;

interface ResolvedTarget extends TargetBranch {
  /** The commit the target is at: its local branch, or origin's when there is none yet. */
  at: string;
  /** No local branch: the backport creates it from `origin/NAME` (with the picks on top). */
  fromOrigin: boolean;
}

/**
 * `--to 15.x` or `--to origin/15.x`: the local branch, else origin's, whose local branch the
 * backport creates (a fresh clone has maintenance lines only on origin).
 */
async function resolveTargetNames(
  repo: OpenRepo,
  typed: readonly string[],
  pkg: string | undefined,
): Promise<{ names: string[]; local: string[] }> {
  const lists = await listLocalAndOriginBranches(repo.cwd);
  const names: string[] = [];
  for (const name of typed) {
    const resolved = branchAsTyped({ branches: lists.local, remoteBranches: lists.remote }, name, pkg);
    if (resolved === null) {
      const bare = name.replace(/^origin\//, '');
      throw usageError(
        `--to ${name}: there is no branch '${bare}' here or on origin.`,
        `fetch it first (git fetch origin ${bare}), or name another branch (git branch --all lists them)`,
      );
    }
    if (!names.includes(resolved)) names.push(resolved);
  }
  return { names, local: lists.local };
}

/** The commit each target is at (one for-each-ref), refusing one that is checked out. */
async function readTargets(
  repo: OpenRepo,
  targets: readonly string[],
  branchPerTarget: boolean,
  localBranches: readonly string[],
): Promise<ResolvedTarget[]> {
  const refs = targets.flatMap((target) => [headRef(target), originRef(target)]);
  const [values, checkedOut] = await Promise.all([readRefValues(repo.cwd, refs), readCheckedOutBranches(repo.cwd)]);
  return targets.map((target) => {
    const local = values[headRef(target)];
    const remote = values[originRef(target)];
    if (!local && !remote) {
      throw usageError(
        `--to ${target}: there is no such branch here or on origin.`,
        `fetch it first: git fetch origin ${target}`,
      );
    }
    if (!local) return { name: target, ref: originRef(target), at: remote as string, fromOrigin: true };
    if (!branchPerTarget && checkedOut.includes(target)) {
      // A branch to switch to that exists and is not the target itself (else a detached HEAD).
      const { production, integration } = repo.loaded.config.branches;
      const elsewhere = [production, integration].find(
        (name) => name !== target && localBranches.includes(name) && !checkedOut.includes(name),
      );
      const away = elsewhere ? shellCommand(['git', 'switch', elsewhere]) : 'git switch --detach';
      throw checkFailed(
        `${target} is checked out${target === repo.state.branch ? ' here' : ' in another worktree'}; a backport moves the branch and would pull it from under that working tree.`,
        {
          code: 'target-checked-out',
          fix: `switch to another branch first (${away}${target === repo.state.branch ? '' : ', in that worktree'}), or set "backport": { "branches": true } to get a backport/… branch instead`,
        },
      );
    }
    return { name: target, ref: headRef(target), at: local, fromOrigin: false };
  });
}

export async function prepareBackport(repo: OpenRepo, request: BackportRequest): Promise<PreparedBackport> {
  assertNoPendingRun(repo.state.commonDir);
  if (request.commits.length === 0)
    throw usageError(
      'Name the commits to backport.',
      'shipwright backport SHA... --to BRANCH   (shipwright backport --list shows what is missing)',
    );
  if (request.targets.length === 0)
    throw usageError(
      'Name the branches to backport to with --to.',
      `${shellCommand(['shipwright', 'backport', ...request.commits])} ${flagWords('--to', repo.loaded.config.branches.integration)}`,
    );
  if (request.package !== undefined) {
    const { readWorkspace } = await import('./read-workspace.js');
    const { selectPackages } = await import('./read-packages-state.js');
    selectPackages(await readWorkspace(repo), [request.package]);
  }
  const branchPerTarget = repo.loaded.config.backport.branches;
  const { names: targets, local } = await resolveTargetNames(repo, request.targets, request.package);
  const heads = await readTargets(repo, targets, branchPerTarget, local);
  const byDate = await resolveCommits(repo, request.commits);
  // Read as the matrix reads it: per target, what these commits bring that the target lacks.
  const histories = await readTargetHistories(
    repo.cwd,
    heads,
    byDate.map((commit) => commit.hash),
  );
  const summaries = await ancestorsFirst(repo, byDate, histories);
  const commits = summaries.map((commit) => ({
    hash: commit.hash,
    subject: commit.subject,
    merge: commit.parents.length > 1,
  }));
  const presence: BackportTarget[] = heads.map((target, index) => ({
    branch: target.name,
    at: target.at,
    ...(target.fromOrigin ? { fromOrigin: true } : {}),
    presence: commitsPresence((histories[index] as TargetRead).history, summaries),
  }));
  if (branchPerTarget) {
    for (const { branch, presence: cells } of presence) {
      const first = commits.find((_, index) => cells[index] === 'missing');
      if (first && (await refExists(repo.cwd, headRef(backportBranchName(first.hash, branch))))) {
        throw checkFailed(`${backportBranchName(first.hash, branch)} already exists: this backport was made before.`, {
          code: 'backport-exists',
          fix: `look at it (${shellCommand(['git', 'log', backportBranchName(first.hash, branch)])}), and delete it to redo it (${shellCommand(['git', 'branch', '-D', backportBranchName(first.hash, branch)])})`,
        });
      }
    }
  }
  const planned = planBackport({
    commits,
    targets: presence,
    worktreeDir: join(shipwrightDir(repo.state.commonDir), 'worktrees'),
    branchPerTarget,
  });
  return withBasis(repo.state, { ...planned, commits });
}
