// What `shipwright init` found in a repository: the input of the pure init planner.
import type { BranchType, StagedCheckName, Workflow } from '../config/config-types.js';
import type { TeamHooks } from './chain-hooks.js';

export type PackageManager = 'npm' | 'pnpm' | 'yarn' | 'bun';
export type HookName = 'pre-commit' | 'commit-msg' | 'pre-push';
export const HOOK_NAMES: readonly HookName[] = ['pre-commit', 'commit-msg', 'pre-push'];

export interface LintStagedConfigFile {
  /** Repository-relative path, or `package.json` for the "lint-staged" key. */
  path: string;
  format: 'json' | 'package.json' | 'code';
}

export interface ProjectFacts {
  packageManager: PackageManager;
  /**
   * The folder of the package whose tools the hooks run, relative to the repository root: '' for
   * the root, e.g. 'packages/app' when the only package.json is there, or null when the repository
   * has none (Python, Go…) or several without one at the root.
   */
  packageDir: string | null;
  /** Folders with a package.json when none is at the root and more than one was found. */
  otherPackageDirs: string[];
  /** The package's package.json text (null when packageDir is null). */
  packageJsonText: string | null;
  /** Current content (or null) of every path the plan may write, keyed by repository-relative path. */
  files: Readonly<Record<string, string | null>>;
  /** An existing commitlint config (a repository-relative path or `package.json#commitlint`), or null. */
  commitlintConfig: string | null;
  lintStagedConfig: LintStagedConfigFile | null;
  tools: { eslint: boolean; prettier: boolean; biome: boolean; xo: boolean; typescript: boolean };
  /** Local and remote-tracking branch names (remote ones without `origin/`), for the branch prefixes. */
  branchNames: string[];
  hooksPath: string | null;
  huskyInternalExists: boolean;
  /** devDependency versions to add, e.g. { husky: '^9.1.7', shipwright: '^0.1.0' }. */
  dependencySpecs: Readonly<Record<string, string>>;
  /** Folder name for package.json's "name" when one has to be created. */
  folderName: string;
  /** Hook files in .husky/ besides shipwright's (e.g. post-merge); their text is in `files`. */
  huskyHookNames?: readonly string[];
  /** node_modules/husky's version, or null when it is not installed. */
  huskyInstalled?: string | null;
  /**
   * The hooks git runs today from a folder of the team's own (core.hooksPath such as `.githooks`,
   * or `.git/hooks` when unset), so init keeps them running.
   */
  teamHooks?: TeamHooks | null;
}

export interface InitOptions {
  workflow: Workflow;
  ci: 'github' | null;
  install: boolean;
  force: boolean;
  stagedChecks: StagedCheckName[];
  /** shipwright's default branch types, which the repository's own branch names may adjust. */
  defaultBranchTypes: Readonly<Record<string, BranchType>>;
}

export interface InitTemplates {
  /** Repository-relative path → content, e.g. `.github/workflows/pull-request.yml`. */
  github: Readonly<Record<string, string>>;
}

export const LOCKFILES: Record<PackageManager, string> = {
  npm: 'package-lock.json',
  pnpm: 'pnpm-lock.yaml',
  yarn: 'yarn.lock',
  bun: 'bun.lock',
};

/** `dir/file`, or `file` for the root (''). */
export const inPackage = (dir: string, file: string): string => (dir === '' ? file : `${dir}/${file}`);
