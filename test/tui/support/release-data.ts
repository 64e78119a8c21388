// Plain data for the release wizard's tests: an outlook, preflight checks, prepared releases made
// by the real (pure) planners, and engine events.
import type { PackagesChoice } from '../../../src/app/packages-preparation.js';
import type { PackageRow } from '../../../src/app/package-rows.js';
import type { PreparedRelease } from '../../../src/app/prepare-release.js';
import type { ReleaseOutlook } from '../../../src/app/read-release-outlook.js';
import type { PreflightCheckEvent } from '../../../src/app/release-preflight.js';
import { planReleaseFinish, planReleaseStart } from '../../../src/core/release/plan-gitflow-release.js';
import { planRelease } from '../../../src/core/release/plan-release.js';
import { jsonVersionFile } from '../../../src/core/release/version-file-spec.js';
import type { VersionChoice } from '../../../src/core/version/version-options.js';

/** A trunk repository on main: v1.4.2 released, a feature and a fix since. */
export function anOutlook(overrides: Partial<ReleaseOutlook> = {}): ReleaseOutlook {
  return {
    flow: 'trunk',
    branch: 'main',
    production: 'main',
    integration: 'dev',
    releasePrefix: 'release/',
    current: '1.4.2',
    reason:
      'minor bump from v1.4.2: feat in 1a2b3c4 "feat(api): add an export endpoint" (0 breaking, 1 feature, 1 fix, 0 other since v1.4.2)',
    options: [
      { choice: { kind: 'suggested' }, version: '1.5.0' },
      { choice: { kind: 'bump', bump: 'patch' }, version: '1.4.3' },
      { choice: { kind: 'bump', bump: 'minor' }, version: '1.5.0' },
      { choice: { kind: 'bump', bump: 'major' }, version: '2.0.0' },
      { choice: { kind: 'prerelease', preid: 'rc' }, version: '1.5.0-rc.0' },
    ],
    ...overrides,
  };
}

export const PASSED_CHECKS: PreflightCheckEvent[] = [
  { id: 'no-pending-run', label: 'no interrupted shipwright run', status: 'passed' },
  { id: 'history', label: 'full history (commits, not a shallow clone)', status: 'passed' },
  { id: 'branch', label: 'on a branch', status: 'passed' },
  { id: 'clean-tree', label: 'working tree clean (untracked files included)', status: 'passed' },
  { id: 'flow', label: 'the trunk branch model allows this here', status: 'passed', detail: 'trunk · main' },
  { id: 'fetch:main', label: "main's upstream fetched", status: 'passed', detail: 'origin main' },
  { id: 'upstream:main', label: 'main up to date with its upstream', status: 'passed' },
];

export const tagCheck = (version: string): PreflightCheckEvent => ({
  id: 'tag',
  label: `tag v${version} is new here and on origin`,
  status: 'passed',
});

const SECTION = (version: string) =>
  `## ${version} (2024-06-01)\n\n### Features\n\n* **api:** add an export endpoint (1a2b3c4)\n\n### Bug Fixes\n\n* **auth:** refresh expired tokens (5d6e7f8)\n`;

/** The version a choice makes in anOutlook's repository. */
export function versionFor(choice: VersionChoice): string {
  if (choice.kind === 'custom') return choice.version;
  const option = anOutlook().options.find((candidate) => JSON.stringify(candidate.choice) === JSON.stringify(choice));
  return option?.version ?? '1.5.0';
}

const common = {
  versionFiles: [{ spec: jsonVersionFile('package.json'), text: '{\n  "version": "1.4.2"\n}\n' }],
  packageLock: null,
  checklist: null,
};
/** No checklist configured. */
export const NO_CHECKLIST = { before: [], after: [], confirmedBy: 'Ada Lovelace' };
const notesOf = (version: string) => SECTION(version).split('\n').slice(2).join('\n');

/** A trunk release of `version` on main, pushed to origin, as prepareRelease returns it. */
export function aTrunkRelease(version: string): PreparedRelease {
  const tag = `v${version}`;
  const planned = planRelease({
    ...common,
    version,
    tag,
    branch: 'main',
    changelog: { path: 'CHANGELOG.md', existing: '# Changelog\n', content: `# Changelog\n\n${SECTION(version)}` },
    notes: notesOf(version),
    push: { remote: 'origin', branchRef: 'refs/heads/main' },
  });
  return {
    ...planned,
    flow: 'trunk',
    version,
    tag,
    branch: 'main',
    remote: 'origin',
    pushed: true,
    changelogSection: SECTION(version),
    decidingCommits: ['feat(api): add an export endpoint', 'fix(auth): refresh expired tokens'],
    checklist: NO_CHECKLIST,
    releaseNotes: notesOf(version),
  };
}

export function aReleaseStart(version: string): PreparedRelease {
  const tag = `v${version}`;
  const planned = planReleaseStart({
    ...common,
    version,
    tag,
    releaseBranch: `release/${version}`,
    integration: 'dev',
    prereleaseNotes: null,
    push: { remote: 'origin' },
  });
  return {
    ...planned,
    flow: 'start',
    version,
    tag,
    branch: 'dev',
    remote: 'origin',
    pushed: true,
    changelogSection: SECTION(version),
    decidingCommits: ['feat(api): add an export endpoint'],
    checklist: NO_CHECKLIST,
    releaseNotes: notesOf(version),
  };
}

export function aReleaseFinish(version: string): PreparedRelease {
  const tag = `v${version}`;
  const planned = planReleaseFinish({
    ...common,
    version,
    tag,
    releaseBranch: `release/${version}`,
    production: 'main',
    integration: 'dev',
    changelog: { path: 'CHANGELOG.md', existing: null, content: `# Changelog\n\n${SECTION(version)}` },
    notes: notesOf(version),
    keepBranch: false,
    push: { remote: 'origin', deleteRemoteBranch: true },
  });
  return {
    ...planned,
    flow: 'finish',
    version,
    tag,
    branch: `release/${version}`,
    remote: 'origin',
    pushed: true,
    changelogSection: SECTION(version),
    decidingCommits: [],
    checklist: NO_CHECKLIST,
    releaseNotes: notesOf(version),
  };
}

/** A monorepo's package list: a feature in core, a fix in web, cli following core. */
export const PACKAGE_ROWS: PackageRow[] = [
  {
    name: '@acme/cli',
    current: '2.0.0',
    version: '2.0.1',
    bump: 'patch',
    reason: 'dependency',
    because: 'depends on @acme/core 1.1.0',
    deciding: [],
  },
  {
    name: '@acme/core',
    current: '1.0.0',
    version: '1.1.0',
    bump: 'minor',
    reason: 'commits',
    because: '1 feature',
    deciding: ['feat(core): a parser', 'fix(core): keep zeros'],
  },
  {
    name: '@acme/web',
    current: '0.4.0',
    version: '0.4.1',
    bump: 'patch',
    reason: 'commits',
    because: '1 fix',
    deciding: ['fix(web): a11y labels'],
  },
];

/** The release of the packages chosen, as preparePackagesRelease answers: one commit, a tag each. */
export function aPackagesRelease(choice: PackagesChoice): PreparedRelease {
  const tags = choice.packages.map((name) => {
    const row = PACKAGE_ROWS.find((candidate) => candidate.name === name);
    return `${name}@${row?.version ?? '1.0.0'}`;
  });
  const base = aTrunkRelease('1.5.0');
  return {
    ...base,
    plan: {
      title: `Release ${tags.length} packages`,
      steps: [
        { kind: 'stage', paths: ['packages'], description: 'stage the package files' },
        { kind: 'commit', message: `chore(release): ${tags.join(', ')}`, description: 'commit chore(release)' },
        ...tags.map(
          (tag) => ({ kind: 'tag', name: tag, message: tag, description: `create annotated tag ${tag}` }) as const,
        ),
      ],
    },
    version: choice.packages.join(', '),
    tag: tags.join(', '),
    packageTags: tags,
    changelogSection: choice.packages.map((name) => `# ${name}\n\n## next\n\n* changes of ${name}\n`).join('\n'),
  };
}
