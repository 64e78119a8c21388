// Puts freshly rendered sections into an existing CHANGELOG.md without losing what people wrote.
import semver from 'semver';

export const DEFAULT_CHANGELOG_HEADER = '# Changelog\n\n';

export interface ChangelogSectionText {
  /** null for text that is not under a version heading. */
  version: string | null;
  text: string;
}

export interface ParsedChangelog {
  /** Everything before the first version heading (title, intro). */
  header: string;
  sections: ChangelogSectionText[];
}

// `## [1.2.0](...)`, `# [1.2.0](...)` (angular minor), `## <small>1.2.1</small>`, `## 1.2.0 (date)`, `## v1.2.0`.
const VERSION_HEADING = /^#{1,3} (?:<small>\s*)?\[?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)/;

export function parseChangelog(text: string): ParsedChangelog {
  const lines = text.split('\n');
  const sections: ChangelogSectionText[] = [];
  const header: string[] = [];
  let current: { version: string; lines: string[] } | null = null;
  let inFence = false;
  for (const line of lines) {
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : VERSION_HEADING.exec(line);
    if (match) {
      if (current) sections.push({ version: current.version, text: current.lines.join('\n') });
      current = { version: match[1] as string, lines: [line] };
    } else if (current) current.lines.push(line);
    else header.push(line);
  }
  if (current) sections.push({ version: current.version, text: current.lines.join('\n') });
  return { header: header.join('\n'), sections };
}

export interface MergeInput {
  /** The file's current text, or null when it does not exist. */
  existing: string | null;
  /** Rendered Markdown of the new sections, newest first. */
  rendered: string;
  /** Versions that have a release tag; other versions above the latest are drafts of unreleased work. */
  releasedVersions: readonly string[];
  /** Regenerating the whole history: every old section is replaced. */
  replaceAll: boolean;
}

const trimSection = (text: string): string => `${text.replace(/\s+$/, '')}\n`;

/**
 * New sections go right below the header. A section for the same version is replaced, never
 * duplicated; a draft for an unreleased version (written by an earlier run) is dropped; every
 * other section is kept byte for byte, hand edits included.
 */
export function mergeChangelog(input: MergeInput): string {
  const fresh = parseChangelog(input.rendered).sections;
  const old = input.existing === null ? { header: DEFAULT_CHANGELOG_HEADER, sections: [] } : parseChangelog(input.existing);
  if (fresh.length === 0) return input.existing ?? '';
  const freshVersions = new Set(fresh.map((section) => section.version));
  const released = new Set(input.releasedVersions);
  const latestReleased = [...released].sort(semver.rcompare)[0];
  const isStaleDraft = (version: string | null): boolean =>
    version !== null && !released.has(version) && (latestReleased === undefined || semver.gt(version, latestReleased));
  const kept = input.replaceAll ? [] : old.sections.filter((section) => !freshVersions.has(section.version) && !isStaleDraft(section.version));

  const header = old.header.length === 0 ? '' : `${old.header.replace(/\s+$/, '')}\n\n`;
  const body = [...fresh, ...kept].map((section) => trimSection(section.text)).join('\n');
  return `${header}${body}`;
}
