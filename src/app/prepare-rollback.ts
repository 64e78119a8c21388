// Gathers what `shipwright rollback` needs: release tags, what later releases brought, gh's state.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ConventionalCommit } from '../core/conventional-commits/conventional-commit.js';
import { createCommitParser } from '../core/conventional-commits/parse-commit.js';
import type { Plan } from '../core/plan/plan.js';
import { commitsToRevert, planRevertRollback } from '../core/rollback/plan-revert.js';
import { planRollback, type RollbackPlan } from '../core/rollback/plan-rollback.js';
import { selectRollbackTarget, type RollbackSelection } from '../core/rollback/select-rollback-target.js';
import { refExists } from '../git/read-refs.js';
import { readLogArray } from '../git/read-log.js';
import { assertHasCommits, assertNotShallow } from '../git/read-repo.js';
import { readTags } from '../git/read-tags.js';
import { readGhStatus, type GhStatus } from './gh-cli.js';
import { prepareHotfixStart } from './prepare-hotfix.js';
import type { OpenRepo } from './open-repo.js';
import { VERSION_PARSER_OPTIONS } from './read-release-state.js';

/** What `shipwright init --ci github` writes: a tag-triggered deploy with a `tag` dispatch input. */
const INIT_DEPLOY_WORKFLOW = 'deploy-production.yml';

type WorkflowSource = 'config' | 'detected' | 'none';

export interface PreparedRollback {
  plan: RollbackPlan;
  workflowSource: WorkflowSource;
  gh: GhStatus;
}

interface RollbackOptions {
  /** TAG as typed; null: the release before the newest. */
  requested: string | null;
  includePrereleases: boolean;
  env: NodeJS.ProcessEnv;
}

function resolveWorkflow(repo: OpenRepo): { workflow: string | null; source: WorkflowSource } {
  const configured = repo.loaded.config.deploy.workflow;
  if (configured !== null) return { workflow: configured, source: 'config' };
  if (existsSync(join(repo.cwd, '.github', 'workflows', INIT_DEPLOY_WORKFLOW)))
    return { workflow: INIT_DEPLOY_WORKFLOW, source: 'detected' };
  return { workflow: null, source: 'none' };
}

interface RollbackHistory {
  selection: RollbackSelection;
  /** What the releases after the target brought, newest first (merges included). */
  history: ConventionalCommit[];
}

/**
 * The tags production's branch contains, as `status` and `hotfix start` call production: a newer
 * tag on another line is not what production runs. Every tag when that branch is not here.
 */
async function readProductionTags(repo: OpenRepo) {
  const branch = `refs/heads/${repo.loaded.config.branches.production}`;
  return (await refExists(repo.cwd, branch)) ? readTags(repo.cwd, { mergedInto: branch }) : readTags(repo.cwd);
}

/** The target release and the commits of the releases after it. */
async function readRollbackHistory(repo: OpenRepo, options: Omit<RollbackOptions, 'env'>): Promise<RollbackHistory> {
  assertHasCommits(repo.state);
  assertNotShallow(repo.state);
  const selection = selectRollbackTarget({
    tags: await readProductionTags(repo),
    tagPrefix: repo.loaded.config.tagPrefix,
    requested: options.requested,
    includePrereleases: options.includePrereleases,
  });
  const raw = await readLogArray(repo.cwd, {
    include: selection.later.map((tag) => `refs/tags/${tag.name}`),
    exclude: [`refs/tags/${selection.target.name}`],
  });
  return { selection, history: raw.map(createCommitParser(VERSION_PARSER_OPTIONS)) };
}

export async function prepareRollback(repo: OpenRepo, options: RollbackOptions): Promise<PreparedRollback> {
  const [{ selection, history }, gh] = await Promise.all([
    readRollbackHistory(repo, options),
    readGhStatus(repo.cwd, options.env),
  ]);
  const { workflow, source } = resolveWorkflow(repo);
  const plan = planRollback({
    selection,
    history,
    deploy: { workflow, tagInput: repo.loaded.config.deploy.tagInput },
    gh: gh.availability,
  });
  return { plan, workflowSource: source, gh };
}

interface PreparedRevert {
  plan: Plan;
  branch: string;
  target: string;
  reverted: number;
}

/** `rollback --revert`: a hotfix from the production tag reverting what the later releases brought. */
export async function prepareRevertRollback(
  repo: OpenRepo,
  options: Omit<RollbackOptions, 'env'>,
): Promise<PreparedRevert> {
  const { selection } = await readRollbackHistory(repo, options);
  const start = await prepareHotfixStart(repo, { from: selection.current.name, name: 'rollback' });
  // What production has that the target lacks: not what other lines (a maintenance tag) brought.
  const raw = await readLogArray(repo.cwd, {
    include: [`refs/tags/${selection.current.name}`],
    exclude: [`refs/tags/${selection.target.name}`],
  });
  const commits = commitsToRevert(raw.map(createCommitParser(VERSION_PARSER_OPTIONS)));
  return {
    plan: planRevertRollback(start.plan, start.branch, selection.target.name, commits),
    branch: start.branch,
    target: selection.target.name,
    reverted: commits.length,
  };
}
