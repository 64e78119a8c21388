// The checks before a release writes anything; each refusal says what fixes it.
import { checkFailed, environmentError } from '../core/errors.js';
import { assertNoPendingRun } from '../engine/engine-lock.js';
import { isValidRefName } from '../git/read-ref.js';
import { assertHasCommits, assertNotShallow } from '../git/read-repo-state.js';
import { countMissing, fetchUpstream, listRemotes, readUpstream, remoteHasTag, type Upstream } from '../git/read-upstream.js';
import { readWorkingTree } from '../git/read-working-tree.js';
import { refExists } from '../git/read-config-value.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';

export interface PreflightResult {
  branch: string;
  upstream: Upstream | null;
  /** Where the release is pushed: the upstream's remote, else origin, else none. */
  remote: string | null;
  notes: string[];
}

/** Repository-level checks, before the version is known. */
export async function preflightRepository(repo: OpenRepo): Promise<PreflightResult> {
  const { state } = repo;
  assertNoPendingRun(state.gitDir);
  assertHasCommits(state);
  assertNotShallow(state);
  if (state.branch === null) {
    throw checkFailed('HEAD is detached: a release commit would belong to no branch.', {
      code: 'detached-head',
      fix: `check out the branch to release: git switch ${repo.loaded.config.branches.production}`,
    });
  }
  const tree = await readWorkingTree(repo.cwd);
  if (!tree.clean) {
    const listed = tree.files.slice(0, 5).map((file) => `${file.index}${file.worktree} ${file.path}`).join(', ');
    throw checkFailed(`The working tree is not clean (${listed}${tree.files.length > 5 ? ', …' : ''}): a release commits only its own changes.`, {
      code: 'dirty-tree',
      fix: 'commit or stash your changes first: git stash push --include-untracked',
    });
  }
  const workflow = await resolveWorkflow(repo);
  if (workflow !== 'trunk') {
    throw checkFailed(`This is a gitflow repository (it has a ${repo.loaded.config.branches.integration} branch); only the trunk release is available yet.`, {
      code: 'gitflow-release',
      fix: 'set "workflow": "trunk" in shipwright.config.json to release straight from the production branch',
    });
  }
  const production = repo.loaded.config.branches.production;
  if (state.branch !== production) {
    throw checkFailed(`Releases are made on ${production}, and this is ${state.branch}.`, { code: 'wrong-branch', fix: `git switch ${production}   (then run the release again)` });
  }
  const notes: string[] = [];
  const upstream = await readUpstream(repo.cwd, state.branch);
  if (upstream) {
    await fetchUpstream(repo.cwd, upstream);
    const behind = await countMissing(repo.cwd, 'HEAD', upstream.trackingRef);
    if (behind > 0) {
      throw checkFailed(`${state.branch} is ${behind} commit${behind === 1 ? '' : 's'} behind ${upstream.remote}: the push would be rejected.`, {
        code: 'behind-upstream',
        fix: `git pull --rebase ${upstream.remote} ${upstream.mergeRef.replace(/^refs\/heads\//, '')}   (then run the release again)`,
      });
    }
  } else {
    notes.push(`${state.branch} has no upstream: not compared with a remote`);
  }
  const remotes = await listRemotes(repo.cwd);
  const remote = upstream?.remote ?? (remotes.includes('origin') ? 'origin' : null);
  return { branch: state.branch, upstream, remote, notes };
}

/** The tag must be a valid name and exist neither here nor on the remote. */
export async function preflightTag(repo: OpenRepo, tag: string, remote: string | null): Promise<void> {
  if (!(await isValidRefName(repo.cwd, `refs/tags/${tag}`))) {
    throw checkFailed(`'${tag}' is not a valid tag name.`, { code: 'bad-ref-name', fix: 'use a tagPrefix without spaces, `..`, `~`, `^`, `:` or a leading `-` in shipwright.config.json' });
  }
  if (await refExists(repo.cwd, `refs/tags/${tag}`)) {
    throw checkFailed(`The tag ${tag} already exists here.`, { code: 'tag-exists', fix: `if ${tag} is already released, commit something to release (or pass --bump); look at it with git show ${tag}` });
  }
  if (remote !== null) {
    const there = await remoteHasTag(repo.cwd, remote, tag).catch((error: Error) => {
      throw environmentError(`Could not ask ${remote} for its tags: ${error.message}`, { code: 'remote-unreachable', fix: `check the connection: git ls-remote --tags ${remote}   (or release with --no-push)` });
    });
    if (there) {
      throw checkFailed(`The tag ${tag} already exists on ${remote} (but not here).`, {
        code: 'tag-exists-remote',
        fix: `fetch it and look: git fetch ${remote} tag ${tag} && git show ${tag}   (a release was made elsewhere; pull before releasing again)`,
      });
    }
  }
}
