// Everything `shipwright status` and the TUI home screen show, gathered in one place.
import type { Workflow } from '../config/config-types.js';
import { missingOn } from '../core/backport/backport-matrix.js';
import { latestStable, type ReleaseTag } from '../core/tags/release-tag.js';
import type { NextVersion } from '../core/version/next-version.js';
import { summarizeCommits, type CommitSummary } from '../core/conventional-commits/summarize-commits.js';
import { refExists } from '../git/read-refs.js';
import { countCommits } from '../git/read-ancestry.js';
import { readUpstreamDistance, type UpstreamDistance } from '../git/read-remote.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { readDefaultBackportMatrix } from './read-backport-matrix.js';
import { newestStableOn, readReleaseState } from './read-release-state.js';

export interface EnvironmentStatus {
  name: 'production' | 'staging' | 'dev';
  /** Tag (production) or branch (staging, dev). */
  ref: string | null;
  version?: string;
  date?: string;
  /** Commits this environment is ahead of the one it feeds (staging vs production, dev vs staging). */
  ahead?: number;
}

/** A stable release newer than production that the production branch does not contain. */
export interface TagElsewhere {
  name: string;
  version: string;
}

export interface MissingFixes {
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
}

async function readEnvironments(
  repo: OpenRepo,
  workflow: Workflow,
  allTags: ReleaseTag[],
): Promise<{ environments: EnvironmentStatus[]; newerElsewhere: TagElsewhere | null }> {
  const { production, integration } = repo.loaded.config.branches;
  const hasMain = await refExists(repo.cwd, `refs/heads/${production}`);
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
  if (hasMain) {
    const ahead = await countCommits(
      repo.cwd,
      `refs/heads/${production}`,
      prodTag ? `refs/tags/${prodTag.name}` : undefined,
    );
    environments.push({ name: 'staging', ref: production, ahead });
  }
  if (workflow === 'gitflow' && (await refExists(repo.cwd, `refs/heads/${integration}`))) {
    const ahead = hasMain
      ? await countCommits(repo.cwd, `refs/heads/${integration}`, `refs/heads/${production}`)
      : undefined;
    environments.push({ name: 'dev', ref: integration, ...(ahead === undefined ? {} : { ahead }) });
  }
  return { environments, newerElsewhere };
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

export async function readStatus(repo: OpenRepo): Promise<StatusReport> {
  const workflow = await resolveWorkflow(repo);
  const [state, upstream] = await Promise.all([
    readReleaseState(repo),
    repo.state.branch ? readUpstreamDistance(repo.cwd, repo.state.branch) : Promise.resolve(null),
  ]);
  const [{ environments, newerElsewhere }, missingFixes] = await Promise.all([
    readEnvironments(repo, workflow, state.allTags),
    readMissingFixes(repo),
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
  };
}
