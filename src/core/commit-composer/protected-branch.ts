// The composer's warning on a branch the pre-commit hook refuses direct commits on: said before the
// message is written, with the way out, rather than after the hook has refused it.
import type { ShipwrightConfig, Workflow } from '../config/config-types.js';
import { shellCommand } from '../display-text/shell-words.js';
import { commitProtectedBranches } from '../hooks/branch-rules.js';

export interface ProtectedBranchNotice {
  branch: string;
  /** What happens: the commit would be refused, and why. */
  summary: string;
  /** The command that moves the staged work to a new branch (staged changes come along). */
  command: string;
}

export interface CommitPlace {
  branch: string | null;
  /** False before the first commit: a new repository's root commit is allowed anywhere. */
  hasHead: boolean;
  /** A merge, cherry-pick or revert is being concluded: the hook lets that commit through. */
  operationInProgress: boolean;
}

/**
 * The notice when the pre-commit hook would refuse a commit here (the same rule:
 * commitProtectedBranches), else null.
 */
export function protectedBranchNotice(
  place: CommitPlace,
  config: ShipwrightConfig,
  workflow: Workflow,
): ProtectedBranchNotice | null {
  const { branch } = place;
  if (!branch || !place.hasHead || place.operationInProgress) return null;
  if (!commitProtectedBranches(config, workflow).includes(branch)) return null;
  const prefix = config.branchTypes.feature?.prefix ?? Object.values(config.branchTypes)[0]?.prefix ?? 'feature/';
  return {
    branch,
    summary: `${branch} is protected: the pre-commit hook refuses direct commits on ${branch} in this ${workflow} repository (changes reach it through a branch and a merge).`,
    command: shellCommand(['git', 'switch', '-c', `${prefix}my-change`]),
  };
}
