// Gathers what a hotfix needs and turns it into the Plan: `hotfix start` (branch from the
// production tag) and `hotfix finish` (release commit and tag on the hotfix line, merge into
// production, the fix brought to the integration branch and every open release branch).
import { flagWords, shellCommand } from '../core/display-text/shell-words.js';
import { withBasis } from '../engine/plan-basis.js';
import semver from 'semver';
import { checkFailed, usageError } from '../core/errors.js';
import type { Plan } from '../core/plan/plan.js';
import {
  HOTFIX_NAME_MAX,
  hotfixBranchName,
  isHotfixName,
  newestOfEachLine,
  nextHotfixVersion,
  supersededBy,
  versionOfHotfixBranch,
} from '../core/hotfix/hotfix-version.js';
import { planHotfixFinish, planHotfixStart } from '../core/hotfix/plan-hotfix.js';
import type { ReleasePlan } from '../core/release/plan-release.js';
import { selectReleaseTags, tagName, type ReleaseTag } from '../core/tags/release-tag.js';
import { listBranches, listRefs, isValidRefName } from '../git/read-refs.js';
import { readTagRefs } from '../git/read-tags.js';
import { remoteHasRef } from '../git/read-remote.js';
import { readCheckedOutBranches } from '../git/read-worktrees.js';
import { buildChangelog } from './build-changelog.js';
import { resolveWorkflow, type OpenRepo } from './open-repo.js';
import { readProductionRelease } from './read-release-state.js';
import { beforeInput, readReleaseChecklist, type ReleaseChecklist } from './release-checklist.js';
import { readVersionFiles } from './release-files.js';
import { changelogFile } from './update-changelog.js';
import { releaseNotesOf } from './release-notes.js';
import { preflightRepository, preflightTag, type OnPreflightCheck } from './release-preflight.js';
import { branchPrefix } from '../config/branch-prefix.js';

interface HotfixStartRequest {
  /** A release tag to start from; default the newest release on the production branch. */
  from?: string;
  name?: string;
  onCheck?: OnPreflightCheck;
}

export interface PreparedHotfixStart {
  plan: Plan;
  branch: string;
  version: string;
  /** The tag it starts from. */
  base: string;
}

/** Open hotfix branches, here or on a remote: a second one is not started blindly. */
async function openHotfixes(repo: OpenRepo): Promise<string[]> {
  const prefix = branchPrefix(repo.loaded.config, 'hotfix');
  // for-each-ref matches whole path components: a package's prefix (`hotfix/@acme/core@`) is
  // listed from its folder and filtered here.
  const [listed, remote] = await Promise.all([
    listBranches(repo.cwd, `refs/heads/${prefix.slice(0, prefix.lastIndexOf('/') + 1)}`),
    listRefs(repo.cwd, 'refs/remotes/'),
  ]);
  const local = listed.filter((name) => name.startsWith(prefix));
  // refs/remotes/origin/hotfix/1.4.1 → origin/hotfix/1.4.1, unless it is the upstream of a local one.
  const remoteOnly = remote
    .map((ref) => ref.slice('refs/remotes/'.length))
    .filter((name) => {
      const branch = name.split('/').slice(1).join('/');
      return branch.startsWith(prefix) && !local.includes(branch);
    });
  return [...local, ...remoteOnly];
}

function chooseBase(
  repo: OpenRepo,
  tags: readonly ReleaseTag[],
  production: ReleaseTag | undefined,
  from: string | undefined,
): ReleaseTag {
  // Only the newest release of each line can be hotfixed; those are what the fix lines offer.
  const lines = newestOfEachLine(tags);
  const recent = lines
    .slice(0, 5)
    .map((tag) => tag.name)
    .join(', ');
  if (from !== undefined) {
    const chosen = tags.find((tag) => tag.name === from);
    if (!chosen || chosen.isPrerelease) {
      const example = lines[0] ? `   e.g. shipwright hotfix start ${flagWords('--from', lines[0].name)}` : '';
      throw checkFailed(`${from} is not a release tag here${chosen ? ' (it is a prerelease)' : ''}.`, {
        code: 'unknown-tag',
        fix: `pass one of: ${recent || '(no releases yet)'}${example}`,
      });
    }
    return refuseSuperseded(repo, chosen, tags);
  }
  if (!production) {
    throw checkFailed(
      `Nothing on ${repo.loaded.config.branches.production} has been released yet, so there is no production to hotfix.`,
      {
        code: 'nothing-released',
        fix: `fix it on a normal branch (shipwright branch fix NAME) and release, or pass --from TAG`,
      },
    );
  }
  return refuseSuperseded(repo, production, tags);
}

/** A base with a newer release on its X.Y line would ship a patch without that release's fix. */
function refuseSuperseded(repo: OpenRepo, base: ReleaseTag, tags: readonly ReleaseTag[]): ReleaseTag {
  const newer = supersededBy(base.version, tags);
  if (!newer) return base;
  const next = tagName(
    repo.loaded.config.tagPrefix,
    nextHotfixVersion(
      base.version,
      tags.map((tag) => tag.version),
    ),
  );
  throw checkFailed(
    `${base.name} is superseded by ${newer.name} on the same ${semver.major(base.version)}.${semver.minor(base.version)} line: a hotfix from ${base.name} would be tagged ${next} without what ${newer.name} fixed.`,
    {
      code: 'superseded-tag',
      fix: `start from the newest release of that line: shipwright hotfix start ${flagWords('--from', newer.name)}`,
    },
  );
}

export async function prepareHotfixStart(repo: OpenRepo, request: HotfixStartRequest): Promise<PreparedHotfixStart> {
  if (request.name !== undefined && !isHotfixName(request.name)) {
    const got = request.name.length > HOTFIX_NAME_MAX ? `${request.name.length} characters` : `'${request.name}'`;
    throw usageError(
      `A hotfix name is lower-case words joined by '-' (e.g. login-crash), at most ${HOTFIX_NAME_MAX} characters; got ${got}.`,
      'shipwright hotfix start login-crash',
    );
  }
  await preflightRepository(repo, 'hotfix-start', request.onCheck);
  const open = await openHotfixes(repo);
  if (open.length > 0) {
    throw checkFailed(`A hotfix is already open: ${open.join(', ')}. Finish it before starting another.`, {
      code: 'hotfix-open',
      fix: `${shellCommand(['git', 'switch', open[0]?.startsWith(branchPrefix(repo.loaded.config, 'hotfix')) ? open[0] : (open[0]?.split('/').slice(1).join('/') ?? '')])} && shipwright hotfix finish   (or, if it was abandoned, delete it: git branch -D NAME / git push origin --delete NAME)`,
    });
  }
  const { config } = repo.loaded;
  const tags = selectReleaseTags(await readTagRefs(repo.cwd), config.tagPrefix);
  const production = request.from ? undefined : await readProductionRelease(repo);
  const base = chooseBase(repo, tags, production, request.from);
  const version = nextHotfixVersion(
    base.version,
    tags.map((tag) => tag.version),
  );
  const branch = hotfixBranchName(branchPrefix(repo.loaded.config, 'hotfix'), version, request.name);
  if (!(await isValidRefName(repo.cwd, `refs/heads/${branch}`)))
    throw usageError(`'${branch}' is not a valid branch name.`, 'check the hotfix prefix in shipwright.config.json');
  return withBasis(repo.state, {
    plan: planHotfixStart({ branch, from: `refs/tags/${base.name}`, fromLabel: base.name, version }),
    branch,
    version,
    base: base.name,
  });
}

interface HotfixFinishRequest {
  push: boolean;
  keepBranch: boolean;
  /** Targets to leave for later. */
  skip: string[];
  day: string;
  onCheck?: OnPreflightCheck;
}

export interface PreparedHotfix extends ReleasePlan {
  version: string;
  tag: string;
  branch: string;
  remote: string | null;
  pushed: boolean;
  maintenance: boolean;
  /** Where the fix goes besides production, and which of them were skipped. */
  targets: string[];
  skipped: string[];
  changelogSection: string;
  checklist: ReleaseChecklist;
}

/**
 * The integration branch (under gitflow) and every open local release branch: one whose version
 * is already tagged is finished (a leftover, or kept with --keep-branch) and gets nothing.
 */
async function hotfixTargets(repo: OpenRepo): Promise<string[]> {
  const { config } = repo.loaded;
  const releasePrefix = branchPrefix(config, 'release');
  const [branches, workflow, tags] = await Promise.all([
    listBranches(repo.cwd, 'refs/heads/'),
    resolveWorkflow(repo),
    readTagRefs(repo.cwd),
  ]);
  const integration = config.branches.integration;
  if (workflow === 'gitflow' && !branches.includes(integration)) {
    throw checkFailed(
      `This is a gitflow repository, but ${integration} exists only on the remote: the fix could not be brought to it.`,
      {
        code: 'branch-missing',
        fix: `${shellCommand(['git', 'switch', integration])}   (creates it from origin/${integration}), then switch back and finish the hotfix`,
      },
    );
  }
  const tagged = new Set(tags.map((tag) => tag.name));
  const open = branches.filter(
    (name) =>
      name.startsWith(releasePrefix) && !tagged.has(tagName(config.tagPrefix, name.slice(releasePrefix.length))),
  );
  return [...(workflow === 'gitflow' ? [integration] : []), ...open.sort()];
}

/** A target checked out in another worktree cannot be switched to here: refused before anything moves. */
async function assertTargetsFree(repo: OpenRepo, targets: readonly string[]): Promise<void> {
  const busy = (await readCheckedOutBranches(repo.cwd)).filter(
    (branch) => targets.includes(branch) && branch !== repo.state.branch,
  );
  if (busy.length === 0) return;
  throw checkFailed(
    `${busy.join(', ')} ${busy.length === 1 ? 'is' : 'are'} checked out in another worktree, so the hotfix cannot be merged there from here.`,
    {
      code: 'target-checked-out',
      fix: `switch that worktree to another branch (git worktree list shows where), or leave it for later: ${flagWords('--skip', busy[0] ?? '')}`,
    },
  );
}

export async function prepareHotfixFinish(repo: OpenRepo, request: HotfixFinishRequest): Promise<PreparedHotfix> {
  const { config } = repo.loaded;
  const prefix = branchPrefix(repo.loaded.config, 'hotfix');
  const targets = await hotfixTargets(repo);
  const unknown = request.skip.filter((name) => !targets.includes(name));
  if (unknown.length > 0)
    throw usageError(
      `--skip names a branch the hotfix does not go to: ${unknown.join(', ')}.`,
      `the targets here are: ${targets.join(', ') || '(none)'}`,
    );
  await assertTargetsFree(
    repo,
    targets.filter((name) => !request.skip.includes(name)),
  );
  const preflight = await preflightRepository(
    repo,
    'hotfix',
    request.onCheck,
    targets.filter((name) => !request.skip.includes(name)),
  );
  const version = versionOfHotfixBranch(prefix, preflight.branch);
  if (version === null) {
    // The name the hotfix flow would give it: the next free patch above production's release.
    const production = await readProductionRelease(repo);
    const tags = selectReleaseTags(await readTagRefs(repo.cwd), config.tagPrefix);
    const fix = production
      ? `rename it to the next free patch of ${production.name}: git branch -m ${hotfixBranchName(
          prefix,
          nextHotfixVersion(
            production.version,
            tags.map((tag) => tag.version),
          ),
        )}`
      : `nothing on ${config.branches.production} is released yet: merge the fix the normal way (shipwright branch fix NAME)`;
    throw checkFailed(
      `The hotfix branch ${preflight.branch} does not name a version (${prefix}X.Y.Z or ${prefix}X.Y.Z-name).`,
      { code: 'bad-hotfix-branch', fix },
    );
  }
  const result = await buildChangelog(repo, { releaseCount: 1, day: request.day, target: version });
  const { state } = result;
  if (state.commits.length === 0) {
    throw checkFailed(
      `${preflight.branch} has no commits since ${state.base?.name ?? 'its start'}: there is nothing to ship.`,
      { code: 'nothing-to-release', fix: 'commit the fix on this branch first (shipwright commit), then finish' },
    );
  }
  // Production has moved past this line when the production branch's newest release (what status
  // calls production) is newer; a newer tag the branch lacks does not make this a maintenance release.
  const production = await readProductionRelease(repo);
  const maintenance = production !== undefined && semver.gt(production.version, version);
  const tag = tagName(config.tagPrefix, version);
  const remote = request.push ? preflight.remote : null;
  await preflightTag(repo, tag, remote, request.onCheck, result.state.allTags);
  const versionFiles = await readVersionFiles(repo);
  const checklist = await readReleaseChecklist(repo);
  const deleteRemoteBranch =
    remote !== null && (await remoteHasRef(repo.cwd, remote, `refs/heads/${preflight.branch}`));
  const planned = planHotfixFinish({
    version,
    tag,
    checklist: beforeInput(checklist),
    versionFiles: versionFiles.files,
    packageLock: versionFiles.packageLock,
    hotfixBranch: preflight.branch,
    production: config.branches.production,
    targets,
    skip: request.skip,
    propagation: config.hotfix.propagation,
    maintenance,
    fixCommits: [...state.rawCommits].reverse().map((commit) => ({
      hash: commit.hash,
      merge: commit.parents.length > 1,
      subject: commit.message.split('\n')[0] ?? '',
    })),
    changelog: await changelogFile(repo, result),
    notes: releaseNotesOf(repo, result.markdown, result.upcoming?.previousTag ?? null),
    keepBranch: request.keepBranch,
    push: remote ? { remote, deleteRemoteBranch } : null,
  });
  const notes = [
    ...preflight.notes,
    ...versionFiles.missing.map((path) => `${path} (versionFiles) does not exist: skipped`),
    ...(planned.plan.notes ?? []),
  ];
  const pushed = planned.plan.steps.some((step) => step.kind === 'push');
  return withBasis(repo.state, {
    ...planned,
    plan: { ...planned.plan, notes },
    version,
    tag,
    branch: preflight.branch,
    remote: pushed ? remote : null,
    pushed,
    maintenance,
    targets,
    skipped: request.skip,
    changelogSection: result.markdown,
    checklist,
  });
}
