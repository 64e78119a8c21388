// Every package's release state from one history read: the tags (two reads), the commits and
// the paths they changed (two streamed logs, side by side) down to the newest base all packages
// share, then per package in memory.
import { createCommitParser } from '../core/commits/parse-commit.js';
import type { ConventionalCommit } from '../core/commits/conventional-commit.js';
import type { RawCommit } from '../core/commits/raw-commit.js';
import { usageError } from '../core/errors.js';
import { assignCommitsToPackages } from '../core/packages/package-commits.js';
import { createPackageHistory } from '../core/packages/package-history.js';
import { computePackageRelease, type PackageRelease } from '../core/packages/package-release.js';
import { selectPackageTags } from '../core/packages/package-tags.js';
import type { Workspace, WorkspacePackage } from '../core/packages/workspace-package.js';
import { latestStable, type GitTag } from '../core/tags/release-tag.js';
import { readChangedPaths } from '../git/read-changed-paths.js';
import { readLogArray } from '../git/read-log.js';
import { assertHasCommits, assertNotShallow } from '../git/read-repo-state.js';
import { commonBases } from '../git/read-target-history.js';
import { readTags } from '../git/read-tags.js';
import type { OpenRepo } from './open-repo.js';
import { VERSION_PARSER_OPTIONS, type ReleaseStateOptions } from './read-release-state.js';
import { readWorkspace } from './read-workspace.js';

export interface PackagesState {
  workspace: Workspace;
  ref: string;
  headCommit: string;
  /** Every package, by name; `selected` the ones asked for (all when none were named). */
  releases: PackageRelease[];
  selected: string[];
  /** The commits read (newest first, merges included) and every tag: for changelogs and plans. */
  history: RawCommit[];
  everyTag: GitTag[];
}

export interface PackagesStateOptions extends ReleaseStateOptions {
  /** `--package NAME`…: only these (all when empty). */
  packages?: readonly string[];
}

/** The tag formats of a package: a workspace of one keeps `tagPrefix`. */
export function tagFormatsFor(repo: OpenRepo, workspace: Workspace, pkg: WorkspacePackage): string[] {
  const { config } = repo.loaded;
  if (workspace.source === 'single') return [`${config.tagPrefix}{version}`];
  return config.packages.tagFormatOverrides[pkg.name] ?? config.packages.tagFormat;
}

/** The names asked for, checked against the workspace. */
export function selectPackages(workspace: Workspace, names: readonly string[] = []): string[] {
  const known = workspace.packages.map((pkg) => pkg.name);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw usageError(`No workspace package is named ${unknown.join(', ')}.`, `pick from: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}   (e.g. --package ${known[0] ?? 'NAME'})`);
  }
  return names.length > 0 ? [...new Set(names)] : known;
}

export async function readPackagesState(repo: OpenRepo, options: PackagesStateOptions = {}): Promise<PackagesState> {
  assertHasCommits(repo.state);
  assertNotShallow(repo.state);
  const ref = options.ref ?? 'HEAD';
  const { config } = repo.loaded;
  const [workspace, everyTag, mergedTags] = await Promise.all([readWorkspace(repo), readTags(repo.cwd), readTags(repo.cwd, { mergedInto: ref })]);
  const selected = selectPackages(workspace, options.packages);
  const formats = new Map(workspace.packages.map((pkg) => [pkg.name, tagFormatsFor(repo, workspace, pkg)]));

  // Read down to what every package's last stable release contains; a package never released
  // needs the whole history.
  const bases = workspace.packages.map((pkg) => latestStable(selectPackageTags(mergedTags, pkg.name, formats.get(pkg.name) ?? []))?.commit ?? null);
  const exclude = bases.every((base) => base !== null) ? await commonBases(repo.cwd, [...new Set(bases as string[])]) : [];
  const range = { include: [ref], exclude };
  const [history, changes] = await Promise.all([readLogArray(repo.cwd, range), workspace.source === 'single' ? Promise.resolve([]) : readChangedPaths(repo.cwd, range)]);

  // A workspace of one owns every commit, so its paths need not be read.
  const own = assignCommitsToPackages(workspace.source === 'single' ? history.map((commit) => ({ hash: commit.hash, paths: [], renames: [] })) : changes, workspace.packages, config.packages.sharedPaths);
  const packageHistory = createPackageHistory(history);
  const parse = cachedParser();
  const releases = workspace.packages.map((pkg) =>
    computePackageRelease({
      pkg,
      tagFormats: formats.get(pkg.name) ?? [],
      everyTag,
      mergedTags,
      history,
      packageHistory,
      own: own.get(pkg.name) ?? new Set(),
      parse,
      rules: config.bumpRules,
      firstVersion: config.firstVersion,
      ...(options.bump ? { bump: options.bump } : {}),
      ...(options.preid ? { preid: options.preid } : {}),
      ...(options.exactVersion ? { exactVersion: options.exactVersion } : {}),
      ...(options.firstRelease ? { firstRelease: true } : {}),
    }),
  );
  return { workspace, ref, headCommit: repo.state.head, releases, selected, history, everyTag };
}

/** A commit shared by several packages is parsed once. */
function cachedParser(): (commit: RawCommit) => ConventionalCommit {
  const parse = createCommitParser(VERSION_PARSER_OPTIONS);
  const parsed = new Map<string, ConventionalCommit>();
  return (commit) => {
    let result = parsed.get(commit.hash);
    if (!result) {
      result = parse(commit);
      parsed.set(commit.hash, result);
    }
    return result;
  };
}
