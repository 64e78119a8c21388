// What the release wizard shows before anything is decided: which branch model applies here
// (trunk, or gitflow's start / finish) and the versions on offer, each as the release would make it.
import { describeNextVersion } from '../core/display-text/describe-next-version.js';
import { listVersionOptions, type VersionOption } from '../core/version/version-options.js';
import type { OpenRepo } from './open-repo.js';
import { chooseFlow } from './release-flow.js';
import { readReleaseState } from './read-release-state.js';
import type { ReleaseFlow } from './release-preflight.js';
import { branchPrefix } from '../config/branch-prefix.js';

export interface ReleaseOutlook {
  flow: Exclude<ReleaseFlow, 'hotfix'>;
  /** Checked out now (null: HEAD detached). */
  branch: string | null;
  production: string;
  integration: string;
  releasePrefix: string;
  /** The latest release reachable from what is released (null: none yet, or a finish). */
  current: string | null;
  /** Why the commits suggest what they do, in words. */
  reason: string;
  /** Empty for a finish: the release branch's name fixes the version. */
  options: VersionOption[];
}

export async function readReleaseOutlook(repo: OpenRepo): Promise<ReleaseOutlook> {
  const { config } = repo.loaded;
  const releasePrefix = branchPrefix(config, 'release');
  const { production, integration } = config.branches;
  const flow = await chooseFlow(repo, 'auto', releasePrefix);
  const where = { flow, branch: repo.state.branch, production, integration, releasePrefix };
  if (flow === 'finish')
    return { ...where, current: null, reason: `the branch ${repo.state.branch ?? ''} names the version`, options: [] };
  // A release start takes the integration branch's history, wherever HEAD is.
  const state = await readReleaseState(repo, flow === 'start' ? { ref: `refs/heads/${integration}` } : {});
  const base = {
    commits: state.commits,
    tags: state.tags,
    existingTags: state.allTags,
    rules: config.bumpRules,
    firstVersion: config.firstVersion,
  };
  return {
    ...where,
    current: state.next.current?.version ?? null,
    reason: describeNextVersion(state.next),
    options: listVersionOptions(base, config.prereleaseChannels.release ?? 'rc'),
  };
}
