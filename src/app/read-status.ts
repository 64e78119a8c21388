// Everything `shipwright status` and the TUI home screen show, gathered in one place.
import type { Workflow } from '../config/config-types.js';
import { createCommitParser } from '../core/commits/parse-commit.js';
import { latestStable, type ReleaseTag } from '../core/tags/release-tag.js';
import type { NextVersion } from '../core/version/next-version.js';
import { summarizeCommits, type CommitSummary } from '../core/commits/summarize-commits.js';
import { refExists } from '../git/read-config-value.js';
import { countCommits, listBranches, readUpstreamDistance, type UpstreamDistance } from '../git/read-counts.js';
import { readMissingCommits } from '../git/read-missing-commits.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { readReleaseState, VERSION_PARSER_OPTIONS } from './read-release-state.js';

export interface EnvironmentStatus {
  name: 'production' | 'staging' | 'dev';
  /** Tag (production) or branch (staging, dev). */
  ref: string | null;
  version?: string;
  date?: string;
  /** Commits this environment is ahead of the one it feeds (staging vs production, dev vs staging). */
  ahead?: number;
}

export interface MissingFixes {
  target: string;
  commits: { hash: string; header: string }[];
}

export interface StatusReport {
  root: string;
  branch: string | null;
  workflow: Workflow;
  configSource: string;
  upstream: UpstreamDistance | null;
  environments: EnvironmentStatus[];
  lastTag: ReleaseTag | null;
  unreleased: CommitSummary;
  next: NextVersion;
  missingFixes: MissingFixes[];
}

const FIX_TYPES = new Set(['fix', 'perf', 'revert']);

async function readEnvironments(repo: OpenRepo, workflow: Workflow, allTags: ReleaseTag[]): Promise<EnvironmentStatus[]> {
  const { production, integration } = repo.loaded.config.branches;
  const prodTag = latestStable(allTags) ?? null;
  const hasMain = await refExists(repo.cwd, `refs/heads/${production}`);
  const environments: EnvironmentStatus[] = [
    { name: 'production', ref: prodTag?.name ?? null, ...(prodTag ? { version: prodTag.version, date: prodTag.date } : {}) },
  ];
  if (hasMain) {
    const ahead = await countCommits(repo.cwd, `refs/heads/${production}`, prodTag ? `refs/tags/${prodTag.name}` : undefined);
    environments.push({ name: 'staging', ref: production, ahead });
  }
  if (workflow === 'gitflow' && (await refExists(repo.cwd, `refs/heads/${integration}`))) {
    const ahead = hasMain ? await countCommits(repo.cwd, `refs/heads/${integration}`, `refs/heads/${production}`) : undefined;
    environments.push({ name: 'dev', ref: integration, ...(ahead === undefined ? {} : { ahead }) });
  }
  return environments;
}

/** Fix commits on the production branch whose change has not reached dev or an open release line. */
async function readMissingFixes(repo: OpenRepo, workflow: Workflow): Promise<MissingFixes[]> {
  const { production, integration } = repo.loaded.config.branches;
  if (!(await refExists(repo.cwd, `refs/heads/${production}`))) return [];
  const releasePrefix = repo.loaded.config.branchTypes.release?.prefix ?? 'release/';
  const targets = [
    ...(workflow === 'gitflow' && (await refExists(repo.cwd, `refs/heads/${integration}`)) ? [integration] : []),
    ...(await listBranches(repo.cwd, `refs/heads/${releasePrefix}`)),
  ];
  const parse = createCommitParser(VERSION_PARSER_OPTIONS);
  const results: MissingFixes[] = [];
  for (const target of targets) {
    const missing = await readMissingCommits(repo.cwd, `refs/heads/${production}`, `refs/heads/${target}`);
    const fixes = missing.map(parse).filter((commit) => commit.type !== null && FIX_TYPES.has(commit.type));
    if (fixes.length > 0) results.push({ target, commits: fixes.map((commit) => ({ hash: commit.raw.hash, header: commit.header })) });
  }
  return results;
}

export async function readStatus(repo: OpenRepo): Promise<StatusReport> {
  const workflow = await resolveWorkflow(repo);
  const [state, upstream] = await Promise.all([
    readReleaseState(repo),
    repo.state.branch ? readUpstreamDistance(repo.cwd, repo.state.branch) : Promise.resolve(null),
  ]);
  const [environments, missingFixes] = await Promise.all([readEnvironments(repo, workflow, state.allTags), readMissingFixes(repo, workflow)]);
  return {
    root: repo.cwd,
    branch: repo.state.branch,
    workflow,
    configSource: repo.loaded.source,
    upstream,
    environments,
    lastTag: state.tags[0] ?? null,
    unreleased: summarizeCommits(state.commits),
    next: state.next,
    missingFixes,
  };
}
