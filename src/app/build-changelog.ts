// Builds changelog Markdown for a ref: the upcoming release and/or past releases.
import semver from 'semver';
import { branchPrefix } from '../config/branch-prefix.js';
import { renderChangelog } from '../core/changelog/render-changelog.js';
import { splitIntoSections, type ReleaseSection, type UpcomingRelease } from '../core/changelog/release-section.js';
import { createCommitParser } from '../core/conventional-commits/parse-commit.js';
import { changelogParserOptions, type PresetName } from '../core/conventional-commits/parser-options.js';
import { latestStable, tagName } from '../core/tags/release-tag.js';
import { resolveCommit } from '../git/read-refs.js';
import { readLogMapped } from '../git/read-log.js';
import { assertChangelogRange } from './changelog-range.js';
import { readRepositoryInfo, resolveWorkflow, today, type OpenRepo } from './open-repo.js';
import { readReleaseState, type ReleaseState, type ReleaseStateOptions } from './read-release-state.js';

export interface ChangelogRequest extends ReleaseStateOptions {
  /**
   * 1 = the upcoming release only; N = it and N-1 past releases; 0 = the whole history. In a range
   * (`from` or `to`), N counts the range's releases from its newest end.
   */
  releaseCount: number;
  /** Only commits after this revision (`--from`): the releases between it and `to`. */
  from?: string;
  /** The range's newest end (`--to`): a release tag prints that release; default HEAD. */
  to?: string;
  preset?: PresetName;
  /** YYYY-MM-DD for the upcoming release; defaults to today. */
  day?: string;
}

export interface ChangelogResult {
  markdown: string;
  sections: ReleaseSection[];
  state: ReleaseState;
  /** The upcoming release's section, when there is something to release. */
  upcoming: ReleaseSection | null;
}

/**
 * Under gitflow, on `release/X.Y.Z` with nothing forced, the upcoming section is X.Y.Z: the version
 * `release finish` will tag, and the one `release start` already wrote into package.json (which a
 * first release would otherwise bump again).
 */
async function withReleaseBranchTarget(repo: OpenRepo, request: ChangelogRequest): Promise<ChangelogRequest> {
  const { config } = repo.loaded;
  const branch = repo.state.branch;
  const prefix = branchPrefix(config, 'release');
  const forced = request.target ?? request.bump ?? request.preid ?? request.exactVersion ?? request.to ?? request.ref;
  if (
    forced !== undefined ||
    branch === null ||
    !branch.startsWith(prefix) ||
    (await resolveWorkflow(repo)) !== 'gitflow'
  )
    return request;
  const target = branch.slice(prefix.length);
  return semver.valid(target) === target && semver.prerelease(target) === null ? { ...request, target } : request;
}

export async function buildChangelog(repo: OpenRepo, request: ChangelogRequest): Promise<ChangelogResult> {
  const ranged = request.from !== undefined || request.to !== undefined;
  if (ranged)
    await assertChangelogRange(repo.cwd, {
      ...(request.from ? { from: request.from } : {}),
      ...(request.to ? { to: request.to } : {}),
    });
  if (request.to !== undefined) request = { ...request, ref: request.to };
  request = await withReleaseBranchTarget(repo, request);
  const fastPath = request.releaseCount === 1 && !ranged;
  // Asked while the tags and log are read: one git process less to wait for.
  const repositoryInfo = readRepositoryInfo(repo);
  repositoryInfo.catch(() => undefined);
  const { config } = repo.loaded;
  const preset = request.preset ?? config.changelog.preset;
  // The parser recognises the host's reference keywords, so it waits for the repository's URL.
  const parseCommit = repositoryInfo.then((repository) =>
    createCommitParser(changelogParserOptions(preset, repository)),
  );
  parseCommit.catch(() => undefined);
  // The whole history (regenerating everything) does not depend on the tags: read and parse it
  // meanwhile, each chunk as git writes it.
  const wholeHistory =
    (request.releaseCount !== 1 || ranged) && !request.from && !request.mergeWith
      ? readLogMapped(repo.cwd, { include: [request.ref ?? 'HEAD'], exclude: [] }, parseCommit)
      : null;
  wholeHistory?.catch(() => undefined);
  const state = await readReleaseState(repo, { ...request, tagScope: fastPath ? 'latest' : 'all' });
  const repository = await repositoryInfo;

  const head = state.ref === 'HEAD' ? state.headCommit : await resolveCommit(repo.cwd, state.ref);
  const exclude: string[] = [];
  if (request.from) exclude.push(request.from);
  else if (fastPath) {
    // Fast path: only what the upcoming release brings, so cost follows commits since the tag.
    const base =
      state.next.kind === 'release' && semver.prerelease(state.next.version) !== null
        ? state.tags[0]
        : latestStable(state.tags);
    if (base) exclude.push(`refs/tags/${base.name}`);
  }
  // The version was decided from the same range: reuse those commits instead of reading them again.
  const sameRange =
    exclude.length === (state.base ? 1 : 0) && (!state.base || exclude[0] === `refs/tags/${state.base.name}`);
  const history =
    fastPath && sameRange
      ? state.rawCommits.map(await parseCommit)
      : exclude.length === 0 && wholeHistory
        ? await wholeHistory
        : await readLogMapped(
            repo.cwd,
            { include: [state.ref, ...(request.mergeWith ? [request.mergeWith] : [])], exclude },
            parseCommit,
          );

  const headIsTagged = state.tags.some((tag) => tag.commit === head);
  const upcoming: UpcomingRelease | undefined =
    state.next.kind === 'release' && !headIsTagged
      ? {
          name: tagName(config.tagPrefix, state.next.version),
          version: state.next.version,
          commit: head,
          ...(request.mergeWith ? { merges: [await resolveCommit(repo.cwd, request.mergeWith)] } : {}),
          isPrerelease: semver.prerelease(state.next.version) !== null,
          date: '',
          day: request.day ?? today(),
        }
      : undefined;

  const all = splitIntoSections(history, state.tags, upcoming).filter((section) => section.commits.length > 0);
  const upcomingSection = all.find((section) => section.unreleased) ?? null;
  // As conventional-changelog counts: the upcoming release is one of N; with nothing to release,
  // N past releases would be one more than it prints, so it is still N - 1. A range counts its own.
  const sections =
    request.releaseCount > 0 ? all.slice(0, request.releaseCount - (upcomingSection || ranged ? 0 : 1)) : all;
  const markdown = await renderChangelog(sections, { preset, repository, types: config.changelog.types });
  return { markdown, sections, state, upcoming: upcomingSection };
}
