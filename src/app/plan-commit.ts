// Plans a commit from a draft, checked by the same rules as the commit-msg hook.
import { loadCommitRules } from '../config/load-commit-rules.js';
import { composeMessage, type CommitDraft } from '../core/commit-composer/compose-message.js';
import { commitTypeChoices, typesFromRules, type CommitTypeChoice } from '../core/commit-composer/commit-types.js';
import { checkFailed, type ShipwrightError } from '../core/errors.js';
import type { Plan } from '../core/plan/plan.js';
import { readRecentScopes } from '../git/read-log.js';
import { readOperationInProgress, readWorkingTree, type WorkingTree } from '../git/read-worktrees.js';
import { lintMessageText, type LintReport } from './lint-messages.js';
import { issueOfBranch } from '../core/branch/branch-name.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { afterCommit } from '../core/display-text/next-steps.js';
import { branchPrefix } from '../config/branch-prefix.js';
import { listRemotes, readUpstream } from '../git/read-remote.js';
import { scopeChoices, scopeRuleOf } from '../core/commit-composer/scope-choices.js';
import { readWorkspace } from './read-workspace.js';
import { protectedBranchNotice, type ProtectedBranchNotice } from '../core/commit-composer/protected-branch.js';

export interface ComposerData {
  types: CommitTypeChoice[];
  scopes: string[];
  tree: WorkingTree;
  /** The issue the branch is named after (`feature/42-…`), for the composer's closes field. */
  issue: number | null;
  /** The scopes are scope-enum's (`always`): no other scope passes the rules. */
  scopeEnum: boolean;
  /** What to do once the commit is made (push and open a PR, release, finish). */
  nextStep: string;
  /** Set when the pre-commit hook would refuse a commit on this branch: said before the message is written. */
  protectedBranch: ProtectedBranchNotice | null;
}

/**
 * What the composer offers: types from the rules; scopes from scope-enum, else recent history and
 * the workspace's packages; staged files.
 */
export async function readComposerData(repo: OpenRepo): Promise<ComposerData> {
  const { branch } = repo.state;
  const [rules, recent, tree, workspace, workflow, upstream, remotes] = await Promise.all([
    loadCommitRules(repo.cwd),
    readRecentScopes(repo.cwd),
    readWorkingTree(repo.cwd),
    readWorkspace(repo),
    resolveWorkflow(repo),
    branch ? readUpstream(repo.cwd, branch) : Promise.resolve(null),
    listRemotes(repo.cwd),
  ]);
  const { config } = repo.loaded;
  const place = {
    branch,
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
    issue: issueOfBranch(branch),
    nextStep: afterCommit({
      branch,
      workflow,
      ...config.branches,
      releasePrefix: branchPrefix(config, 'release'),
      hotfixPrefix: branchPrefix(config, 'hotfix'),
      upstreamRemote: upstream?.remote ?? null,
      pushRemote: remotes.includes('origin') ? 'origin' : remotes.length === 1 ? (remotes[0] ?? null) : null,
    }),
    protectedBranch: protectedBranchNotice(place, config, workflow),
  };
}

export interface CommitPlan {
  plan: Plan;
  message: string;
  report: LintReport;
}

/** `nothing-staged`: git would refuse the commit, so it is refused before the message is even checked. */
export function nothingStaged(tree: WorkingTree): ShipwrightError {
  const shown = tree.unstaged.slice(0, 3).map((file) => file.path);
  return checkFailed('Nothing is staged, so there is nothing to commit.', {
    code: 'nothing-staged',
    fix:
      tree.unstaged.length > 0
        ? `stage your changes first: git add ${shown.join(' ')}${tree.unstaged.length > 3 ? ' …' : ''}`
        : 'change some files and git add them',
  });
}

/** The commit the CLI and the composer make; throws `nothing-staged` when the index has no change. */
export async function planCommit(repo: OpenRepo, draft: CommitDraft): Promise<CommitPlan> {
  const tree = await readWorkingTree(repo.cwd);
  if (tree.staged.length === 0) throw nothingStaged(tree);
  const message = composeMessage(draft);
  const report = await lintMessageText(repo.cwd, message);
  const header = message.split('\n')[0] ?? '';
  return {
    message,
    report,
    plan: { title: 'Commit', steps: [{ kind: 'commit', message, description: `commit "${header}"` }] },
  };
}
