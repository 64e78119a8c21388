// The rollback plan: the target, what each release after it brought, and how to redeploy it.
import type { DeployConfig } from '../config/config-types.js';
import { splitIntoSections } from '../changelog/release-section.js';
import type { ConventionalCommit } from '../conventional-commits/conventional-commit.js';
import { summarizeCommits, type CommitSummary } from '../conventional-commits/summarize-commits.js';
import type { ReleaseTag } from '../tags/release-tag.js';
import { redeployAction, type GhAvailability, type RedeployAction } from './redeploy-action.js';
import type { RollbackSelection } from './select-rollback-target.js';

interface RolledBackRelease {
  tag: ReleaseTag;
  /** Newest first, merges excluded. */
  commits: ConventionalCommit[];
  summary: CommitSummary;
}

export interface RollbackPlan {
  /** Every release tag considered, newest first. */
  releases: ReleaseTag[];
  current: ReleaseTag;
  target: ReleaseTag;
  /** The releases newer than the target, newest first, with what each brought. */
  rolledBack: RolledBackRelease[];
  action: RedeployAction;
}

interface RollbackPlanInput {
  selection: RollbackSelection;
  /** `git log` of the later releases excluding the target's history, newest first. */
  history: readonly ConventionalCommit[];
  deploy: Pick<DeployConfig, 'workflow' | 'tagInput'>;
  gh: GhAvailability;
}

export function planRollback({ selection, history, deploy, gh }: RollbackPlanInput): RollbackPlan {
  // The target's own section is empty (its history is outside the log); it is there so the
  // oldest later release is compared with it, as a changelog would.
  const sections = splitIntoSections(history, [...selection.later, selection.target]);
  const rolledBack = selection.later.map((tag) => {
    const commits = sections.find((section) => section.currentTag === tag.name)?.commits ?? [];
    return { tag, commits, summary: summarizeCommits(commits) };
  });
  return {
    releases: selection.releases,
    current: selection.current,
    target: selection.target,
    rolledBack,
    action: redeployAction(selection.target.name, deploy, gh),
  };
}
