// Gathers everything a release needs (preflight, version, changelog, notes, version files) and
// turns it into the Plan the engine runs and --dry-run prints: the trunk release, or gitflow's
// release start / finish.
import { shellCommand } from '../core/display-text/shell-words.js';
import semver from 'semver';
import { checkFailed, usageError } from '../core/errors.js';
import type { PresetName } from '../core/conventional-commits/parser-options.js';
import { planReleaseFinish, planReleaseStart } from '../core/release/plan-gitflow-release.js';
import { planRelease, type ReleasePlan } from '../core/release/plan-release.js';
import { tagName } from '../core/tags/release-tag.js';
import { bumpOf, type Bump } from '../core/version/bump-rules.js';
import { checkCustomVersion } from '../core/version/custom-version.js';
import { refExists } from '../git/read-refs.js';
import { remoteHasRef } from '../git/read-remote.js';
import { buildChangelog, type ChangelogResult } from './build-changelog.js';
import type { OpenRepo } from './open-repo.js';
import { readPlanBasis } from '../engine/plan-basis.js';
import { chooseFlow, type ReleaseMode } from './release-flow.js';

export type { ReleaseMode } from './release-flow.js';
import { beforeInput, readReleaseChecklist, type ReleaseChecklist } from './release-checklist.js';
import { readVersionFiles } from './release-files.js';
import { changelogFile, checkChangelogHistory } from './update-changelog.js';
import { releaseNotesOf } from './release-notes.js';
import {
  preflightRepository,
  preflightTag,
  preflightTagsFetched,
  type OnPreflightCheck,
  type ReleaseFlow,
} from './release-preflight.js';
import { branchPrefix } from '../config/branch-prefix.js';

interface ReleaseRequest {
  mode?: ReleaseMode;
  bump?: Bump;
  preid?: string;
  /** A version chosen by hand (`--release-as`, the wizard's custom): above the current release. */
  exactVersion?: string;
  preset?: PresetName;
  push: boolean;
  day: string;
  /** finish: keep the release branch. */
  keepBranch?: boolean;
  /** `--first-release`: no release tag yet; tag package.json's version (or firstVersion) without a bump. */
  firstRelease?: boolean;
  onCheck?: OnPreflightCheck;
}

export interface PreparedRelease extends ReleasePlan {
  flow: Exclude<ReleaseFlow, 'hotfix'>;
  version: string;
  tag: string;
  /** The branch the release starts on. */
  branch: string;
  remote: string | null;
  pushed: boolean;
  /** The changelog section of this release (Markdown), for the wizard and --dry-run. */
  changelogSection: string;
  /** The commits that decided the version, newest first (subjects), for the wizard. */
  decidingCommits: string[];
  /** The release's notes (its changelog section without the heading): a hosted release's body. */
  releaseNotes: string;
  /** The before items (asked and run as the plan's first steps) and the after items (once pushed). */
  checklist: ReleaseChecklist;
  /** A monorepo release (the wizard's package list): one tag per package; `tag` lists them all. */
  packageTags?: string[];
}

function nothingToRelease(result: ChangelogResult): never {
  const { next } = result.state;
  const since = next.current ? ` since ${next.current.name}` : '';
  throw checkFailed(`Nothing to release${since}: no commit is a fix, a feature or a breaking change.`, {
    code: 'nothing-to-release',
    fix: 'commit a fix or feature first, or force a release: shipwright release --bump patch',
  });
}

/** The headers of the commits that ask for a bump (features, fixes, breaking changes), newest first. */
const decidingCommits = (repo: OpenRepo, result: ChangelogResult): string[] =>
  result.state.commits
    .filter((commit) => bumpOf(commit, repo.loaded.config.bumpRules) !== null)
    .map((commit) => commit.header ?? '');

/** A typed version, refused before anything is read when it is not even a version. */
function assertExactVersion(text: string, current: string | null): string {
  const checked = checkCustomVersion(text, current);
  if (!checked.ok)
    throw usageError(
      `Cannot release as ${text.trim() || "''"}: ${checked.reason}.`,
      'shipwright release --release-as X.Y.Z   (or --bump patch|minor|major)',
    );
  return checked.version;
}

export async function prepareRelease(repo: OpenRepo, request: ReleaseRequest): Promise<PreparedRelease> {
  const { config } = repo.loaded;
  const releasePrefix = branchPrefix(config, 'release');
  const flow = await chooseFlow(repo, request.mode ?? 'auto', releasePrefix);
  const exactVersion = request.exactVersion === undefined ? undefined : assertExactVersion(request.exactVersion, null);
  if (exactVersion !== undefined && flow === 'finish') {
    throw usageError(
      `A release branch is finished with the version it names, so ${exactVersion} cannot be chosen here.`,
      `${shellCommand(['git', 'branch', '-m', `${releasePrefix}${exactVersion}`])}   (rename the branch to change the version)`,
    );
  }
  const preflight = await preflightRepository(repo, flow, request.onCheck);
  const remote = request.push ? preflight.remote : null;
  const versionFiles = await readVersionFiles(repo);
  const baseNotes = [
    ...preflight.notes,
    ...versionFiles.missing.map((path) => `${path} (versionFiles) does not exist: skipped`),
    ...(request.push && preflight.remote === null ? ['no remote to push to (add one: git remote add origin URL)'] : []),
  ];
  const checklist = await readReleaseChecklist(repo);
  const common = {
    checklist: beforeInput(checklist),
    versionFiles: versionFiles.files,
    packageLock: versionFiles.packageLock,
  };
  const options = {
    releaseCount: 1,
    day: request.day,
    ...(request.bump ? { bump: request.bump } : {}),
    ...(request.preid ? { preid: request.preid } : {}),
    ...(exactVersion ? { exactVersion } : {}),
    ...(request.preset ? { preset: request.preset } : {}),
    ...(request.firstRelease ? { firstRelease: true } : {}),
  };
  // Compared with the current release once the history is read (the version must go up).
  const assertAboveCurrent = (result: ChangelogResult) => {
    if (exactVersion !== undefined) assertExactVersion(exactVersion, result.state.next.current?.version ?? null);
    if (request.firstRelease) assertFirstRelease(result);
  };
  // What every flow's plan is finished with; each flow brings its version, tag and history.
  const prepared = (planned: ReleasePlan, version: string, tag: string, result: ChangelogResult) =>
    finish(planned, {
      repo,
      flow,
      version,
      tag,
      branch: preflight.branch,
      remote,
      result,
      notes: baseNotes,
      checklist,
    });

  if (flow === 'start') {
    const integration = config.branches.integration;
    const result = await buildChangelog(repo, { ...options, ref: `refs/heads/${integration}` });
    assertAboveCurrent(result);
    if (result.state.next.kind !== 'release' || !result.upcoming) nothingToRelease(result);
    const version = result.state.next.version;
    const stable = `${semver.major(version)}.${semver.minor(version)}.${semver.patch(version)}`;
    const releaseBranch = `${releasePrefix}${stable}`;
    await assertNewBranch(repo, releaseBranch, remote);
    const tag = tagName(config.tagPrefix, version);
    // A prerelease start (--preid, or a typed 1.4.0-rc.2) is tagged on the new branch for testing.
    const tagged =
      request.preid !== undefined || (exactVersion !== undefined && semver.prerelease(exactVersion) !== null);
    if (tagged) await preflightTag(repo, tag, remote, request.onCheck, result.state.allTags);
    else await preflightTagsFetched(repo, remote, request.onCheck, result.state.allTags);
    await checkChangelogHistory(repo, result);
    const planned = planReleaseStart({
      ...common,
      version,
      tag,
      releaseBranch,
      integration,
      prereleaseNotes: tagged ? releaseNotesOf(repo, result.markdown, result.upcoming?.previousTag ?? null) : null,
      push: remote ? { remote } : null,
    });
    return await prepared(planned, version, tag, result);
  }

  if (flow === 'finish') {
    const target = preflight.branch.slice(releasePrefix.length);
    if (semver.valid(target) === null || semver.prerelease(target) !== null) {
      throw checkFailed(
        `The release branch ${preflight.branch} does not name a version (X.Y.Z after ${releasePrefix}).`,
        {
          code: 'bad-release-branch',
          fix: `rename it: ${shellCommand(['git', 'branch', '-m', `${releasePrefix}1.4.0`])}   (the version to release)`,
        },
      );
    }
    // The tag goes on the merge into production: what production has that the branch lacks is in it.
    const result = await buildChangelog(repo, {
      ...options,
      target,
      mergeWith: `refs/heads/${config.branches.production}`,
    });
    const version = target;
    const tag = tagName(config.tagPrefix, version);
    await preflightTag(repo, tag, remote, request.onCheck, result.state.allTags);
    const deleteRemoteBranch =
      remote !== null && (await remoteHasRef(repo.cwd, remote, `refs/heads/${preflight.branch}`));
    const planned = planReleaseFinish({
      ...common,
      version,
      tag,
      releaseBranch: preflight.branch,
      production: config.branches.production,
      integration: config.branches.integration,
      changelog: await changelogFile(repo, result),
      notes: releaseNotesOf(repo, result.markdown, result.upcoming?.previousTag ?? null),
      keepBranch: request.keepBranch === true,
      push: remote ? { remote, deleteRemoteBranch } : null,
    });
    return await prepared(planned, version, tag, result);
  }

  const result = await buildChangelog(repo, options);
  assertAboveCurrent(result);
  if (result.state.next.kind !== 'release' || !result.upcoming) nothingToRelease(result);
  const version = result.state.next.version;
  const tag = result.upcoming.currentTag;
  await preflightTag(repo, tag, remote, request.onCheck, result.state.allTags);
  const push = remote
    ? { remote, branchRef: preflight.upstreams.get(preflight.branch)?.mergeRef ?? `refs/heads/${preflight.branch}` }
    : null;
  const planned = planRelease({
    ...common,
    version,
    tag,
    branch: preflight.branch,
    changelog: await changelogFile(repo, result),
    notes: releaseNotesOf(repo, result.markdown, result.upcoming?.previousTag ?? null),
    push,
  });
  return await prepared(planned, version, tag, result);
}

/** --first-release only makes sense before any release tag exists. */
function assertFirstRelease(result: ChangelogResult): void {
  const { current } = result.state.next;
  if (current) {
    throw usageError(
      `--first-release tags the first version, but ${current.name} is already released.`,
      'shipwright release   (the next version comes from the commits since then)',
    );
  }
}

async function assertNewBranch(repo: OpenRepo, branch: string, remote: string | null): Promise<void> {
  const here = await refExists(repo.cwd, `refs/heads/${branch}`);
  const there = !here && remote !== null && (await remoteHasRef(repo.cwd, remote, `refs/heads/${branch}`));
  if (here || there) {
    throw checkFailed(
      `The release branch ${branch} already exists${there ? ` on ${remote}` : ''}: that release is already started.`,
      {
        code: 'release-started',
        fix: `finish it: ${shellCommand(['git', 'switch', branch])} && shipwright release finish   (or pass --bump to start a different version)`,
      },
    );
  }
}

interface Summary {
  repo: OpenRepo;
  flow: PreparedRelease['flow'];
  version: string;
  tag: string;
  branch: string;
  remote: string | null;
  result: ChangelogResult;
  notes: string[];
  checklist: ReleaseChecklist;
}

async function finish(planned: ReleasePlan, summary: Summary): Promise<PreparedRelease> {
  const pushed = planned.plan.steps.some((step) => step.kind === 'push');
  const plan = { ...planned.plan, notes: [...summary.notes, ...(planned.plan.notes ?? [])] };
  return {
    ...planned,
    plan: { ...plan, basis: await readPlanBasis(summary.repo.state, plan) },
    flow: summary.flow,
    version: summary.version,
    tag: summary.tag,
    branch: summary.branch,
    remote: pushed ? summary.remote : null,
    pushed,
    changelogSection: summary.result.markdown,
    releaseNotes: releaseNotesOf(summary.repo, summary.result.markdown, summary.result.upcoming?.previousTag ?? null),
    decidingCommits: decidingCommits(summary.repo, summary.result),
    // A release start runs no checklist (it comes when the release finishes).
    checklist: summary.flow === 'start' ? { ...summary.checklist, before: [], after: [] } : summary.checklist,
  };
}
