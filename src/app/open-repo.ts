// Opens a repository for a command: where it is, its config, its package.json and its web links.
import type { LoadedConfig, Workflow } from '../core/config/config-types.js';
import { loadConfig, readPackageJson } from '../config/load-config.js';
import { parseRepositoryUrl, repositoryFieldUrl, type RepositoryInfo } from '../core/repository/repository-url.js';
import { anyRefExists, readDefaultBranchFacts } from '../git/read-refs.js';
import { readConfigValue } from '../git/read-config.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { checkFailed, isShipwrightError } from '../core/errors.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import { assertNoPendingRun } from '../engine/engine-lock.js';
import { readJournal } from '../engine/journal.js';
import { readRepoState, type RepoState } from '../git/read-repo.js';
import { chooseProductionBranch } from '../core/branch/production-branch.js';

export interface OpenRepo {
  cwd: string;
  state: RepoState;
  loaded: LoadedConfig;
  packageJson: Record<string, unknown> | null;
}

interface OpenOptions {
  /**
   * Refuse before reading package.json and the config when an interrupted or conflict-paused run
   * waits (its conflicts may be in those very files): for commands that would start a new run.
   */
  refusePendingRun?: boolean;
}

export async function openRepo(cwd: string, options: OpenOptions = {}): Promise<OpenRepo> {
  const state = await readRepoState(cwd);
  if (options.refusePendingRun) assertNoPendingRun(state.commonDir);
  let packageJson: Record<string, unknown> | null;
  let loaded: LoadedConfig;
  try {
    packageJson = await readPackageJson(state.root);
    loaded = await loadConfig(state.root, packageJson);
  } catch (error) {
    throw (await unfinishedMergeInstead(state, error)) ?? error;
  }
  // Named once, here, so every message, status line and label reads the one branch: a clone of a
  // `master` project has no `main` to mention.
  if (!loaded.productionConfigured)
    loaded.config.branches.production = chooseProductionBranch(await readDefaultBranchFacts(state.root));
  return { cwd: state.root, state, loaded, packageJson };
}

/**
 * package.json or the config does not parse while a run is paused on a conflict (or a merge waits
 * in git): the conflict markers are the cause, so name the run and how to finish it, not the JSON.
 */
async function unfinishedMergeInstead(state: RepoState, error: unknown): Promise<Error | null> {
  if (!isShipwrightError(error) || !['package-json-invalid', 'config-invalid'].includes(error.code)) return null;
  const what = error.code === 'package-json-invalid' ? 'package.json' : 'the shipwright config';
  const journal = await readJournal(state.commonDir).catch(() => null);
  if (journal?.paused) {
    const files = journal.paused.files.map((file) => `  ${file}`).join('\n');
    return checkFailed(
      `\`${journal.command}\` is paused on conflicts (step: ${journal.plan.steps[journal.paused.index]?.description ?? 'a merge'}), so ${what} cannot be read until they are resolved. The files with conflicts:\n${files}`,
      {
        code: 'conflict',
        fix: `edit those files in ${quoteShellWord(journal.paused.directory)}, \`git add\` them, then: shipwright continue   (or shipwright abort, to put everything back as before that run)`,
      },
    );
  }
  if (journal) {
    return checkFailed(
      `An earlier shipwright run (\`${journal.command}\`) was interrupted, and ${what} cannot be read meanwhile.`,
      {
        code: 'interrupted-run',
        fix: 'shipwright continue   (finish it)   or   shipwright abort   (put everything back)',
      },
    );
  }
  if (existsSync(join(state.gitDir, 'MERGE_HEAD')) || existsSync(join(state.gitDir, 'CHERRY_PICK_HEAD'))) {
    return checkFailed(
      `A git merge or cherry-pick is in progress here, and ${what} cannot be read until its conflicts are resolved.`,
      {
        code: 'conflict',
        fix: 'resolve the conflicts (git status lists them), git add them and git commit   (or give up: git merge --abort / git cherry-pick --abort)',
      },
    );
  }
  return null;
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
