// One version's release notes: a tagged release, or the upcoming one before it is tagged.
import { renderChangelog } from '../core/changelog/render-changelog.js';
import { splitIntoSections } from '../core/changelog/release-section.js';
import { createCommitParser } from '../core/conventional-commits/parse-commit.js';
import { changelogParserOptions, type PresetName } from '../core/conventional-commits/parser-options.js';
import { checkFailed } from '../core/errors.js';
import { selectReleaseTags, versionFromTag } from '../core/tags/release-tag.js';
import { readLogArray } from '../git/read-log.js';
import { readTags } from '../git/read-tags.js';
import { buildChangelog } from './build-changelog.js';
import { readRepositoryInfo, type OpenRepo } from './open-repo.js';

/** The section's Markdown without its version heading: what a GitHub release body or tag message wants. */
export function stripVersionHeading(markdown: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{1,3} /.test(line));
  return `${lines
    .slice(start + 1)
    .join('\n')
    .trim()}\n`;
}

/**
 * A release's notes: its section without the heading. A release of chores only (its section is a
 * bare heading) says what it is, as lerna writes "Version bump only for package …", so a tag
 * message or `gh release create --notes-file` never gets an empty body.
 */
export function releaseNotesOf(repo: OpenRepo, markdown: string, previousTag: string | null): string {
  const notes = stripVersionHeading(markdown);
  if (notes.trim().length > 0) return notes;
  const name =
    typeof repo.packageJson?.name === 'string' && repo.packageJson.name.trim()
      ? ` for package ${repo.packageJson.name.trim()}`
      : '';
  return `Version bump only${name}: no feature, fix or breaking change${previousTag ? ` since ${previousTag}` : ''}.\n`;
}

interface ReleaseNotesRead {
  version: string;
  /** null: the upcoming release, not tagged yet. */
  tag: string | null;
  previousTag: string | null;
  notes: string;
}

export async function buildReleaseNotes(repo: OpenRepo, requested: string, preset?: PresetName): Promise<string> {
  return (await readReleaseNotes(repo, requested, preset)).notes;
}

/** One version's notes and the releases it lies between (for compare links). */
export async function readReleaseNotes(
  repo: OpenRepo,
  requested: string,
  preset?: PresetName,
): Promise<ReleaseNotesRead> {
  const { config } = repo.loaded;
  const version = versionFromTag(requested, config.tagPrefix) ?? versionFromTag(requested, '') ?? requested;
  const all = selectReleaseTags(await readTags(repo.cwd), config.tagPrefix);
  const tag = all.find((candidate) => candidate.version === version);
  const usedPreset = preset ?? config.changelog.preset;

  if (!tag) {
    const upcoming = await buildChangelog(repo, { releaseCount: 1, ...(preset ? { preset } : {}) });
    if (upcoming.upcoming?.version === version)
      return {
        version,
        tag: null,
        previousTag: upcoming.upcoming.previousTag,
        notes: releaseNotesOf(repo, upcoming.markdown, upcoming.upcoming.previousTag),
      };
    const known = all
      .slice(0, 5)
      .map((candidate) => candidate.name)
      .join(', ');
    throw checkFailed(
      `There is no release ${version}: no tag ${config.tagPrefix}${version}${upcoming.upcoming ? `, and the next release is ${upcoming.upcoming.version}` : ''}.`,
      {
        code: 'unknown-release',
        fix: known
          ? `pick a released version (latest: ${known}) or run \`shipwright version\``
          : 'tag a release first: shipwright release',
      },
    );
  }

  const reachable = selectReleaseTags(
    await readTags(repo.cwd, { mergedInto: `refs/tags/${tag.name}` }),
    config.tagPrefix,
  );
  const index = reachable.findIndex((candidate) => candidate.name === tag.name);
  const older = reachable.slice(index + 1);
  const previous = tag.isPrerelease ? older[0] : older.find((candidate) => !candidate.isPrerelease);
  const repository = await readRepositoryInfo(repo);
  const raw = await readLogArray(repo.cwd, {
    include: [`refs/tags/${tag.name}`],
    exclude: previous ? [`refs/tags/${previous.name}`] : [],
  });
  const parser = changelogParserOptions(usedPreset, repository);
  const sections = splitIntoSections(raw.map(createCommitParser(parser)), reachable.slice(index));
  const section = sections.find((candidate) => candidate.currentTag === tag.name);
  const read = { version, tag: tag.name, previousTag: section?.previousTag ?? previous?.name ?? null };
  if (!section) return { ...read, notes: releaseNotesOf(repo, '', previous?.name ?? null) };
  return {
    ...read,
    notes: releaseNotesOf(
      repo,
      await renderChangelog([section], { preset: usedPreset, repository, types: config.changelog.types }),
      section.previousTag,
    ),
  };
}
