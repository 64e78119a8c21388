// What has been released and what comes next, for one ref: tags, commits since, next version.
import type { ParserOptions } from 'conventional-commits-parser';
import type { ConventionalCommit } from '../core/commits/conventional-commit.js';
import { createCommitParser } from '../core/commits/parse-commit.js';
import { loadPreset } from '../core/commits/parser-options.js';
import { latestStable, selectReleaseTags, type ReleaseTag } from '../core/tags/release-tag.js';
import type { Bump } from '../core/version/bump-rules.js';
import { computeNextVersion, type NextVersion } from '../core/version/next-version.js';
import { readLogArray } from '../git/read-log.js';
import { assertHasCommits, assertNotShallow } from '../git/read-repo-state.js';
import { readTags } from '../git/read-tags.js';
import type { OpenRepo } from './open-repo.js';

export interface ReleaseState {
  /** The ref released from, e.g. HEAD. */
  ref: string;
  headCommit: string;
  tags: ReleaseTag[];
  /** Commits since the last stable release (or all), newest first, merges included. */
  commits: ConventionalCommit[];
  next: NextVersion;
}

export interface ReleaseStateOptions {
  ref?: string;
  bump?: Bump;
  preid?: string;
}

/** The Conventional Commits grammar decides versions whatever the changelog preset. */
export const VERSION_PARSER_OPTIONS: ParserOptions = loadPreset('conventionalcommits').parser;

export async function readReleaseState(repo: OpenRepo, options: ReleaseStateOptions = {}): Promise<ReleaseState> {
  assertHasCommits(repo.state);
  assertNotShallow(repo.state);
  const ref = options.ref ?? 'HEAD';
  const { config } = repo.loaded;
  const tags = selectReleaseTags(await readTags(repo.cwd, { mergedInto: ref }), config.tagPrefix);
  const base = latestStable(tags);
  const raw = await readLogArray(repo.cwd, { include: [ref], exclude: base ? [`refs/tags/${base.name}`] : [] });
  const parse = createCommitParser(VERSION_PARSER_OPTIONS);
  const commits = raw.map(parse);
  const next = computeNextVersion({
    commits,
    tags,
    rules: config.bumpRules,
    firstVersion: config.firstVersion,
    ...(options.bump ? { bump: options.bump } : {}),
    ...(options.preid ? { preid: options.preid } : {}),
  });
  return { ref, headCommit: repo.state.head, tags, commits, next };
}
