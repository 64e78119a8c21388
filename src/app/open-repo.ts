// Opens a repository for a command: where it is, its config, its package.json and its web links.
import type { LoadedConfig, Workflow } from '../config/config-types.js';
import { loadConfig, readPackageJson } from '../config/load-config.js';
import { parseRepositoryUrl, repositoryFieldUrl, type RepositoryInfo } from '../core/repository/repository-url.js';
import { anyRefExists, readDefaultBranchFacts } from '../git/read-refs.js';
import { readConfigValue } from '../git/read-config.js';
import { readRepoState, type RepoState } from '../git/read-repo.js';
import { assertNoPendingRun } from '../engine/engine-lock.js';
import { chooseProductionBranch } from '../core/branch/production-branch.js';

export interface OpenRepo {
  cwd: string;
  state: RepoState;
  loaded: LoadedConfig;
  packageJson: Record<string, unknown> | null;
}

export interface OpenOptions {
  /**
   * Refuse before reading package.json and the config when an interrupted or conflict-paused run
   * waits (its conflicts may be in those very files): for commands that would start a new run.
   */
  refusePendingRun?: boolean;
}

export async function openRepo(cwd: string, options: OpenOptions = {}): Promise<OpenRepo> {
  const state = await readRepoState(cwd);
  if (options.refusePendingRun) assertNoPendingRun(state.commonDir);
  const packageJson = await readPackageJson(state.root);
  const loaded = await loadConfig(state.root, packageJson);
  // Named once, here, so every message, status line and label reads the one branch: a clone of a
  // `master` project has no `main` to mention.
  if (!loaded.productionConfigured)
    loaded.config.branches.production = chooseProductionBranch(await readDefaultBranchFacts(state.root));
  return { cwd: state.root, state, loaded, packageJson };
}

/**
 * package.json `repository` first, as conventional-changelog does, then the `origin` remote;
 * null when neither points at a web host (no `null//null` links).
 */
export async function readRepositoryInfo(repo: OpenRepo): Promise<RepositoryInfo | null> {
  const fromPackage = parseRepositoryUrl(repositoryFieldUrl(repo.packageJson?.repository));
  if (fromPackage) return fromPackage;
  return parseRepositoryUrl(await readConfigValue(repo.cwd, 'remote.origin.url'));
}

/** Decided once per opened repository: several steps of one command ask. */
const decidedWorkflows = new WeakMap<OpenRepo, Promise<Workflow>>();

/** With no `workflow` setting, a repository with an integration branch (local or on origin) is gitflow. */
export function resolveWorkflow(repo: OpenRepo): Promise<Workflow> {
  const { config } = repo.loaded;
  if (config.workflow) return Promise.resolve(config.workflow);
  let decided = decidedWorkflows.get(repo);
  if (!decided) {
    const name = config.branches.integration;
    decided = anyRefExists(repo.cwd, [`refs/heads/${name}`, `refs/remotes/origin/${name}`]).then((found) =>
      found ? 'gitflow' : 'trunk',
    );
    decidedWorkflows.set(repo, decided);
  }
  return decided;
}

/** Today as YYYY-MM-DD (UTC); SOURCE_DATE_EPOCH pins it for reproducible output. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
