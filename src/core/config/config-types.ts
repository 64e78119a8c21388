// The shape of shipwright's configuration once defaults are applied.
import type { ChangelogTypeEntry } from '../changelog/changelog-types.js';
import type { Checklist } from '../checklist/checklist.js';
import type { PresetName } from '../conventional-commits/preset-names.js';
import type { VersionFileSpec } from '../release/version-file-spec.js';
import type { Bump } from '../version/bump-rules.js';

export type Workflow = 'gitflow' | 'trunk';

export interface BranchType {
  prefix: string;
  /** `production`, `integration`, or a branch name. */
  base: string;
  description: string;
  /** Other prefixes teams commonly use for the same kind of branch (`feat/` for `feature/`); allowed too. */
  aliases?: string[];
}

/** Built-in checks of staged content, run by the pre-commit hook when listed in `stagedChecks`. */
export type StagedCheckName = 'conflict-markers' | 'private-keys' | 'console-log' | 'todo';
export const STAGED_CHECK_NAMES: readonly StagedCheckName[] = [
  'conflict-markers',
  'private-keys',
  'console-log',
  'todo',
];

export interface ShipwrightConfig {
  /** null: decided from the repository (a `dev` branch means gitflow). */
  workflow: Workflow | null;
  branches: { production: string; integration: string };
  branchTypes: Record<string, BranchType>;
  tagPrefix: string;
  /** Validated from "file.json", { path, jsonPath } or { path, pattern } entries. */
  versionFiles: VersionFileSpec[];
  /** types: which commit types get a section (conventionalcommits' `types` option); absent: the preset's. */
  changelog: { file: string; preset: PresetName; types?: ChangelogTypeEntry[] };
  bumpRules: Record<string, Bump>;
  firstVersion: string;
  prereleaseChannels: { release: string | null; integration: string | null };
  /** Secret scanning of staged lines in pre-commit (on by default); `allow`: path globs to skip. */
  secretScan: { enabled: boolean; allow: string[] };
  /** Opt-in staged-content checks for the pre-commit hook. */
  stagedChecks: StagedCheckName[];
  /** Per check, path globs it skips (a CLI prints with console.log; a changelog quotes TODOs). */
  stagedCheckIgnore: Partial<Record<StagedCheckName, string[]>>;
  /** Branches that refuse direct commits; null: main and dev under gitflow, none under trunk. */
  protectedBranches: string[] | null;
  /**
   * What a release checks before writing (`before`: commands that must pass, confirmations a person
   * gives; recorded in the tag message) and does once pushed (`after`). The older `preRelease`
   * command is read as the first `before` item.
   */
  checklist: Checklist;
  /** After the push, create the GitHub release with the notes (gh), as `release --github-release`. */
  githubRelease: boolean;
  /** After the push, `npm publish` the released package, as `release --publish`. */
  publish: boolean;
  /** How `shipwright rollback` redeploys an earlier tag through GitHub Actions. */
  deploy: DeployConfig;
  /**
   * How `shipwright hotfix finish` brings the fix to the integration branch and open release
   * branches: merge the hotfix branch (its release commit too), or cherry-pick its fix commits.
   */
  hotfix: { propagation: 'merge' | 'cherry-pick' };
  /** branches: each backport lands on a new `backport/<sha>-to-<target>` branch (for a pull request) instead of the target. */
  backport: { branches: boolean };
  /** Monorepos: how workspace packages are tagged, grouped and bumped (src/config/validate-packages-config.ts). */
  packages: PackagesConfig;
}

export interface DeployConfig {
  /**
   * The production workflow (file name such as `deploy-production.yml`, name or id) that
   * `gh workflow run` starts; null: the one `shipwright init --ci github` writes, when present.
   */
  workflow: string | null;
  /** The workflow_dispatch input that receives the tag. */
  tagInput: string;
}

/** Where the settings came from, for `doctor` and error messages. */
type ConfigSource = 'shipwright.config.json' | 'package.json#shipwright' | 'defaults';

export interface LoadedConfig {
  config: ShipwrightConfig;
  source: ConfigSource;
  /**
   * Whether the settings name `branches.production`. When they do not, `openRepo` names it from
   * the repository (origin/HEAD, init.defaultBranch, main or master) before anyone reads it.
   */
  productionConfigured: boolean;
}

export type DependentBump = 'patch' | 'minor' | 'major' | 'none';

export interface PackagesConfig {
  /** Tag formats every package is read in; the first is written. */
  tagFormat: string[];
  /** Per package name: its own formats instead (vite's `v{version}` for the main package). */
  tagFormatOverrides: Record<string, string[]>;
  /** Paths (files or folders) whose commits count for every package, e.g. the root lockfile. */
  sharedPaths: string[];
  /** How a package is bumped when only its dependencies on released packages change. */
  dependentBump: DependentBump;
  /** Groups released together with one version (the highest any member needs). */
  fixed: string[][];
  /** Groups whose members share the highest bump among those released, each keeping its own version. */
  linked: string[][];
  /** Also write the packages' sections into the root CHANGELOG.md. */
  rootChangelog: boolean;
}
