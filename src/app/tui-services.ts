// The TUI's services: the same use cases as the CLI, reads through src/git, writes through the engine.
import { loadCommitRules, type CommitRules } from '../config/load-commit-rules.js';
import { composeMessage } from '../core/commit-composer/compose-message.js';
import { readStagedFileDiff } from '../git/read-index.js';
import { readRepoState } from '../git/read-repo.js';
import { readWorkingTree } from '../git/read-worktrees.js';
import { runTrapsSignals } from '../engine/run-steps.js';
import type { TuiServices } from './screen-services.js';
import { createHotfixBackportServices } from './tui-hotfix-backport-services.js';
import { clearDraft, loadOpenDraft, saveDraft } from './commit-draft.js';
import { lintMessageText } from './lint-messages.js';
import type { OpenRepo } from './open-repo.js';
import { listBranchTypes, planBranch, refusedBranchName } from './plan-branch.js';
import { planCommit, readComposerData } from './plan-commit.js';
import { readPendingRun } from './read-pending-run.js';
import { readStatus } from './read-status.js';
import { createReleaseServices } from './tui-release-services.js';
import { plural } from '../core/display-text/plural.js';

export function createTuiServices(repo: OpenRepo): TuiServices {
  let rules: Promise<CommitRules> | undefined;
  const commitRules = () => (rules ??= loadCommitRules(repo.cwd));
  const gitDir = repo.state.gitDir;
  // HEAD moves while the TUI is open (a branch created, a commit made): read it again each time
  // rather than reporting the branch and commit the program started on.
  const current = async (): Promise<OpenRepo> => ({ ...repo, state: await readRepoState(repo.cwd) });

  const fix = createHotfixBackportServices(current);
  // A branch or a commit runs through the same engine service as a release, without its events.
  const run: TuiServices['runPlan'] = async (plan) => {
    const result = await fix.runPlanWithEvents(plan, () => undefined);
    return result.ok
      ? { ok: true, output: result.output }
      : { ok: false, output: result.output, error: result.error.message };
  };
  const stagePaths = (paths: string[]) =>
    run({ title: 'Stage', steps: [{ kind: 'stage', paths, description: `stage ${plural(paths.length, 'file')}` }] });

  return {
    ...fix,
    repoRoot: repo.cwd,
    branch: repo.state.branch,
    runTrapsSignals,
    readStatus: async () => readStatus(await current()),
    readPendingRun: async () => readPendingRun(await current()),
    async readHookStatus() {
      // The same checks as `shipwright doctor`, so home never says "hooks installed" while doctor
      // finds them broken (a stub without its x bit, a global core.hooksPath, no local binary).
      const { runDoctor } = await import('./run-doctor.js');
      const checks = await runDoctor(await current());
      const brief = ({ summary, fix }: { summary: string; fix?: string }) => ({ summary, ...(fix ? { fix } : {}) });
      return {
        problems: checks.filter((check) => check.status === 'fail').map(brief),
        warnings: checks.filter((check) => check.status === 'warn').map(brief),
      };
    },
    async readChangelogPreview() {
      const { buildChangelog } = await import('./build-changelog.js');
      const result = await buildChangelog(await current(), { releaseCount: 1 });
      return { markdown: result.markdown, version: result.upcoming?.version ?? null };
    },
    listBranchTypes: () => listBranchTypes(repo),
    refuseBranchName: (branch) => refusedBranchName(repo, branch),
    planBranch: (request) => planBranch(repo, request),
    // HEAD now, not at start-up: a branch created in this session names the issue to close.
    readComposerData: async () => readComposerData(await current()),
    lintDraft: async (draft) => lintMessageText(repo.cwd, composeMessage(draft), await commitRules()),
    planCommit: (draft) => planCommit(repo, draft),
    async stageAll() {
      const tree = await readWorkingTree(repo.cwd);
      return stagePaths(tree.unstaged.map((file) => file.path));
    },
    stagePaths,
    unstagePaths: (paths) =>
      run({
        title: 'Unstage',
        steps: [{ kind: 'unstage', paths, description: `unstage ${plural(paths.length, 'file')}` }],
      }),
    readStagedDiff: (path, from) => readStagedFileDiff(repo.cwd, path, from),
    runPlan: run,
    loadDraft: () => loadOpenDraft(gitDir, repo.cwd),
    saveDraft: (draft) => saveDraft(gitDir, draft),
    clearDraft: () => clearDraft(gitDir),
    ...createReleaseServices(current, fix),
  };
}
