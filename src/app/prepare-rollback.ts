// Gathers what `shipwright rollback` needs: release tags, what later releases brought, gh's state.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCommitParser } from '../core/commits/parse-commit.js';
import { planRollback, type RollbackPlan } from '../core/rollback/plan-rollback.js';
import { selectRollbackTarget } from '../core/rollback/select-rollback-target.js';
import { readLogArray } from '../git/read-log.js';
import { assertHasCommits, assertNotShallow } from '../git/read-repo-state.js';
import { readTags } from '../git/read-tags.js';
import { readGhStatus, type GhStatus } from './gh-cli.js';
import type { OpenRepo } from './open-repo.js';
import { VERSION_PARSER_OPTIONS } from './read-release-state.js';

/** What `shipwright init --ci github` writes: a tag-triggered deploy with a `tag` dispatch input. */
export const INIT_DEPLOY_WORKFLOW = 'deploy-production.yml';

export type WorkflowSource = 'config' | 'detected' | 'none';

export interface PreparedRollback {
  plan: RollbackPlan;
  workflowSource: WorkflowSource;
  gh: GhStatus;
}

export interface RollbackOptions {
  /** TAG as typed; null: the release before the newest. */
  requested: string | null;
  includePrereleases: boolean;
  env: NodeJS.ProcessEnv;
}

function resolveWorkflow(repo: OpenRepo): { workflow: string | null; source: WorkflowSource } {
  const configured = repo.loaded.config.deploy.workflow;
  if (configured !== null) return { workflow: configured, source: 'config' };
  if (existsSync(join(repo.cwd, '.github', 'workflows', INIT_DEPLOY_WORKFLOW))) return { workflow: INIT_DEPLOY_WORKFLOW, source: 'detected' };
  return { workflow: null, source: 'none' };
}

export async function prepareRollback(repo: OpenRepo, options: RollbackOptions): Promise<PreparedRollback> {
  assertHasCommits(repo.state);
  assertNotShallow(repo.state);
  const { config } = repo.loaded;
  const selection = selectRollbackTarget({ tags: await readTags(repo.cwd), tagPrefix: config.tagPrefix, requested: options.requested, includePrereleases: options.includePrereleases });
  const [raw, gh] = await Promise.all([
    readLogArray(repo.cwd, { include: selection.later.map((tag) => `refs/tags/${tag.name}`), exclude: [`refs/tags/${selection.target.name}`] }),
    readGhStatus(repo.cwd, options.env),
  ]);
  const { workflow, source } = resolveWorkflow(repo);
  const history = raw.map(createCommitParser(VERSION_PARSER_OPTIONS));
  const plan = planRollback({ selection, history, deploy: { workflow, tagInput: config.deploy.tagInput }, gh: gh.availability });
  return { plan, workflowSource: source, gh };
}
