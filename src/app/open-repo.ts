// Opens a repository for a command: where it is, its config, its package.json and its web links.
import type { LoadedConfig, Workflow } from '../config/config-types.js';
import { loadConfig, readPackageJson } from '../config/load-config.js';
import { parseRepositoryUrl, repositoryFieldUrl, type RepositoryInfo } from '../core/repository/repository-url.js';
import { readConfigValue, refExists } from '../git/read-config-value.js';
import { readRepoState, type RepoState } from '../git/read-repo-state.js';

export interface OpenRepo {
  cwd: string;
  state: RepoState;
  loaded: LoadedConfig;
  packageJson: Record<string, unknown> | null;
}

export async function openRepo(cwd: string): Promise<OpenRepo> {
  const state = await readRepoState(cwd);
  const packageJson = await readPackageJson(state.root);
  const loaded = await loadConfig(state.root, packageJson);
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

/** With no `workflow` setting, a repository with an integration branch (local or on origin) is gitflow. */
export async function resolveWorkflow(repo: OpenRepo): Promise<Workflow> {
  const { config } = repo.loaded;
  if (config.workflow) return config.workflow;
  const name = config.branches.integration;
  const [local, remote] = await Promise.all([refExists(repo.cwd, `refs/heads/${name}`), refExists(repo.cwd, `refs/remotes/origin/${name}`)]);
  return local || remote ? 'gitflow' : 'trunk';
}

/** Today as YYYY-MM-DD (UTC); SOURCE_DATE_EPOCH pins it for reproducible output. */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  const date = epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
  return date.toISOString().slice(0, 10);
}
