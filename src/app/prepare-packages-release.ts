// A monorepo release: preflight (as a single release's), every package's version, changelog
// section and notes, the files as they are now, then the pure plan the engine runs.
import { shellCommand } from '../core/display-text/shell-words.js';
import { beforeInput, readReleaseChecklist, type ReleaseChecklist } from './release-checklist.js';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeChangelog } from '../core/changelog/merge-changelog.js';
import { checkFailed, environmentError, usageError } from '../core/errors.js';
import { isValidTagName } from '../core/packages/tag-name.js';
import { planPackagesRelease, type PackagesReleasePlan } from '../core/packages/plan-packages-release.js';
import { manifestPath } from '../core/packages/workspace-package.js';
import type { Bump } from '../core/version/bump-rules.js';
import { readRemoteRefs } from '../git/read-remote.js';
import type { OpenRepo } from './open-repo.js';
import {
  assertPackagesHistory,
  packageDraft,
  renderPackageSections,
  type PackageSection,
} from './package-changelogs.js';
import { readPackagesPlan, type PackagesPlan } from './read-packages-plan.js';
import { stripVersionHeading } from './release-notes.js';
import { preflightRepository, type OnPreflightCheck } from './release-preflight.js';
import { plural } from '../core/display-text/plural.js';

interface PackagesReleaseRequest {
  packages: readonly string[];
  bump?: Bump;
  /** Per package, from the wizard's package list (selectionRequest). */
  bumps?: Readonly<Record<string, Bump>>;
  preid?: string;
  firstRelease?: boolean;
  push: boolean;
  day: string;
  onCheck?: OnPreflightCheck;
}

export interface PreparedPackagesRelease extends PackagesReleasePlan {
  packagesPlan: PackagesPlan;
  sections: PackageSection[];
  checklist: ReleaseChecklist;
  branch: string;
  remote: string | null;
  pushed: boolean;
}

const readText = (root: string, path: string): Promise<string | null> =>
  readFile(join(root, path), 'utf8').catch(() => null);

/** Every new tag valid and absent here and on the remote: one `ls-remote` for all of them. */
async function preflightTags(
  repo: OpenRepo,
  tags: readonly string[],
  remote: string | null,
  known: ReadonlySet<string>,
  onCheck: OnPreflightCheck,
): Promise<void> {
  const label = `${plural(tags.length, 'new tag')}${remote ? ` here and on ${remote}` : ''}`;
  try {
    const bad = tags.find((tag) => !isValidTagName(tag));
    if (bad)
      throw checkFailed(`'${bad}' is not a valid tag name.`, {
        code: 'bad-ref-name',
        fix: 'choose packages.tagFormat (or the package name) without spaces, `..`, `~`, `^` or `:`',
      });
    const here = tags.find((tag) => known.has(tag));
    if (here)
      throw checkFailed(`The tag ${here} already exists here.`, {
        code: 'tag-exists',
        fix: `if it is already released, commit something to release in that package (or pass --bump); look at it with ${shellCommand(['git', 'show', here])}`,
      });
    if (remote) {
      const values = await readRemoteRefs(
        repo.cwd,
        remote,
        tags.map((tag) => `refs/tags/${tag}`),
      ).catch((error: Error) => {
        throw environmentError(`Could not ask ${remote} for its tags: ${error.message}`, {
          code: 'remote-unreachable',
          fix: `check the connection: ${shellCommand(['git', 'ls-remote', '--tags', remote])}   (or release with --no-push)`,
        });
      });
      const there = [...values].find(([, value]) => value !== null)?.[0]?.slice('refs/tags/'.length);
      if (there)
        throw checkFailed(`The tag ${there} already exists on ${remote} (but not here).`, {
          code: 'tag-exists-remote',
          fix: `fetch it and look: ${shellCommand(['git', 'fetch', remote, 'tag', there])} && ${shellCommand(['git', 'show', there])}   (pull before releasing again)`,
        });
    }
  } catch (error) {
    onCheck({ id: 'tag', label, status: 'failed', detail: (error as Error).message });
    throw error;
  }
  onCheck({ id: 'tag', label, status: 'passed' });
}

export async function preparePackagesRelease(
  repo: OpenRepo,
  request: PackagesReleaseRequest,
): Promise<PreparedPackagesRelease> {
  const { config } = repo.loaded;
  const onCheck = request.onCheck ?? (() => undefined);
  const preflight = await preflightRepository(repo, 'trunk', onCheck);
  const remote = request.push ? preflight.remote : null;
  const packagesPlan = await readPackagesPlan(repo, {
    packages: request.packages,
    ...(request.bump ? { bump: request.bump } : {}),
    ...(request.bumps ? { bumps: request.bumps } : {}),
    ...(request.preid ? { preid: request.preid } : {}),
    ...(request.firstRelease ? { firstRelease: true } : {}),
  });
  if (request.firstRelease) {
    const released = packagesPlan.state.releases.find(
      (release) => packagesPlan.state.selected.includes(release.pkg.name) && release.next.current,
    );
    if (released)
      throw usageError(
        `--first-release tags a first version, but ${released.next.current?.name ?? released.pkg.name} is already released.`,
        `shipwright release --package NAME --first-release   (name only packages never released)`,
      );
  }
  const planned = packagesPlan.versions.packages;
  if (planned.length === 0) {
    throw checkFailed(
      `Nothing to release: none of the ${plural(packagesPlan.state.selected.length, 'package')} has a fix, a feature or a breaking change since its last release.`,
      {
        code: 'nothing-to-release',
        fix: 'commit a fix or feature in a package folder first, or force one: shipwright release --package NAME --bump patch',
      },
    );
  }
  await assertPackagesHistory(repo, packagesPlan);
  const known = new Set(packagesPlan.state.everyTag.map((tag) => tag.name));
  await preflightTags(
    repo,
    planned.map((entry) => entry.tag),
    remote,
    known,
    onCheck,
  );

  const checklist = await readReleaseChecklist(repo);
  const sections = await renderPackageSections(repo, packagesPlan, { day: request.day });
  const byName = new Map(packagesPlan.state.releases.map((release) => [release.pkg.name, release]));
  const file = config.changelog.file;
  const released = await Promise.all(
    sections.map(async (section) => {
      const path = manifestPath(section.planned.dir, file);
      const existing = await readText(repo.cwd, path);
      const release = byName.get(section.planned.name);
      return {
        planned: section.planned,
        notes: stripVersionHeading(section.markdown),
        changelog: {
          path,
          existing,
          content: mergeChangelog({
            existing,
            rendered: section.markdown,
            draft: release ? packageDraft(existing, release, section.planned.version, config.firstVersion) : null,
            replaceAll: false,
          }),
        },
      };
    }),
  );
  const touched = new Set([
    ...planned.map((entry) => entry.name),
    ...packagesPlan.versions.updates.map((update) => update.name),
  ]);
  const manifests = new Map<string, { path: string; text: string }>();
  for (const name of touched) {
    const pkg = byName.get(name)?.pkg;
    if (!pkg) continue;
    const path = manifestPath(pkg.dir);
    const text = await readText(repo.cwd, path);
    if (text === null)
      throw checkFailed(`${path} is missing, so ${name} cannot be released.`, {
        code: 'version-file-missing',
        fix: `restore it: ${shellCommand(['git', 'checkout', '--', path])}`,
      });
    manifests.set(name, { path, text });
  }
  const lockText = await readText(repo.cwd, 'package-lock.json');
  let rootChangelog = null;
  if (config.packages.rootChangelog) {
    // Newest first under the title: each package's section with its name in the heading.
    const existing = await readText(repo.cwd, file);
    const header = '# Changelog\n\n';
    const rendered = sections
      .map((section) => section.markdown.replace(/^(#{1,3}) /, `$1 ${section.planned.name} `))
      .join('\n');
    const body = existing === null ? '' : existing.startsWith(header) ? existing.slice(header.length) : existing;
    rootChangelog = { path: file, existing, content: `${header}${rendered}${body ? `\n${body}` : ''}` };
  }
  const push = remote
    ? { remote, branchRef: preflight.upstreams.get(preflight.branch)?.mergeRef ?? `refs/heads/${preflight.branch}` }
    : null;
  const result = planPackagesRelease({
    released,
    updates: packagesPlan.versions.updates,
    manifests,
    packageLock: lockText === null ? null : { path: 'package-lock.json', text: lockText },
    rootChangelog,
    branch: preflight.branch,
    checklist: beforeInput(checklist),
    push,
  });
  const cycleNotes = packagesPlan.versions.cycles.map(
    (cycle) => `dependency cycle: ${cycle.join(' → ')} (each package is released once)`,
  );
  result.plan.notes = [
    ...preflight.notes,
    ...packagesPlan.state.workspace.notes,
    ...packagesPlan.versions.notes,
    ...cycleNotes,
    ...(result.plan.notes ?? []),
  ];
  const pushed = result.plan.steps.some((step) => step.kind === 'push');
  return {
    ...result,
    packagesPlan,
    sections,
    checklist,
    branch: preflight.branch,
    remote: pushed ? remote : null,
    pushed,
  };
}
