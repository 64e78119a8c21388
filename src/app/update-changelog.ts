// The changelog use case: the new sections merged into CHANGELOG.md, refused when this clone lacks
// the tags that explain its history. `shipwright changelog`, releases and hotfixes all write
// through changelogFile(); the command's whole use case is prepareChangelogUpdate().
import { shellCommand, quoteShellWord } from '../core/display-text/shell-words.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { mergeChangelog, parseChangelog } from '../core/changelog/merge-changelog.js';
import { checkReleaseHistory, type UnexplainedRelease } from '../core/changelog/release-history.js';
import { checkFailed } from '../core/errors.js';
import type { Plan } from '../core/plan/plan.js';
import { releaseTagsMissingHere } from '../core/tags/release-tag.js';
import { readConfigValue } from '../git/read-config.js';
import { listRemotes, readRemoteTagNames, readUpstream } from '../git/read-remote.js';
import { buildChangelog, type ChangelogRequest, type ChangelogResult } from './build-changelog.js';
import type { OpenRepo } from './open-repo.js';

interface ChangelogFile {
  path: string;
  existing: string | null;
  content: string;
}

interface ChangelogFileOptions {
  /** Regenerate every section (`--release-count 0`). */
  replaceAll?: boolean;
  /** The remote's release tags that are not here, when the remote was asked. */
  missingRemoteTags?: { remote: string; tags: readonly string[] };
}

const listed = (items: readonly string[], max = 4): string =>
  `${items.slice(0, max).join(', ')}${items.length > max ? `, … (${items.length} in all)` : ''}`;

/** The fix for missing tags: fetch them from the remote there is, or say where tags come from. */
export function fetchTagsFix(remote: string | null): string {
  return remote
    ? `${shellCommand(['git', 'fetch', '--tags', remote])}   (then run the command again)`
    : 'git fetch --tags   (from the remote the releases were tagged on; then run the command again)';
}

/** Refuses when the remote has release tags this clone lacks: versions and the changelog would be computed without them. */
export function assertRemoteTagsHere(missing: { remote: string; tags: readonly string[] } | undefined): void {
  if (!missing || missing.tags.length === 0) return;
  throw checkFailed(
    `${missing.remote} has release tags that are not here (${listed(missing.tags)}): the version and changelog would be computed without them.`,
    {
      code: 'tags-not-fetched',
      fix: fetchTagsFix(missing.remote),
    },
  );
}

function unexplainedError(
  unexplained: readonly UnexplainedRelease[],
  newest: string | null,
  remote: string | null,
  prefix: string,
): Error {
  const bySource = new Map<string, string[]>();
  for (const entry of unexplained) bySource.set(entry.source, [...(bySource.get(entry.source) ?? []), entry.version]);
  const claims = [...bySource]
    .map(
      ([source, versions]) => `${source} names ${versions.length === 1 ? 'release' : 'releases'} ${listed(versions)}`,
    )
    .join('; ');
  const here = newest ? `the newest release tag here is ${newest}` : 'there is no release tag here';
  return checkFailed(
    `${claims}, but ${here}: this clone is missing tags (cloned with --no-tags?), and writing would replace that history.`,
    {
      code: 'tags-not-fetched',
      fix: `${fetchTagsFix(remote)}; a release that was never tagged: git tag ${quoteShellWord(prefix)}<version> <its release commit>`,
    },
  );
}

/** The versions the version files claim: package.json, and lerna.json's fixed version (commitlint's root says 1.0.0, lerna.json the real one). */
async function readClaimedVersions(repo: OpenRepo): Promise<{ path: string; version: string }[]> {
  const claimed: { path: string; version: string }[] = [];
  const own = repo.packageJson?.version;
  if (typeof own === 'string' && semver.valid(own) !== null) claimed.push({ path: 'package.json', version: own });
  const lerna = await readFile(join(repo.cwd, 'lerna.json'), 'utf8')
    .then(
      (text) => JSON.parse(text) as { version?: unknown },
      () => null,
    )
    .catch(() => null);
  if (typeof lerna?.version === 'string' && semver.valid(lerna.version) !== null)
    claimed.push({ path: 'lerna.json', version: lerna.version });
  return claimed;
}

/**
 * Refuses (before anything is written) when CHANGELOG.md or the version files name releases above
 * the newest tag here, which is what a clone without tags looks like: every past release would be
 * "upcoming", and writing would drop that history. Returns the file and the upcoming release's own
 * draft in it (the one section an update may replace).
 */
export async function checkChangelogHistory(
  repo: OpenRepo,
  result: ChangelogResult,
): Promise<{ path: string; existing: string | null; draft: string | null }> {
  const { config } = repo.loaded;
  const path = config.changelog.file;
  const existing = await readFile(join(repo.cwd, path), 'utf8').catch(() => null);
  const newest = result.state.tags[0] ?? null;
  const history = checkReleaseHistory({
    sectionVersions: existing === null ? [] : parseChangelog(existing).sections.map((section) => section.version),
    fileVersions: await readClaimedVersions(repo),
    tagged: result.state.allTags.map((tag) => tag.version),
    newestReachable: newest?.version ?? null,
    upcoming: result.upcoming?.version ?? null,
    firstVersion: config.firstVersion,
  });
  if (history.unexplained.length > 0)
    throw unexplainedError(history.unexplained, newest?.name ?? null, await defaultRemote(repo), config.tagPrefix);
  return { path, existing, draft: history.draft };
}

/** CHANGELOG.md as it will be: the rendered sections merged in, every other byte kept (after checkChangelogHistory). */
export async function changelogFile(
  repo: OpenRepo,
  result: ChangelogResult,
  options: ChangelogFileOptions = {},
): Promise<ChangelogFile> {
  assertRemoteTagsHere(options.missingRemoteTags);
  const { path, existing, draft } = await checkChangelogHistory(repo, result);
  return {
    path,
    existing,
    content: mergeChangelog({ existing, rendered: result.markdown, draft, replaceAll: options.replaceAll === true }),
  };
}

/** The current branch's upstream remote, else origin, else none. */
export async function defaultRemote(repo: OpenRepo): Promise<string | null> {
  const upstream = repo.state.branch ? await readUpstream(repo.cwd, repo.state.branch) : null;
  if (upstream) return upstream.remote;
  return (await listRemotes(repo.cwd)).includes('origin') ? 'origin' : null;
}

/** The remote's release tags that are not here; null when there is no remote or it cannot be asked. */
async function readMissingRemoteTags(
  repo: OpenRepo,
  remote: string,
  here: readonly string[],
): Promise<{ remote: string; tags: string[] } | null> {
  const names = await readRemoteTagNames(repo.cwd, remote).catch(() => null);
  if (names === null) return null;
  return { remote, tags: releaseTagsMissingHere(names, here, repo.loaded.config.tagPrefix) };
}

/**
 * Is this a clone set to fetch no tags (`git clone --no-tags` sets remote.<name>.tagOpt)? Only
 * then does `shipwright changelog` ask the remote, so an ordinary run (a new project's first one
 * included) stays offline; the files catch a tagless clone with history either way.
 */
async function remoteToAsk(repo: OpenRepo): Promise<string | null> {
  const remote = await defaultRemote(repo);
  if (remote === null) return null;
  return (await readConfigValue(repo.cwd, `remote.${remote}.tagOpt`)) === '--no-tags' ? remote : null;
}

interface ChangelogUpdate {
  result: ChangelogResult;
  file: ChangelogFile;
  /** null when the file already says it all. */
  plan: Plan | null;
  /** The versions written, newest first. */
  versions: string[];
}

/** `shipwright changelog`: the sections for the request merged into CHANGELOG.md, as a Plan to run or print. */
export async function prepareChangelogUpdate(repo: OpenRepo, request: ChangelogRequest): Promise<ChangelogUpdate> {
  const result = await buildChangelog(repo, request);
  const versions = result.sections.map((section) => section.version);
  const path = repo.loaded.config.changelog.file;
  if (result.sections.length === 0)
    return { result, file: { path, existing: null, content: '' }, plan: null, versions };
  const remote = await remoteToAsk(repo);
  const missing = remote
    ? await readMissingRemoteTags(
        repo,
        remote,
        result.state.allTags.map((tag) => tag.name),
      )
    : null;
  const file = await changelogFile(repo, result, {
    replaceAll: request.releaseCount === 0,
    ...(missing ? { missingRemoteTags: missing } : {}),
  });
  if (file.content === file.existing) return { result, file, plan: null, versions };
  const plan: Plan = {
    title: `Update ${path}`,
    steps: [
      {
        kind: 'write-file',
        path,
        content: file.content,
        description: `${file.existing === null ? 'create' : 'update'} ${path} with ${versions.join(', ')}`,
      },
    ],
  };
  return { result, file, plan, versions };
}
