// Everything `shipwright status` and the TUI home screen show, gathered in one place.
import type { Workflow } from '../core/config/config-types.js';
import { missingOn } from '../core/backport/backport-matrix.js';
import { latestStable, type ReleaseTag } from '../core/tags/release-tag.js';
import type { NextVersion } from '../core/version/next-version.js';
import { summarizeCommits, type CommitSummary } from '../core/conventional-commits/summarize-commits.js';
import { existingRefs } from '../git/read-refs.js';
import { assertHasCommits } from '../git/read-repo.js';
import { countCommits, countCommitsIfPresent } from '../git/read-ancestry.js';
import { readUpstreamDistance, type UpstreamDistance } from '../git/read-remote.js';
import { resolveWorkflowFrom, workflowRefs, type OpenRepo } from './open-repo.js';
import { readDefaultBackportMatrix } from './read-backport-matrix.js';
import {
  fillDates,
  newestStableReachable,
  readReleaseState,
  readReleaseTags,
  type ReleaseState,
} from './read-release-state.js';

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

/**
 * Which of the production and integration branches exist here, and the workflow when the config does
 * not name it: one git process for every ref these questions look for.
 */
function readBranchesAndWorkflow(repo: OpenRepo): {
  present: Promise<[boolean, boolean]>;
  workflow: Promise<Workflow>;
} {
  const production = `refs/heads/${repo.loaded.config.branches.production}`;
  const integration = `refs/heads/${repo.loaded.config.branches.integration}`;
  // Set when resolveWorkflowFrom has to look (synchronously, before it returns).
  const shared: { lookup?: Promise<ReadonlySet<string>> } = {};
  const workflow = resolveWorkflowFrom(repo, () => {
    shared.lookup = existingRefs(repo.cwd, [...new Set([production, integration, ...workflowRefs(repo)])]);
    return shared.lookup;
  });
  const found = shared.lookup ?? existingRefs(repo.cwd, [production, integration]);
  return { present: found.then((refs) => [refs.has(production), refs.has(integration)]), workflow };
}

/** What production runs (its newest stable release) and how far the staging branch is past it. */
interface ProductionFacts {
  tag: ReleaseTag | null;
  /** Commits of the production branch after that release; undefined without a production branch. */
  stagingAhead: number | undefined;
  /** Without a production branch: the commits of the production tag that HEAD lacks. */
  tagAhead: number;
}

/**
 * Production is the newest release the production branch contains, as `hotfix start` reads it;
 * without the branch, the newest release there is. Read from the tags as soon as they are known,
 * beside HEAD's own release state, not after it.
 */
async function readProduction(repo: OpenRepo, allTags: ReleaseTag[], hasMain: boolean): Promise<ProductionFacts> {
  const { production } = repo.loaded.config.branches;
  if (!hasMain) {
    const tag = latestStable(allTags) ?? null;
    // The production tag is what runs: what of it does HEAD lack? (readReleaseState dates it.)
    const tagAhead = tag ? await countCommits(repo.cwd, `refs/tags/${tag.name}`, 'HEAD') : 0;
    return { tag, stagingAhead: undefined, tagAhead };
  }
  const tag = (await newestStableReachable(repo, allTags, `refs/heads/${production}`)) ?? null;
  const [stagingAhead] = await Promise.all([
    countCommits(repo.cwd, `refs/heads/${production}`, tag ? `refs/tags/${tag.name}` : undefined),
    tag ? fillDates(repo.cwd, [tag]) : undefined,
  ]);
  return { tag, stagingAhead, tagAhead: 0 };
}

/**
 * On the production branch, HEAD is its tip: HEAD's release state already says what it runs (the
 * same newest stable tag, by the same rule) and how many commits came after it (the log since that
 * tag, merges included, is what `rev-list --count` counts). No git process asks again.
 */
function productionFromHead(state: ReleaseState): ProductionFacts {
  return { tag: state.base, stagingAhead: state.rawCommits.length, tagAhead: 0 };
}

function buildEnvironments(
  repo: OpenRepo,
  workflow: Workflow,
  allTags: ReleaseTag[],
  [hasMain, hasIntegration]: [boolean, boolean],
  prod: ProductionFacts,
  devAhead: number | undefined,
): { environments: EnvironmentStatus[]; newerElsewhere: TagElsewhere | null } {
  const { production, integration } = repo.loaded.config.branches;
  const newest = latestStable(allTags) ?? null;
  const prodTag = prod.tag;
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
  if (hasMain && prod.stagingAhead !== undefined)
    environments.push({ name: 'staging', ref: production, ahead: prod.stagingAhead });
  if (showsDev)
    environments.push({ name: 'dev', ref: integration, ...(devAhead === undefined ? {} : { ahead: devAhead }) });
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

const productionAhead = (ref: string | null | undefined, commits: number): ProductionAhead | null =>
  ref && commits > 0 ? { ref, commits } : null;

export async function readStatus(repo: OpenRepo): Promise<StatusReport> {
  // Before any read starts: without commits every one of them fails, each its own way.
  assertHasCommits(repo.state);
  // The TUI's first frame waits for this: every read that does not need another's answer starts
  // now, and each chain starts as soon as what it needs is known.
  const missing = readMissingFixes(repo);
  missing.catch(() => undefined); // awaited below; not an unhandled rejection if another read fails first
  const { production, integration } = repo.loaded.config.branches;
  // The tags, read once: HEAD's release state and production's newest release both start from them.
  const releaseTags = readReleaseTags(repo);
  const { present, workflow } = readBranchesAndWorkflow(repo);
  const headState = readReleaseState(repo, { releaseTags });
  const onProduction = repo.state.branch === production;
  const prod = onProduction
    ? headState.then(productionFromHead)
    : Promise.all([releaseTags, present]).then(([tags, [hasMain]]) => readProduction(repo, tags, hasMain));
  const devAhead = Promise.all([workflow, present]).then(([flow, [hasMain, hasIntegration]]) =>
    flow === 'gitflow' && hasIntegration && hasMain
      ? countCommits(repo.cwd, `refs/heads/${integration}`, `refs/heads/${production}`)
      : undefined,
  );
  const [flow, state, upstream, branches, branchAhead, productionFacts, dev, missingFixes] = await Promise.all([
    workflow,
    headState,
    repo.state.branch ? readUpstreamDistance(repo.cwd, repo.state.branch) : Promise.resolve(null),
    present,
    // 0 on production itself, and when the branch does not exist (--ignore-missing).
    onProduction ? 0 : countCommitsIfPresent(repo.cwd, `refs/heads/${production}`, 'HEAD'),
    prod,
    devAhead,
    missing,
  ]);
  const { environments, newerElsewhere } = buildEnvironments(repo, flow, state.allTags, branches, productionFacts, dev);
  return {
    root: repo.cwd,
    branch: repo.state.branch,
    workflow: flow,
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
      branches[0] ? production : environments[0]?.ref,
      branches[0] ? branchAhead : productionFacts.tagAhead,
    ),
  };
}
