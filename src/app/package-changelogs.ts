// Each released package's upcoming changelog section: only its own commits, compared with its
// own last release, plus the dependencies whose new versions it takes; and the monorepo's
// `shipwright changelog` use case, those sections merged into each package's CHANGELOG.md as a Plan.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import semver from 'semver';
import { checkReleaseHistory } from '../core/changelog/release-history.js';
import { checkFailed } from '../core/errors.js';
import type { PackageRelease } from '../core/packages/package-release.js';
import { packageTagName } from '../core/packages/package-tags.js';
import { checkPackagesHistory, type PackageHistoryInput } from '../core/packages/packages-history.js';
import { manifestPath } from '../core/packages/workspace-package.js';
import type { Plan, PlanStep } from '../core/plan/plan.js';
import { defaultRemote, fetchTagsFix } from './update-changelog.js';
import type { ReleaseSection } from '../core/changelog/release-section.js';
import { mergeChangelog, parseChangelog } from '../core/changelog/merge-changelog.js';
import { renderChangelog } from '../core/changelog/render-changelog.js';
import { createCommitParser } from '../core/conventional-commits/parse-commit.js';
import { changelogParserOptions, type PresetName } from '../core/conventional-commits/parser-options.js';
import type { PlannedPackage } from '../core/packages/plan-package-versions.js';
import { readRepositoryInfo, type OpenRepo } from './open-repo.js';
import type { PackagesPlan } from './read-packages-plan.js';
import { plural } from '../core/display-text/plural.js';

export interface PackageSection {
  planned: PlannedPackage;
  /** The section's Markdown (its `##` heading included). */
  markdown: string;
}

/**
 * The upcoming release's own draft in a package's CHANGELOG.md (an earlier `changelog` run wrote
 * it): its newest section when that version was never tagged and could be this release's (the
 * single-package rule, checkReleaseHistory). mergeChangelog replaces only it; a section written by
 * hand for a version below the package's first release stays.
 */
export function packageDraft(
  existing: string | null,
  release: Pick<PackageRelease, 'allTags' | 'tags'>,
  upcoming: string,
  firstVersion: string,
): string | null {
  if (existing === null) return null;
  return checkReleaseHistory({
    sectionVersions: parseChangelog(existing).sections.map((section) => section.version),
    fileVersions: [],
    tagged: release.allTags.map((tag) => tag.version),
    newestReachable: release.tags[0]?.version ?? null,
    upcoming,
    firstVersion,
  }).draft;
}

const codeSpan = (text: string): string => `\`${text.replace(/`/g, "'")}\``;

export async function renderPackageSections(
  repo: OpenRepo,
  plan: PackagesPlan,
  options: { day: string; preset?: PresetName },
): Promise<PackageSection[]> {
  const { config } = repo.loaded;
  const preset = options.preset ?? config.changelog.preset;
  const repository = await readRepositoryInfo(repo);
  const parse = createCommitParser(changelogParserOptions(preset, repository));
  const byName = new Map(plan.state.releases.map((release) => [release.pkg.name, release]));
  const sections: PackageSection[] = [];
  for (const planned of plan.versions.packages) {
    const release = byName.get(planned.name);
    if (!release) continue;
    const prerelease = semver.prerelease(planned.version) !== null;
    const previous = prerelease ? (release.tags[0] ?? null) : release.base;
    const section: ReleaseSection = {
      version: planned.version,
      currentTag: planned.tag,
      previousTag: previous?.name ?? null,
      date: options.day,
      commits: release.commits.filter((commit) => !commit.isMerge).map((commit) => parse(commit.raw)),
      unreleased: true,
    };
    let markdown = await renderChangelog([section], { preset, repository, types: config.changelog.types });
    const updates = plan.versions.updates.filter((update) => update.name === planned.name);
    if (updates.length > 0) {
      const lines = updates.map(
        (update) =>
          `* ${codeSpan(update.dependency)} ${codeSpan(update.from)} → ${codeSpan(update.to)}${update.field === 'dependencies' ? '' : ` (${update.field})`}`,
      );
      markdown = `${markdown.replace(/\n+$/, '')}\n\n### Dependencies\n\n${lines.join('\n')}\n`;
    }
    sections.push({ planned, markdown: markdown.endsWith('\n') ? markdown : `${markdown}\n` });
  }
  return sections;
}

const listedVersions = (versions: readonly string[]): string =>
  `${versions.slice(0, 4).join(', ')}${versions.length > 4 ? `, … (${versions.length} in all)` : ''}`;

/**
 * Refuses (before anything is written) when a package's CHANGELOG.md or package.json names
 * releases its tags here do not explain: a clone without tags would make each package's past
 * releases "upcoming". A package never tagged while others are is just unreleased (checkPackagesHistory).
 */
export async function assertPackagesHistory(repo: OpenRepo, plan: PackagesPlan): Promise<void> {
  const { config } = repo.loaded;
  const upcoming = new Map(plan.versions.packages.map((planned) => [planned.name, planned.version]));
  const inputs: PackageHistoryInput[] = await Promise.all(
    plan.state.releases.map(async (release) => {
      const changelogPath = manifestPath(release.pkg.dir, config.changelog.file);
      const existing = await readFile(join(repo.cwd, changelogPath), 'utf8').catch(() => null);
      return {
        name: release.pkg.name,
        changelogPath,
        sectionVersions: existing === null ? [] : parseChangelog(existing).sections.map((section) => section.version),
        manifestPath: manifestPath(release.pkg.dir),
        manifestVersion: release.pkg.version,
        tagged: release.allTags.map((tag) => tag.version),
        newestReachable: release.tags[0]?.version ?? null,
        upcoming: upcoming.get(release.pkg.name) ?? null,
      };
    }),
  );
  const problems = checkPackagesHistory(inputs, config.firstVersion);
  const [first] = problems;
  if (!first) return;
  const claims = problems
    .slice(0, 3)
    .map((problem) => {
      const bySource = new Map<string, string[]>();
      for (const entry of problem.unexplained)
        bySource.set(entry.source, [...(bySource.get(entry.source) ?? []), entry.version]);
      return [...bySource].map(([source, versions]) => `${source} names ${listedVersions(versions)}`).join(', ');
    })
    .join('; ');
  const more = problems.length > 3 ? ` (and ${problems.length - 3} more packages)` : '';
  const none = problems.every((problem) => problem.newestTag === null);
  const here = none
    ? 'no package has a release tag here'
    : `the newest tag of ${first.name} here is ${first.newestTag ?? 'none'}`;
  const release = plan.state.releases.find((candidate) => candidate.pkg.name === first.name);
  const tag = packageTagName(release?.tagFormats[0] ?? '{name}@{version}', first.name, '<version>');
  throw checkFailed(
    `${claims}${more}, but ${here}: this clone is missing tags (cloned with --no-tags?), and writing would replace that history.`,
    {
      code: 'tags-not-fetched',
      fix: `${fetchTagsFix(await defaultRemote(repo))}; a release that was never tagged: git tag ${tag} <its release commit>`,
    },
  );
}

interface PackagesChangelogUpdate {
  sections: PackageSection[];
  /** One write-file step per package changelog that changes; null when none does. */
  plan: Plan | null;
  /** The files the plan writes. */
  paths: string[];
}

/**
 * `shipwright changelog` in a monorepo: each package's upcoming section merged into its own
 * CHANGELOG.md (refused first when a clone without tags would rewrite history), as one Plan.
 */
export async function preparePackagesChangelogUpdate(
  repo: OpenRepo,
  plan: PackagesPlan,
  options: { day: string; preset?: PresetName },
): Promise<PackagesChangelogUpdate> {
  const sections = await renderPackageSections(repo, plan, options);
  if (sections.length === 0) return { sections, plan: null, paths: [] };
  await assertPackagesHistory(repo, plan);
  const { config } = repo.loaded;
  const byName = new Map(plan.state.releases.map((release) => [release.pkg.name, release]));
  const steps: PlanStep[] = [];
  for (const section of sections) {
    const path = manifestPath(section.planned.dir, config.changelog.file);
    const existing = await readFile(join(repo.cwd, path), 'utf8').catch(() => null);
    const release = byName.get(section.planned.name);
    const content = mergeChangelog({
      existing,
      rendered: section.markdown,
      draft: release ? packageDraft(existing, release, section.planned.version, config.firstVersion) : null,
      replaceAll: false,
    });
    if (content === existing) continue;
    steps.push({
      kind: 'write-file',
      path,
      content,
      description: `${existing === null ? 'create' : 'update'} ${path} with ${section.planned.name} ${section.planned.version}`,
    });
  }
  const paths = steps.flatMap((step) => (step.kind === 'write-file' ? [step.path] : []));
  if (steps.length === 0) return { sections, plan: null, paths };
  return {
    sections,
    plan: { title: `Update ${plural(steps.length, 'package changelog')}`, steps },
    paths,
  };
}
