// Plans a commit from a draft, checked by the same rules as the commit-msg hook.
import { loadCommitRules } from '../config/load-commit-rules.js';
import { composeMessage, type CommitDraft } from '../core/commit-composer/compose-message.js';
import { commitTypeChoices, typesFromRules, type CommitTypeChoice } from '../core/commit-composer/commit-types.js';
import type { Plan } from '../core/plan/plan.js';
import { readRecentScopes } from '../git/read-log.js';
import { readOperationInProgress, readWorkingTree, type WorkingTree } from '../git/read-worktrees.js';
import { lintMessageText, type LintReport } from './lint-messages.js';
import { issueOfBranch } from '../core/branch/branch-name.js';
import { scopeChoices, scopeRuleOf } from '../core/commit-composer/scope-choices.js';
import { readWorkspace } from './read-workspace.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { protectedBranchNotice, type ProtectedBranchNotice } from '../core/commit-composer/protected-branch.js';

export interface ComposerData {
  types: CommitTypeChoice[];
  scopes: string[];
  tree: WorkingTree;
  /** The issue the branch is named after (`feature/42-…`), for the composer's closes field. */
  issue: number | null;
  /** The scopes are scope-enum's (`always`): no other scope passes the rules. */
  scopeEnum: boolean;
  /** Set when the pre-commit hook would refuse a commit on this branch: said before the message is written. */
  protectedBranch: ProtectedBranchNotice | null;
}

/**
 * What the composer offers: types from the rules; scopes from scope-enum, else recent history and
 * the workspace's packages; staged files.
 */
export async function readComposerData(repo: OpenRepo): Promise<ComposerData> {
  const [rules, recent, tree, workspace, workflow] = await Promise.all([
    loadCommitRules(repo.cwd),
    readRecentScopes(repo.cwd),
    readWorkingTree(repo.cwd),
    readWorkspace(repo),
    resolveWorkflow(repo),
  ]);
  const place = {
    branch: repo.state.branch,
    hasHead: repo.state.head !== null,
    operationInProgress: readOperationInProgress(repo.state.gitDir) !== null,
  };
  const scopeRule = scopeRuleOf(rules.rules);
  const packages = workspace.source === 'single' ? [] : workspace.packages.map((pkg) => pkg.name);
  return {
    types: commitTypeChoices(typesFromRules(rules.rules), repo.loaded.config.bumpRules),
    scopes: scopeChoices({ rule: scopeRule, packages, recent }),
    scopeEnum: scopeRule?.when === 'always',
    tree,
    issue: issueOfBranch(repo.state.branch),
    protectedBranch: protectedBranchNotice(place, repo.loaded.config, workflow),
  };
}

export interface CommitPlan {
  plan: Plan;
  message: string;
  report: LintReport;
}

export async function planCommit(repo: OpenRepo, draft: CommitDraft): Promise<CommitPlan> {
  const message = composeMessage(draft);
  const report = await lintMessageText(repo.cwd, message);
  const header = message.split('\n')[0] ?? '';
  return {
    message,
    report,
    plan: { title: 'Commit', steps: [{ kind: 'commit', message, description: `commit "${header}"` }] },
  };
}
