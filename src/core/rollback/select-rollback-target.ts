// Which release production runs, which earlier release to redeploy, and the releases in between.
import { shellCommand } from '../display-text/shell-words.js';
import semver from 'semver';
import { checkFailed } from '../errors.js';
import { selectReleaseTags, versionFromTag, type GitTag, type ReleaseTag } from '../tags/release-tag.js';

export interface RollbackSelection {
  /** The release tags considered, newest version first. */
  releases: ReleaseTag[];
  /** The newest release: what production runs. */
  current: ReleaseTag;
  /** The earlier release to redeploy. */
  target: ReleaseTag;
  /** Releases newer than the target, newest first: what the rollback takes out of production. */
  later: ReleaseTag[];
}

export interface SelectRollbackInput {
  /** Every tag of the repository. */
  tags: readonly GitTag[];
  tagPrefix: string;
  /** TAG as typed (`v1.2.0` or `1.2.0`); null: the release before the newest. */
  requested: string | null;
  /** Prereleases count as releases (production runs them); off by default. */
  includePrereleases?: boolean;
}

const MAX_LISTED = 8;

const pickFrom = (releases: readonly ReleaseTag[]): string => {
  const earlier = releases.slice(1).map((tag) => tag.name);
  if (earlier.length === 0)
    return 'there is no earlier release; fix forward instead: commit the fix, then shipwright release';
  const listed = earlier.slice(0, MAX_LISTED).join(', ');
  return `pick an earlier release: ${listed}${earlier.length > MAX_LISTED ? ', …' : ''} (shipwright rollback TAG)`;
};

/** TAG by its name, or a bare version (`1.2.0`) by the release tag it names. */
function findRequested(input: SelectRollbackInput, releases: readonly ReleaseTag[]): ReleaseTag {
  const requested = input.requested as string;
  const bareVersion = versionFromTag(requested, '');
  const candidates = bareVersion === null ? [requested] : [requested, `${input.tagPrefix}${bareVersion}`];
  const found = candidates.map((name) => releases.find((tag) => tag.name === name)).find((tag) => tag !== undefined);
  if (found) return found;

  const fix = pickFrom(releases);
  const existing = candidates.find((name) => input.tags.some((tag) => tag.name === name));
  if (existing === undefined) {
    throw checkFailed(`There is no tag ${requested} in this repository.`, {
      code: 'unknown-tag',
      fix: `${fix}; if it is on the remote, fetch it first: git fetch --tags`,
    });
  }
  const existingVersion = versionFromTag(existing, input.tagPrefix);
  if (existingVersion && semver.prerelease(existingVersion) !== null) {
    throw checkFailed(`${existing} is a prerelease; rollback redeploys stable releases only.`, {
      code: 'prerelease-tag',
      fix: `${fix}, or count prereleases as releases: ${shellCommand(['shipwright', 'rollback', existing, '--prereleases'])}`,
    });
  }
  throw checkFailed(
    `${existing} is a tag but not a release tag (tagPrefix "${input.tagPrefix}" followed by a semver version, e.g. ${input.tagPrefix}1.2.0).`,
    { code: 'not-a-release-tag', fix },
  );
}

/** Throws a check failure naming the fix when there is nothing earlier to redeploy or TAG is not one. */
export function selectRollbackTarget(input: SelectRollbackInput): RollbackSelection {
  const releases = selectReleaseTags(input.tags, input.tagPrefix).filter(
    (tag) => input.includePrereleases || !tag.isPrerelease,
  );
  const [current, previous] = releases;
  if (!current) {
    throw checkFailed(
      `There are no release tags (tagPrefix "${input.tagPrefix}" followed by a semver version), so there is no release to roll back to.`,
      {
        code: 'no-releases',
        fix: 'release first (shipwright release), or set tagPrefix in shipwright.config.json if your release tags use another prefix',
      },
    );
  }
  const target = input.requested === null ? previous : findRequested(input, releases);
  if (!target) {
    throw checkFailed(`${current.name} is the only release, so there is no earlier one to redeploy.`, {
      code: 'nothing-to-roll-back',
      fix: 'fix forward: commit the fix, then shipwright release',
    });
  }
  if (target.name === current.name) {
    throw checkFailed(
      `${current.name} is the newest release, what production runs, so there is nothing to roll back.`,
      { code: 'nothing-to-roll-back', fix: pickFrom(releases) },
    );
  }
  const index = releases.indexOf(target);
  return { releases, current, target, later: releases.slice(0, index) };
}
