// Every package's release state from one history read: the tag refs, the commits and the paths
// they changed (two streamed logs, side by side) down to the newest base all packages share, then
// per package in memory.
import semver from 'semver';
import { createCommitParser } from '../core/conventional-commits/parse-commit.js';
import type { ConventionalCommit } from '../core/conventional-commits/conventional-commit.js';
import type { RawCommit } from '../core/conventional-commits/raw-commit.js';
import { usageError } from '../core/errors.js';
import type { Bump } from '../core/version/bump-rules.js';
import { assignCommitsToPackages, type ChangedPaths } from '../core/packages/package-commits.js';
import { createPackageHistory } from '../core/packages/package-history.js';
import { computePackageRelease, type PackageRelease } from '../core/packages/package-release.js';
import { selectTagsOfPackages } from '../core/packages/package-tags.js';
import type { Workspace, WorkspacePackage } from '../core/packages/workspace-package.js';
import { latestStable, type GitTag, type ReleaseTag } from '../core/tags/release-tag.js';
import { readChangedPaths, readLogArray } from '../git/read-log.js';
import { assertHasCommits, assertNotShallow } from '../git/read-repo.js';
import { commonBases } from '../git/read-ancestry.js';
import { readMergedTagNames, readTagRefs } from '../git/read-tags.js';
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
  /** A bump chosen per package (the wizard's package list), over `bump` and the commits. */
  bumps?: Readonly<Record<string, Bump>>;
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
    throw usageError(
      `No workspace package is named ${unknown.join(', ')}.`,
      `pick from: ${known.slice(0, 12).join(', ')}${known.length > 12 ? ', …' : ''}   (e.g. --package ${known[0] ?? 'NAME'})`,
    );
  }
  return names.length > 0 ? [...new Set(names)] : known;
}

export async function readPackagesState(repo: OpenRepo, options: PackagesStateOptions = {}): Promise<PackagesState> {
  assertHasCommits(repo.state);
  assertNotShallow(repo.state);
  const ref = options.ref ?? 'HEAD';
  const { config } = repo.loaded;
  const [workspace, everyTag] = await Promise.all([readWorkspace(repo), readTagRefs(repo.cwd)]);
  const selected = selectPackages(workspace, options.packages);
  const formats = new Map(workspace.packages.map((pkg) => [pkg.name, tagFormatsFor(repo, workspace, pkg)]));
  const wanted = workspace.packages.map((pkg) => ({ name: pkg.name, formats: formats.get(pkg.name) ?? [] }));
  const allTags = selectTagsOfPackages(everyTag, wanted);
  const { history, changes, reachableTags } = await readHistory(repo, ref, workspace, allTags);
  // A workspace of one owns every commit, so its paths need not be read.
  const own = assignCommitsToPackages(
    workspace.source === 'single' ? history.map((commit) => ({ hash: commit.hash, paths: [], renames: [] })) : changes,
    workspace.packages,
    config.packages.sharedPaths,
  );
  const packageHistory = createPackageHistory(history);
  const parse = cachedParser();
  const releases = workspace.packages.map((pkg) => {
    const bump = options.bumps?.[pkg.name] ?? options.bump;
    return computePackageRelease({
      pkg,
      tagFormats: formats.get(pkg.name) ?? [],
      allTags: allTags.get(pkg.name) ?? [],
      tags: reachableTags.get(pkg.name) ?? [],
      history,
      packageHistory,
      own: own.get(pkg.name) ?? new Set(),
      parse,
      rules: config.bumpRules,
      firstVersion: config.firstVersion,
      ...(bump ? { bump } : {}),
      ...(options.preid ? { preid: options.preid } : {}),
      ...(options.exactVersion ? { exactVersion: options.exactVersion } : {}),
      ...(options.firstRelease ? { firstRelease: true } : {}),
    });
  });
  return { workspace, ref, headCommit: repo.state.head, releases, selected, history, everyTag };
}

interface HistoryRead {
  history: RawCommit[];
  changes: ChangedPaths[];
  /** Each package's tags that `ref` reaches, newest version first. */
  reachableTags: Map<string, ReleaseTag[]>;
}

/**
 * The commits (and their paths) down to what every package's last stable release contains (a
 * package never released needs the whole history). Usually each package's newest stable tag is
 * on this line: then the history read below `merge-base --octopus ref TAGS…` answers which tags
 * `ref` reaches (a commit read, or that base; tags of older versions do not decide anything),
 * without `for-each-ref --merged` walking the whole history. A newest tag elsewhere (a maintenance
 * line) falls back to that walk.
 */
async function readHistory(
  repo: OpenRepo,
  ref: string,
  workspace: Workspace,
  allTags: Map<string, ReleaseTag[]>,
): Promise<HistoryRead> {
  const read = async (exclude: string[]) => {
    const range = { include: [ref], exclude };
    const [history, changes] = await Promise.all([
      readLogArray(repo.cwd, range),
      workspace.source === 'single' ? Promise.resolve([]) : readChangedPaths(repo.cwd, range),
    ]);
    return { history, changes };
  };
  const newest = workspace.packages.map((pkg) => latestStable(allTags.get(pkg.name) ?? []) ?? null);
  if (newest.every((tag) => tag !== null)) {
    const candidates = newest as ReleaseTag[];
    const bases = await commonBases(repo.cwd, [ref, ...new Set(candidates.map((tag) => tag.commit))]);
    const { history, changes } = await read(bases);
    const reached = new Set([...bases, ...history.map((commit) => commit.hash)]);
    if (candidates.every((tag) => reached.has(tag.commit))) {
      const reachableTags = new Map(
        workspace.packages.map((pkg, index) => {
          const base = candidates[index] as ReleaseTag;
          const tags = allTags.get(pkg.name) ?? [];
          return [pkg.name, tags.filter((tag) => semver.lte(tag.version, base.version) || reached.has(tag.commit))];
        }),
      );
      return { history, changes, reachableTags };
    }
  }
  const merged = await readMergedTagNames(repo.cwd, ref);
  const reachableTags = new Map([...allTags].map(([name, tags]) => [name, tags.filter((tag) => merged.has(tag.name))]));
  const bases = workspace.packages.map((pkg) => latestStable(reachableTags.get(pkg.name) ?? [])?.commit ?? null);
  const exclude = bases.every((base) => base !== null)
    ? await commonBases(repo.cwd, [...new Set(bases as string[])])
    : [];
  return { ...(await read(exclude)), reachableTags };
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
