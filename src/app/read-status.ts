// Everything `shipwright status` and the TUI home screen show, gathered in one place.
import type { Workflow } from '../core/config/config-types.js';
import { missingOn } from '../core/backport/backport-matrix.js';
import { latestStable, type ReleaseTag } from '../core/tags/release-tag.js';
import type { NextVersion } from '../core/version/next-version.js';
import { summarizeCommits, type CommitSummary } from '../core/conventional-commits/summarize-commits.js';
import { refExists } from '../git/read-refs.js';
import { assertHasCommits } from '../git/read-repo.js';
import { countCommits, countCommitsIfPresent } from '../git/read-ancestry.js';
import { readUpstreamDistance, type UpstreamDistance } from '../git/read-remote.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { readDefaultBackportMatrix } from './read-backport-matrix.js';
import { newestStableOn, readReleaseState } from './read-release-state.js';

interface EnvironmentStatus {
  name: 'production' | 'staging' | 'dev';
  /** Tag (production) or branch (staging, dev). */
  ref: string | null;
  version?: string;
  date?: string;
  /** Commits this environment is ahead of the one it feeds (staging vs production, dev vs staging). */
  ahead?: number;
}

/** A stable release newer than production that the production branch does not contain. */
interface TagElsewhere {
  name: string;
  version: string;
}

interface MissingFixes {
  target: string;
  commits: { hash: string; header: string }[];
}

export interface StatusReport {
  root: string;
  branch: string | null;
  workflow: Workflow;
  /** The branch names in use (configured, or production named from the repository). */
  branches: { production: string; integration: string };
  configSource: string;
  upstream: UpstreamDistance | null;
  environments: EnvironmentStatus[];
  /**
   * The newest stable release, when the production branch does not contain it (tagged on a
   * release or maintenance branch, or the local branch is behind origin): never called
   * production, and said so rather than ignored.
   */
  newerElsewhere: TagElsewhere | null;
  lastTag: ReleaseTag | null;
  unreleased: CommitSummary;
  next: NextVersion;
  missingFixes: MissingFixes[];
  /**
   * Production has commits the checked-out branch lacks (a hotfix not merged back, a branch cut
   * before the last release): what the report describes is behind what runs. Null when not.
   */
  productionAhead: ProductionAhead | null;
}

interface ProductionAhead {
  /** The production branch, or the production tag when there is no production branch here. */
  ref: string;
  commits: number;
}

/** Which of the production and integration branches exist here: asked at once, not one after the other. */
function readBranchesPresent(repo: OpenRepo): Promise<[boolean, boolean]> {
  const { production, integration } = repo.loaded.config.branches;
  return Promise.all([
    refExists(repo.cwd, `refs/heads/${production}`),
    refExists(repo.cwd, `refs/heads/${integration}`),
  ]);
}

async function readEnvironments(
  repo: OpenRepo,
  workflow: Workflow,
  allTags: ReleaseTag[],
  [hasMain, hasIntegration]: [boolean, boolean],
): Promise<{ environments: EnvironmentStatus[]; newerElsewhere: TagElsewhere | null; tagAhead: number }> {
  const { production, integration } = repo.loaded.config.branches;
  // Production is the newest release the production branch contains, as `hotfix start` reads it;
  // without the branch, the newest release there is.
  const newest = latestStable(allTags) ?? null;
  const prodTag = hasMain ? ((await newestStableOn(repo, allTags, `refs/heads/${production}`)) ?? null) : newest;
  const newerElsewhere =
    newest && newest.name !== prodTag?.name ? { name: newest.name, version: newest.version } : null;
  const environments: EnvironmentStatus[] = [
    {
      name: 'production',
      ref: prodTag?.name ?? null,
      ...(prodTag ? { version: prodTag.version, date: prodTag.date } : {}),
    },
  ];
  const showsDev = workflow === 'gitflow' && hasIntegration;
  const [stagingAhead, devAhead, tagAhead] = await Promise.all([
    hasMain
      ? countCommits(repo.cwd, `refs/heads/${production}`, prodTag ? `refs/tags/${prodTag.name}` : undefined)
      : undefined,
    showsDev && hasMain ? countCommits(repo.cwd, `refs/heads/${integration}`, `refs/heads/${production}`) : undefined,
    // Without a production branch, the production tag is what runs: what of it does HEAD lack?
    !hasMain && prodTag ? countCommits(repo.cwd, `refs/tags/${prodTag.name}`, 'HEAD') : 0,
  ]);
  if (stagingAhead !== undefined) environments.push({ name: 'staging', ref: production, ahead: stagingAhead });
  if (showsDev)
    environments.push({ name: 'dev', ref: integration, ...(devAhead === undefined ? {} : { ahead: devAhead }) });
  return { environments, newerElsewhere, tagAhead };
}

/** Fix commits on the production branch whose change has not reached dev, a release or a maintenance line. */
async function readMissingFixes(repo: OpenRepo): Promise<MissingFixes[]> {
  const matrix = await readDefaultBackportMatrix(repo);
  if (!matrix) return [];
  return matrix.targets
    .map((target, index) => ({
      target,
      commits: missingOn(matrix, index).map((row) => ({ hash: row.commit.raw.hash, header: row.commit.header })),
    }))
    .filter((missing) => missing.commits.length > 0);
}

const productionAhead = (ref: string | null | undefined, commits: number): ProductionAhead | null =>
  ref && commits > 0 ? { ref, commits } : null;

export async function readStatus(repo: OpenRepo): Promise<StatusReport> {
  // Before any read starts: without commits every one of them fails, each its own way.
  assertHasCommits(repo.state);
  // The TUI's first frame waits for this: every read that does not need another's answer starts now.
  const missing = readMissingFixes(repo);
  missing.catch(() => undefined); // awaited below; not an unhandled rejection if another read fails first
  const { production } = repo.loaded.config.branches;
  const [workflow, state, upstream, present, branchAhead] = await Promise.all([
    resolveWorkflow(repo),
    readReleaseState(repo),
    repo.state.branch ? readUpstreamDistance(repo.cwd, repo.state.branch) : Promise.resolve(null),
    readBranchesPresent(repo),
    // 0 on production itself, and when the branch does not exist (--ignore-missing).
    countCommitsIfPresent(repo.cwd, `refs/heads/${production}`, 'HEAD'),
  ]);
  const [{ environments, newerElsewhere, tagAhead }, missingFixes] = await Promise.all([
    readEnvironments(repo, workflow, state.allTags, present),
    missing,
  ]);
  return {
    root: repo.cwd,
    branch: repo.state.branch,
    workflow,
    branches: { ...repo.loaded.config.branches },
    configSource: repo.loaded.source,
    upstream,
    environments,
    newerElsewhere,
    lastTag: state.tags[0] ?? null,
    unreleased: summarizeCommits(state.commits),
    next: state.next,
    missingFixes,
    productionAhead: productionAhead(
      present[0] ? production : environments[0]?.ref,
      present[0] ? branchAhead : tagAhead,
    ),
  };
}
