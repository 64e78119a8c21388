// TuiServices built from plain data: what a screen is given to render and what it asked for.
// Not a git mock: screens never see git, this is their whole input.
import type { BranchRequest } from '../../../src/app/plan-branch.js';
import { nothingStaged } from '../../../src/app/plan-commit.js';
import { fakeHotfixBackportServices, type HotfixBackportWorld } from './fake-hotfix-backport-services.js';
import type { PendingRun } from '../../../src/app/read-pending-run.js';
import type { StatusReport } from '../../../src/app/read-status.js';
import { branchName } from '../../../src/core/branch/branch-name.js';
import { composeMessage, type CommitDraft } from '../../../src/core/commit-composer/compose-message.js';
import type { ProtectedBranchNotice } from '../../../src/core/commit-composer/protected-branch.js';
import { computeNextVersion } from '../../../src/core/version/next-version.js';
import { DEFAULT_BUMP_RULES } from '../../../src/core/version/bump-rules.js';
import { summarizeCommits } from '../../../src/core/conventional-commits/summarize-commits.js';
import type { Plan } from '../../../src/core/plan/plan.js';
import type { Problem } from '../../../src/core/lint/message-verdict.js';
import type { HookStatus, RunResult, TuiServices } from '../../../src/app/screen-services.js';
import { aLinearHistory, aTag } from '../../helpers/build-commits.js';
import { filesFromNames } from '../../../src/tui/models/file-staging.js';
import { aBranchPlan, aLintReport, BRANCH_TYPES, checkHeader, COMMIT_TYPES } from './data.js';
import { fakeReleaseServices, type ReleaseCalls, type ReleaseWorld } from './fake-release-services.js';

export interface World {
  /** The hotfix, backport and conflict services (see fakeHotfixBackportServices for their calls). */
  fix?: HotfixBackportWorld;
  status?: StatusReport;
  /** What readStatus rejects with instead of answering (e.g. the no-commits error). */
  statusError?: Error;
  hooks?: HookStatus;
  /** The run waiting for continue / skip / abort (default: none). */
  pending?: PendingRun | null;
  changelog?: string;
  branches?: string[];
  branchWarnings?: string[];
  staged?: string[];
  unstaged?: string[];
  /**
   * The index as the test changes it meanwhile (a hook or another terminal staging files): when
   * given, every read of the working tree sees it as it is then, instead of `staged`/`unstaged`.
   */
  index?: { staged: string[]; unstaged: string[] };
  /** The issue the branch names (feature/42-…). */
  issue?: number | null;
  /** The scopes the composer offers (default: auth, api) and whether they are scope-enum's, all that pass. */
  scopes?: string[];
  scopeEnum?: boolean;
  /** The composer's warning that the pre-commit hook refuses commits on this branch (default: none). */
  protectedBranch?: ProtectedBranchNotice | null;
  draft?: CommitDraft | null;
  /** `git diff --cached` per path (default: an added line naming the file, for a staged one). */
  diffs?: Record<string, string>;
  /** What staging or unstaging does (default: succeeds and moves the paths). */
  stage?: (kind: 'stage' | 'unstage', paths: string[]) => RunResult;
  /** The live check (default: checkHeader on the header). */
  check?: (message: string) => Problem[];
  /** What running a plan does (default: succeeds). */
  run?: (plan: Plan) => RunResult;
  release?: ReleaseWorld;
}

export interface Calls {
  plans: Plan[];
  branchRequests: BranchRequest[];
  /** Every draft write in order: the draft saved, or null for a clear. */
  drafts: (CommitDraft | null)[];
  stagedAll: number;
  /** Every stagePaths / unstagePaths call in order. */
  staging: { kind: 'stage' | 'unstage'; paths: string[] }[];
  release: ReleaseCalls;
}

/** A gitflow repository on dev: v1.2.0 released, two features and a fix since, a hotfix not on dev. */
export function aStatusReport(overrides: Partial<StatusReport> = {}): StatusReport {
  const commits = aLinearHistory([
    'feat(api): add an export endpoint',
    'fix(auth): refresh expired tokens',
    'feat(ui): dark mode',
  ]);
  const tags = [aTag('v1.2.0', '1.2.0')];
  return {
    root: '/work/taskboard',
    branch: 'dev',
    workflow: 'gitflow',
    branches: { production: 'main', integration: 'dev' },
    configSource: 'shipwright.config.json',
    upstream: null,
    environments: [
      { name: 'production', ref: 'v1.2.0', version: '1.2.0', date: '2024-03-25T10:00:00Z' },
      { name: 'staging', ref: 'main', ahead: 2 },
      { name: 'dev', ref: 'dev', ahead: 12 },
    ],
    newerElsewhere: null,
    lastTag: tags[0] ?? null,
    unreleased: summarizeCommits(commits),
    next: computeNextVersion({ commits, tags, rules: DEFAULT_BUMP_RULES, firstVersion: '1.0.0' }),
    missingFixes: [{ target: 'dev', commits: [{ hash: 'a'.repeat(40), header: 'fix(export): keep leading zeros' }] }],
    productionAhead: null,
    ...overrides,
  };
}

export function fakeServices(world: World = {}): { services: TuiServices; calls: Calls } {
  const calls: Calls = {
    plans: [],
    branchRequests: [],
    drafts: [],
    stagedAll: 0,
    staging: [],
    release: { choices: [], runs: [], stops: 0 },
  };
  let staged = world.staged ?? ['src/login.ts'];
  let unstaged = world.unstaged ?? [];
  const existing = new Set(world.branches ?? ['main', 'dev']);
  const check = world.check ?? ((message: string) => checkHeader(message.split('\n')[0] ?? ''));
  const tree = () => {
    if (world.index) ({ staged, unstaged } = world.index);
    return {
      files: filesFromNames(staged, unstaged),
      staged: staged.map((path) => ({ path, index: 'M', worktree: ' ' })),
      unstaged: unstaged.map((path) => ({ path, index: ' ', worktree: 'M' })),
      clean: staged.length + unstaged.length === 0,
    };
  };
  const refuse = (branch: string) =>
    existing.has(branch)
      ? `a branch '${branch}' already exists; pick another name or switch to it: git switch ${branch}`
      : null;

  const services: TuiServices = {
    ...fakeHotfixBackportServices(world.fix ?? {}).services,
    repoRoot: '/work/taskboard',
    branch: 'dev',
    runTrapsSignals: () => false,
    readStatus: async () => {
      if (world.statusError) throw world.statusError;
      return world.status ?? aStatusReport();
    },
    readHookStatus: async () => world.hooks ?? { problems: [], warnings: [] },
    readPendingRun: async () => world.pending ?? null,
    readChangelogPreview: async () => ({ markdown: world.changelog ?? '', version: '1.3.0' }),
    listBranchTypes: async () => BRANCH_TYPES,
    refuseBranchName: async (branch) => refuse(branch),
    async planBranch(request) {
      calls.branchRequests.push(request);
      const type = BRANCH_TYPES.find((candidate) => candidate.name === request.type);
      if (!type) throw new Error(`'${request.type}' is not a branch type here.`);
      const branch = branchName(type, request.name, request.issue);
      const refused = refuse(branch);
      if (refused) throw new Error(refused);
      return aBranchPlan(branch, type.baseBranch, world.branchWarnings ?? []);
    },
    readComposerData: async () => ({
      types: COMMIT_TYPES,
      scopes: world.scopes ?? ['auth', 'api'],
      tree: tree(),
      scopeEnum: world.scopeEnum ?? false,
      issue: world.issue ?? null,
      nextStep: 'Next: push it (git push) and open a pull request from feature/42-login-form into dev.',
      protectedBranch: world.protectedBranch ?? null,
    }),
    lintDraft: async (draft) => aLintReport(check(composeMessage(draft)), composeMessage(draft).split('\n')[0] ?? ''),
    async planCommit(draft) {
      if (staged.length === 0) throw nothingStaged(tree());
      const message = composeMessage(draft);
      return {
        message,
        report: aLintReport(check(message), message.split('\n')[0] ?? ''),
        plan: { title: 'Commit', steps: [{ kind: 'commit', message, description: 'commit' }] },
      };
    },
    async stageAll() {
      calls.stagedAll += 1;
      if (world.index) ({ staged, unstaged } = world.index);
      staged = [...staged, ...unstaged];
      unstaged = [];
      if (world.index) Object.assign(world.index, { staged, unstaged });
      return { ok: true, output: '' };
    },
    async stagePaths(paths) {
      calls.staging.push({ kind: 'stage', paths });
      const result = world.stage ? world.stage('stage', paths) : { ok: true, output: '' };
      if (world.index) ({ staged, unstaged } = world.index);
      if (result.ok) {
        staged = [...new Set([...staged, ...paths])];
        unstaged = unstaged.filter((path) => !paths.includes(path));
      }
      if (world.index) Object.assign(world.index, { staged, unstaged });
      return result;
    },
    async unstagePaths(paths) {
      calls.staging.push({ kind: 'unstage', paths });
      const result = world.stage ? world.stage('unstage', paths) : { ok: true, output: '' };
      if (world.index) ({ staged, unstaged } = world.index);
      if (result.ok) {
        staged = staged.filter((path) => !paths.includes(path));
        unstaged = [...new Set([...unstaged, ...paths])];
      }
      if (world.index) Object.assign(world.index, { staged, unstaged });
      return result;
    },
    readStagedDiff: async (path) =>
      world.diffs?.[path] ??
      (staged.includes(path)
        ? `diff --git a/${path} b/${path}\n--- a/${path}\n+++ b/${path}\n@@ -0,0 +1 @@\n+${path} changed\n`
        : ''),
    async runPlan(plan) {
      calls.plans.push(plan);
      return world.run ? world.run(plan) : { ok: true, output: '' };
    },
    loadDraft: async () => world.draft ?? null,
    async saveDraft(draft) {
      calls.drafts.push(draft);
    },
    async clearDraft() {
      calls.drafts.push(null);
    },
    ...fakeReleaseServices(world.release ?? {}, calls.release),
  };
  return { services, calls };
}
