// Each released package's upcoming changelog section: only its own commits, compared with its
// own last release, plus the dependencies whose new versions it takes.
import type { ReleaseSection } from '../core/changelog/release-section.js';
import { parseChangelog } from '../core/changelog/merge-changelog.js';
import { renderChangelog } from '../core/changelog/render-changelog.js';
import { createCommitParser } from '../core/commits/parse-commit.js';
import { changelogParserOptions, type PresetName } from '../core/commits/parser-options.js';
import type { PlannedPackage } from '../core/packages/plan-package-versions.js';
import { readRepositoryInfo, type OpenRepo } from './open-repo.js';
import type { PackagesPlan } from './read-packages-plan.js';

export interface PackageSection {
  planned: PlannedPackage;
  /** The section's Markdown (its `##` heading included). */
  markdown: string;
}

/**
 * The upcoming release's own draft in a package's CHANGELOG.md (an earlier `changelog` run wrote
 * it): its newest section when that version was never tagged. mergeChangelog replaces only it.
 */
export function packageDraft(existing: string | null, taggedVersions: readonly string[]): string | null {
  if (existing === null) return null;
  const newest = parseChangelog(existing).sections[0]?.version ?? null;
  return newest !== null && !taggedVersions.includes(newest) ? newest : null;
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
    const prerelease = planned.version.includes('-');
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
