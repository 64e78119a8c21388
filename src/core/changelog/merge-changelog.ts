// Puts freshly rendered sections into an existing CHANGELOG.md without touching a byte of what
// people (or other tools: lerna's wider spacing, CRLF editors) wrote.
import semver from 'semver';

const DEFAULT_CHANGELOG_HEADER = '# Changelog\n\n';

interface ChangelogSectionText {
  version: string;
  /** From the heading to the last line that is not blank, that line's end included. */
  body: string;
  /** The blank lines after the body, up to the next heading (or the end of the file). */
  gap: string;
}

interface ParsedChangelog {
  /** Everything before the first version heading (title, intro), as it is. */
  header: string;
  /** `header + sections' body + gap` is the text parsed, byte for byte. */
  sections: ChangelogSectionText[];
  /** `\r\n` when most lines end so, else `\n`. */
  eol: '\n' | '\r\n';
}

// `## [1.2.0](...)`, `# [1.2.0](...)` (angular minor), `## <small>1.2.1</small>`, `## 1.2.0 (date)`, `## v1.2.0`.
const VERSION_HEADING = /^#{1,3} (?:<small>\s*)?\[?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?)/;
const FENCE = /^(```|~~~)/;
const isBlank = (line: string): boolean => line.trim().length === 0;

/** The file's line ending: what most of its line ends are. */
function detectEol(text: string): '\n' | '\r\n' {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return crlf > 0 && crlf * 2 >= lf ? '\r\n' : '\n';
}

/** Lines with their own line ends, so joining them gives back the text. */
const linesOf = (text: string): string[] => text.match(/[^\n]*\n|[^\n]+$/g) ?? [];

function toSection(version: string, lines: readonly string[]): ChangelogSectionText {
  let end = lines.length;
  while (end > 1 && isBlank(lines[end - 1] as string)) end -= 1;
  return { version, body: lines.slice(0, end).join(''), gap: lines.slice(end).join('') };
}

export function parseChangelog(text: string): ParsedChangelog {
  const sections: ChangelogSectionText[] = [];
  let header = '';
  let current: { version: string; lines: string[] } | null = null;
  let inFence = false;
  for (const line of linesOf(text)) {
    if (FENCE.test(line)) inFence = !inFence;
    const match = inFence ? null : VERSION_HEADING.exec(line);
    if (match) {
      if (current) sections.push(toSection(current.version, current.lines));
      current = { version: match[1] as string, lines: [line] };
    } else if (current) current.lines.push(line);
    else header += line;
  }
  if (current) sections.push(toSection(current.version, current.lines));
  return { header, sections, eol: detectEol(text) };
}

interface MergeInput {
  /** The file's current text, or null when it does not exist. */
  existing: string | null;
  /** Rendered Markdown of the new sections, newest first (`\n` line ends). */
  rendered: string;
  /**
   * The version of the upcoming release's own draft in the file (an earlier run wrote it for a
   * version that has changed since): replaced by the upcoming section. Nothing else is dropped.
   */
  draft?: string | null;
  /** Regenerating the whole history: every old section a fresh one regenerates is replaced. */
  replaceAll: boolean;
}

/** The header as it is, ending in one blank line at least, so a section below it is a block of its own. */
function headerAbove(header: string, eol: string): string {
  if (header.length === 0) return '';
  if (/(?:\r?\n)[ \t]*\r?\n$/.test(header)) return header;
  return header.endsWith('\n') ? `${header}${eol}` : `${header}${eol}${eol}`;
}

/**
 * New sections go right above the first section, with the file's own spacing between sections and
 * its line ends. A section for the same version (or the upcoming release's draft) is replaced in
 * place, never duplicated; every other byte stays as it was.
 */
export function mergeChangelog(input: MergeInput): string {
  const fresh = parseChangelog(input.rendered).sections;
  if (fresh.length === 0) return input.existing ?? '';
  if (input.existing === null) return `${DEFAULT_CHANGELOG_HEADER}${fresh.map((section) => section.body).join('\n')}`;

  const old = parseChangelog(input.existing);
  const { eol } = old;
  const withEol = (text: string): string => (eol === '\n' ? text : text.replace(/\r?\n/g, eol));
  if (old.sections.length === 0)
    return `${headerAbove(old.header, eol)}${fresh.map((section) => withEol(section.body)).join(eol)}`;
  if (input.replaceAll) return `${headerAbove(old.header, eol)}${regenerated(fresh, old.sections, withEol).join(eol)}`;

  const sections = old.sections.map((section) => ({ ...section }));
  const added: string[] = [];
  for (const section of fresh) {
    const same = sections.find((candidate) => candidate.version === section.version);
    const target =
      same ?? (section === fresh[0] && input.draft && sections[0]?.version === input.draft ? sections[0] : undefined);
    if (target) target.body = withEol(section.body);
    else added.push(withEol(section.body));
  }
  // The gap the file puts between sections (lerna: several blank lines); one blank line by default.
  const spacing = sections.length > 1 ? (sections[0] as ChangelogSectionText).gap : eol;
  const top = added.map((body) => `${body}${spacing}`).join('');
  return `${old.header}${top}${sections.map((section) => section.body + section.gap).join('')}`;
}

/**
 * The whole history regenerated: every fresh section replaces its old one, and an old section no
 * release tag regenerates (history from before tags were made) is kept where its version falls.
 */
function regenerated(
  fresh: readonly ChangelogSectionText[],
  old: readonly ChangelogSectionText[],
  withEol: (text: string) => string,
): string[] {
  const freshVersions = new Set(fresh.map((section) => section.version));
  const kept = old.filter((section) => !freshVersions.has(section.version) && semver.valid(section.version) !== null);
  const bodies: string[] = [];
  let next = 0;
  for (const section of fresh) {
    while (
      next < kept.length &&
      semver.valid(section.version) !== null &&
      semver.gt((kept[next] as ChangelogSectionText).version, section.version)
    )
      bodies.push((kept[next++] as ChangelogSectionText).body);
    bodies.push(withEol(section.body));
  }
  return [...bodies, ...kept.slice(next).map((section) => section.body)];
}
