// The checks before a release writes anything, as a list the wizard fills in live; each refusal
// says what fixes it.
import { quoteShellWord, shellCommand } from '../core/display-text/shell-words.js';
import { checkFailed, environmentError } from '../core/errors.js';
import type { Workflow } from '../core/config/config-types.js';
import { releaseTagsMissingHere, type ReleaseTag } from '../core/tags/release-tag.js';
import { assertNoPendingRun } from '../engine/engine-lock.js';
import { isValidRefName, refExists } from '../git/read-refs.js';
import { assertHasCommits, assertNotShallow } from '../git/read-repo.js';
import { countMissing } from '../git/read-ancestry.js';
import { fetchUpstream } from '../engine/fetch-upstream.js';
import { listRemotes, readRemoteTagNames, readUpstream, type Upstream } from '../git/read-remote.js';
import { readWorkingTree } from '../git/read-worktrees.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { branchPrefix } from '../config/branch-prefix.js';
import { assertRemoteTagsHere } from './update-changelog.js';
import { plural } from '../core/display-text/plural.js';

/** trunk: release on the production branch. start/finish: gitflow's release branch. hotfix-start / hotfix: a hotfix branch. */
export type ReleaseFlow = 'trunk' | 'start' | 'finish' | 'hotfix-start' | 'hotfix';

export interface PreflightCheckEvent {
  id: string;
  label: string;
  status: 'passed' | 'failed';
  /** Why it failed, or a remark on a pass ("no upstream: not compared"). */
  detail?: string;
}

export type OnPreflightCheck = (event: PreflightCheckEvent) => void;

interface PreflightResult {
  workflow: Workflow;
  /** The branch checked out. */
  branch: string;
  /** Each branch the release moves, with its upstream (null: none configured). */
  upstreams: Map<string, Upstream | null>;
  /** Where the release is pushed: the current branch's upstream remote, else origin, else none. */
  remote: string | null;
  notes: string[];
}

/** Runs one check, reporting it passed (with an optional remark) or failed (rethrowing the refusal). */
async function check<T>(
  onCheck: OnPreflightCheck,
  id: string,
  label: string,
  run: () => Promise<T> | T,
  remark?: (value: T) => string | undefined,
): Promise<T> {
  try {
    const value = await run();
    const detail = remark?.(value);
    onCheck({ id, label, status: 'passed', ...(detail ? { detail } : {}) });
    return value;
  } catch (error) {
    onCheck({ id, label, status: 'failed', detail: (error as Error).message });
    throw error;
  }
}

/** The branch a flow must start on, or a refusal naming where to go. */
function assertFlowBranch(repo: OpenRepo, workflow: Workflow, flow: ReleaseFlow, branch: string): void {
  const { config } = repo.loaded;
  const { branches } = config;
  const releasePrefix = branchPrefix(config, 'release');
  if (flow === 'trunk' && workflow === 'gitflow') {
    const onRelease = branch.startsWith(releasePrefix);
    throw checkFailed(
      `This is a gitflow repository (it has a ${branches.integration} branch): a release goes through a release branch.`,
      {
        code: 'gitflow-release',
        fix: onRelease
          ? 'shipwright release finish'
          : `shipwright release start   (cuts ${releasePrefix}X.Y.Z from ${branches.integration}; or set "workflow": "trunk" in shipwright.config.json)`,
      },
    );
  }
  if ((flow === 'start' || flow === 'finish') && workflow === 'trunk') {
    throw checkFailed(
      `This is a trunk-based repository (no ${branches.integration} branch), so there are no release branches.`,
      { code: 'trunk-release', fix: `${shellCommand(['git', 'switch', branches.production])} && shipwright release` },
    );
  }
  if (flow === 'trunk' && branch !== branches.production) {
    throw checkFailed(`Releases are made on ${branches.production}, and this is ${branch}.`, {
      code: 'wrong-branch',
      fix: `${shellCommand(['git', 'switch', branches.production])}   (then run the release again)`,
    });
  }
  const prefix = flow === 'hotfix' ? branchPrefix(config, 'hotfix') : releasePrefix;
  if ((flow === 'finish' || flow === 'hotfix') && !branch.startsWith(prefix)) {
    throw checkFailed(
      `${flow === 'hotfix' ? 'A hotfix' : 'A release'} is finished on its ${prefix}X.Y.Z branch, and this is ${branch}.`,
      {
        code: 'wrong-branch',
        fix: `git switch ${quoteShellWord(prefix)}<version>   (${shellCommand(['git', 'branch', '--list', `${prefix}*`])} lists them)`,
      },
    );
  }
}

/** The branches a flow moves (and so must not be behind their upstreams); a hotfix names its targets. */
function movedBranches(repo: OpenRepo, flow: ReleaseFlow, branch: string, targets: readonly string[]): string[] {
  const { production, integration } = repo.loaded.config.branches;
  if (flow === 'trunk') return [branch];
  if (flow === 'start') return [integration];
  if (flow === 'hotfix-start') return [];
  if (flow === 'hotfix') return [...new Set([branch, production, ...targets])];
  return [...new Set([branch, production, integration])];
}

/**
 * The `fetch:BRANCH` step: the branch exists here, and when it tracks an upstream, that one branch is
 * fetched into its remote-tracking ref (the only write before the plan; src/engine/fetch-upstream.ts).
 */
async function fetchBranchUpstream(repo: OpenRepo, branch: string): Promise<Upstream | null> {
  if (!(await refExists(repo.cwd, `refs/heads/${branch}`))) {
    throw checkFailed(`The branch ${branch} does not exist here.`, {
      code: 'branch-missing',
      fix: `${shellCommand(['git', 'switch', branch])}   (creates it from origin/${branch} when that exists)`,
    });
  }
  const upstream = await readUpstream(repo.cwd, branch);
  if (!upstream) return null;
  await fetchUpstream(repo.cwd, upstream).catch((error: Error) => {
    if (/couldn't find remote ref/i.test(error.message)) {
      throw checkFailed(
        `${branch} tracks ${upstream.mergeRef.replace(/^refs\/heads\//, '')} on ${upstream.remote}, which no longer exists there.`,
        {
          code: 'upstream-gone',
          fix: `if it was deleted on purpose: ${shellCommand(['git', 'branch', '--unset-upstream', branch])}   (or push it again: ${shellCommand(['git', 'push', '-u', upstream.remote, branch])})`,
        },
      );
    }
    throw environmentError(`Could not fetch ${branch} from ${upstream.remote}: ${error.message}`, {
      code: 'remote-unreachable',
      fix: `check the connection: ${shellCommand(['git', 'fetch', upstream.remote])}   (or release with --no-push)`,
    });
  });
  return upstream;
}

/** The `upstream:BRANCH` step, on what the fetch brought: the branch lacks none of its upstream's commits. */
async function assertNotBehind(repo: OpenRepo, branch: string, upstream: Upstream): Promise<void> {
  const behind = await countMissing(repo.cwd, `refs/heads/${branch}`, upstream.trackingRef);
  if (behind > 0) {
    throw checkFailed(
      `${branch} is ${plural(behind, 'commit')} behind ${upstream.remote}: the push would be rejected.`,
      {
        code: 'behind-upstream',
        fix: `${shellCommand(['git', 'switch', branch])} && ${shellCommand(['git', 'pull', '--rebase', upstream.remote, upstream.mergeRef.replace(/^refs\/heads\//, '')])}   (then run the release again)`,
      },
    );
  }
}

/** Repository-level checks, before the version is known. */
export async function preflightRepository(
  repo: OpenRepo,
  flow: ReleaseFlow,
  onCheck: OnPreflightCheck = () => undefined,
  targets: readonly string[] = [],
): Promise<PreflightResult> {
  const { state } = repo;
  await check(onCheck, 'no-pending-run', 'no interrupted shipwright run', () => assertNoPendingRun(state.commonDir));
  await check(onCheck, 'history', 'full history (commits, not a shallow clone)', () => {
    assertHasCommits(state);
    assertNotShallow(state);
  });
  const branch = await check(onCheck, 'branch', 'on a branch', () => {
    if (state.branch !== null) return state.branch;
    throw checkFailed('HEAD is detached: a release commit would belong to no branch.', {
      code: 'detached-head',
      fix: `check out the branch to release: ${shellCommand(['git', 'switch', repo.loaded.config.branches.production])}`,
    });
  });
  await check(onCheck, 'clean-tree', 'working tree clean (untracked files included)', async () => {
    const tree = await readWorkingTree(repo.cwd);
    if (tree.clean) return;
    const listed = tree.files
      .slice(0, 5)
      .map((file) => `${file.index}${file.worktree} ${file.path}`)
      .join(', ');
    throw checkFailed(
      `The working tree is not clean (${listed}${tree.files.length > 5 ? ', …' : ''}): a release commits only its own changes.`,
      {
        code: 'dirty-tree',
        fix: 'commit or stash your changes first: git stash push --include-untracked',
      },
    );
  });
  const workflow = await resolveWorkflow(repo);
  await check(
    onCheck,
    'flow',
    `the ${workflow} branch model allows this here`,
    () => assertFlowBranch(repo, workflow, flow, branch),
    () => `${workflow} · ${branch}`,
  );
  const notes: string[] = [];
  const upstreams = new Map<string, Upstream | null>();
  for (const moved of movedBranches(repo, flow, branch, targets)) {
    const upstream = await check(
      onCheck,
      `fetch:${moved}`,
      `${moved}'s upstream fetched`,
      () => fetchBranchUpstream(repo, moved),
      (found) =>
        found ? `${found.remote} ${found.mergeRef.replace(/^refs\/heads\//, '')}` : 'no upstream: nothing to fetch',
    );
    await check(
      onCheck,
      `upstream:${moved}`,
      `${moved} up to date with its upstream`,
      () => (upstream ? assertNotBehind(repo, moved, upstream) : undefined),
      () => (upstream ? undefined : 'no upstream: not compared'),
    );
    if (!upstream) notes.push(`${moved} has no upstream: not compared with a remote`);
    upstreams.set(moved, upstream);
  }
  const remotes = await listRemotes(repo.cwd);
  const ownUpstream = upstreams.get(branch) ?? upstreams.get(repo.loaded.config.branches.integration) ?? null;
  const remote = ownUpstream?.remote ?? (remotes.includes('origin') ? 'origin' : null);
  return { workflow, branch, upstreams, remote, notes };
}

/**
 * The tag must be a valid name and exist neither here nor on the remote. `knownTags`: every release
 * tag of the repository (ReleaseState.allTags), which answers "here" without asking git again.
 */
export async function preflightTag(
  repo: OpenRepo,
  tag: string,
  remote: string | null,
  onCheck: OnPreflightCheck | undefined,
  knownTags: readonly ReleaseTag[],
): Promise<void> {
  await check(
    onCheck ?? (() => undefined),
    'tag',
    `tag ${tag} is new${remote ? ` here and on ${remote}` : ''}`,
    async () => {
      if (!(await isValidRefName(repo.cwd, `refs/tags/${tag}`))) {
        throw checkFailed(`'${tag}' is not a valid tag name.`, {
          code: 'bad-ref-name',
          fix: 'use a tagPrefix without spaces, `..`, `~`, `^`, `:` or a leading `-` in shipwright.config.json',
        });
      }
      if (knownTags.some((known) => known.name === tag)) {
        throw checkFailed(`The tag ${tag} already exists here.`, {
          code: 'tag-exists',
          fix: `if ${tag} is already released, commit something to release (or pass --bump); look at it with ${shellCommand(['git', 'show', tag])}`,
        });
      }
      if (remote === null) return;
      const there = await remoteReleaseTagsMissingHere(repo, remote, knownTags);
      // Other releases missing here first: a clone without tags would otherwise hear "v1.0.0 exists on origin".
      assertRemoteTagsHere({ remote, tags: there.filter((name) => name !== tag) });
      if (there.includes(tag)) {
        throw checkFailed(`The tag ${tag} already exists on ${remote} (but not here).`, {
          code: 'tag-exists-remote',
          fix: `fetch it and look: ${shellCommand(['git', 'fetch', remote, 'tag', tag])} && ${shellCommand(['git', 'show', tag])}   (a release was made elsewhere; pull before releasing again)`,
        });
      }
    },
  );
}

/** The remote's release tags that are not here (an unreachable remote is a refusal: a release pushes there). */
async function remoteReleaseTagsMissingHere(
  repo: OpenRepo,
  remote: string,
  knownTags: readonly ReleaseTag[],
): Promise<string[]> {
  const names = await readRemoteTagNames(repo.cwd, remote).catch((error: Error) => {
    throw environmentError(`Could not ask ${remote} for its tags: ${error.message}`, {
      code: 'remote-unreachable',
      fix: `check the connection: ${shellCommand(['git', 'ls-remote', '--tags', remote])}   (or release with --no-push)`,
    });
  });
  return releaseTagsMissingHere(
    names,
    knownTags.map((known) => known.name),
    repo.loaded.config.tagPrefix,
  );
}

/** For a release that makes no tag yet (gitflow's start): the remote has no release tag this clone lacks. */
export async function preflightTagsFetched(
  repo: OpenRepo,
  remote: string | null,
  onCheck: OnPreflightCheck | undefined,
  knownTags: readonly ReleaseTag[],
): Promise<void> {
  if (remote === null) return;
  await check(onCheck ?? (() => undefined), 'tags-fetched', `every release tag on ${remote} is here`, async () => {
    assertRemoteTagsHere({ remote, tags: await remoteReleaseTagsMissingHere(repo, remote, knownTags) });
  });
}
