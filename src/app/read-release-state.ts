// What has been released and what comes next, for one ref: tags, commits since, next version.
import type { ParserOptions } from 'conventional-commits-parser';
import semver from 'semver';
import type { ConventionalCommit } from '../core/conventional-commits/conventional-commit.js';
import type { RawCommit } from '../core/conventional-commits/raw-commit.js';
import { createCommitParser } from '../core/conventional-commits/parse-commit.js';
import { loadPreset } from '../core/conventional-commits/parser-options.js';
import { latestStable, selectReleaseTags, type ReleaseTag } from '../core/tags/release-tag.js';
import type { Bump } from '../core/version/bump-rules.js';
import { computeNextVersion, type NextVersion } from '../core/version/next-version.js';
import { readLogArray } from '../git/read-log.js';
import { assertHasCommits, assertNotShallow } from '../git/read-repo.js';
import { isAncestor } from '../git/read-ancestry.js';
import { readTagDates, readTagRefs, readTags } from '../git/read-tags.js';
import type { OpenRepo } from './open-repo.js';

export interface ReleaseState {
  /** The ref released from, e.g. HEAD. */
  ref: string;
  headCommit: string;
  tags: ReleaseTag[];
  /**
   * Every release tag in the repository, reachable or not, newest version first. In the `latest`
   * scope only `tags` and the newest stable release carry dates (the rest are read from the refs
   * alone, which costs nothing however many tags there are); in `all`, every tag does.
   */
  allTags: ReleaseTag[];
  /** Commits since the last stable release (or all), newest first, merges included. */
  commits: ConventionalCommit[];
  /** The same commits as git reported them (for re-parsing with a changelog preset). */
  rawCommits: RawCommit[];
  /** The stable tag those commits are counted from. */
  base: ReleaseTag | null;
  next: NextVersion;
}

/**
 * `latest`: only the newest reachable tags, down to the newest reachable stable one — what versions
 * and the upcoming section need, with cost independent of history length. `all`: every reachable
 * tag (`git for-each-ref --merged` walks the whole history), for regenerating a changelog.
 */
type TagScope = 'latest' | 'all';

export interface ReleaseStateOptions {
  ref?: string;
  /**
   * The branch the release is merged into before it is tagged (gitflow's finish: production). Its
   * commits and tags are the release's too: a fix that reached it outside the release branch (a
   * hotfix not back-merged yet) is in the tag, so it is in the notes.
   */
  mergeWith?: string;
  tagScope?: TagScope;
  bump?: Bump;
  preid?: string;
  /** X.Y.Z fixed by a release branch's name, instead of one derived from the commits. */
  target?: string;
  /** A whole version chosen by a person (checked with checkCustomVersion), used as it is. */
  exactVersion?: string;
  /** `--first-release`: with no release tag yet, release package.json's version (or firstVersion) unbumped. */
  firstRelease?: boolean;
}

/** package.json's version, which a first release bumps (or keeps, with --first-release). */
function declaredVersion(packageJson: Record<string, unknown> | null): string | undefined {
  const version = packageJson?.version;
  return typeof version === 'string' && semver.valid(version) === version ? version : undefined;
}

/** The Conventional Commits grammar decides versions whatever the changelog preset. */
export const VERSION_PARSER_OPTIONS: ParserOptions = loadPreset('conventionalcommits').parser;

export async function readReleaseState(repo: OpenRepo, options: ReleaseStateOptions = {}): Promise<ReleaseState> {
  assertHasCommits(repo.state);
  assertNotShallow(repo.state);
  const ref = options.ref ?? 'HEAD';
  const { config } = repo.loaded;
  const heads = [ref, ...(options.mergeWith ? [options.mergeWith] : [])];
  const all = options.tagScope === 'all' || options.mergeWith !== undefined;
  // `all`: both tag reads walk objects; they run side by side.
  const [everyTag, mergedTags] = await Promise.all([
    all ? readTags(repo.cwd) : readTagRefs(repo.cwd),
    all ? readTags(repo.cwd, { mergedInto: heads }) : null,
  ]);
  const allTags = selectReleaseTags(everyTag, config.tagPrefix);
  const tags = mergedTags ? selectReleaseTags(mergedTags, config.tagPrefix) : await newestReachable(repo, allTags, ref);
  if (!all) await fillDates(repo.cwd, [...tags, ...[latestStable(allTags)].filter((tag) => tag !== undefined)]);
  const base = latestStable(tags) ?? null;
  const raw = await readLogArray(repo.cwd, { include: heads, exclude: base ? [`refs/tags/${base.name}`] : [] });
  const parse = createCommitParser(VERSION_PARSER_OPTIONS);
  const commits = raw.map(parse);
  const next = computeNextVersion({
    commits,
    tags,
    existingTags: allTags,
    rules: config.bumpRules,
    firstVersion: config.firstVersion,
    ...(options.bump ? { bump: options.bump } : {}),
    ...(options.preid ? { preid: options.preid } : {}),
    ...(options.target ? { target: options.target } : {}),
    ...(options.exactVersion ? { exactVersion: options.exactVersion } : {}),
    ...startOptions(repo, options),
  });
  return { ref, headCommit: repo.state.head, tags, allTags, commits, rawCommits: raw, base, next };
}

function startOptions(
  repo: OpenRepo,
  options: ReleaseStateOptions,
): { startVersion?: string; keepStartVersion?: boolean } {
  const startVersion = declaredVersion(repo.packageJson);
  return { ...(startVersion ? { startVersion } : {}), ...(options.firstRelease ? { keepStartVersion: true } : {}) };
}

/** What production runs: the newest stable release the production branch contains (hotfixes start from it). */
export async function readProductionRelease(repo: OpenRepo): Promise<ReleaseTag | undefined> {
  return latestStable(
    (await readReleaseState(repo, { ref: `refs/heads/${repo.loaded.config.branches.production}` })).tags,
  );
}

/**
 * The newest stable release `ref` contains, from tags already read (ancestry checks only, no log):
 * what `status` calls production when `ref` is the production branch, as `hotfix start` does.
 */
export async function newestStableOn(
  repo: OpenRepo,
  allTags: readonly ReleaseTag[],
  ref: string,
): Promise<ReleaseTag | undefined> {
  const found = latestStable(
    await newestReachable(
      repo,
      allTags.filter((tag) => !tag.isPrerelease),
      ref,
    ),
  );
  if (found) await fillDates(repo.cwd, [found]);
  return found;
}

/** Dates for the tags that are shown (status, the version's explanation); the objects are read for these only. */
async function fillDates(cwd: string, tags: readonly ReleaseTag[]): Promise<void> {
  const missing = [...new Set(tags.filter((tag) => tag.date === '').map((tag) => tag.name))];
  const dates = await readTagDates(cwd, missing);
  for (const tag of tags) tag.date ||= dates.get(tag.name) ?? '';
}

/** After this many unreachable candidates, one full `--merged` walk is cheaper than more checks. */
const MAX_ANCESTRY_CHECKS = 16;

/** Reachable tags newest first, from the newest down to the first stable one, by ancestry checks. */
async function newestReachable(repo: OpenRepo, allTags: readonly ReleaseTag[], ref: string): Promise<ReleaseTag[]> {
  const reachable: ReleaseTag[] = [];
  let misses = 0;
  for (const tag of allTags) {
    if (await isAncestor(repo.cwd, tag.commit, ref)) {
      reachable.push(tag);
      if (!tag.isPrerelease) return reachable;
    } else if (++misses >= MAX_ANCESTRY_CHECKS) {
      return selectReleaseTags(await readTags(repo.cwd, { mergedInto: ref }), repo.loaded.config.tagPrefix);
    }
  }
  return reachable;
}
