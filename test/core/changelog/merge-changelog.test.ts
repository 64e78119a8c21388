// Inserting sections into CHANGELOG.md text: below the header, no duplicates, hand edits kept.
import { describe, expect, it } from 'vitest';
import { mergeChangelog, parseChangelog } from '../../../src/core/changelog/merge-changelog.js';

const section = (version: string, body = '### Bug Fixes\n\n* something') =>
  `## [${version}](https://x/compare/a...b) (2024-01-01)\n\n${body}\n`;

describe('parseChangelog', () => {
  it('recognises the heading styles of both presets and keeps fenced code intact', () => {
    const text = [
      '# Changelog',
      '',
      '# [2.0.0](x) (2024)',
      '',
      '```',
      '## 9.9.9 not a heading',
      '```',
      '## <small>1.0.1</small>',
      '## 1.0.0 (2024-01-01)',
      '',
    ].join('\n');
    const parsed = parseChangelog(text);
    expect(parsed.header).toBe('# Changelog\n\n');
    expect(parsed.sections.map((s) => s.version)).toEqual(['2.0.0', '1.0.1', '1.0.0']);
  });
});

describe('mergeChangelog', () => {
  it('creates a file with a title when there is none', () => {
    const out = mergeChangelog({ existing: null, rendered: section('1.0.0'), replaceAll: false });
    expect(out).toBe(`# Changelog\n\n${section('1.0.0')}`);
  });

  it('puts the new section below the header and above older ones', () => {
    const existing = `# Changelog\n\nAll notable changes.\n\n${section('1.0.0')}`;
    const out = mergeChangelog({ existing, rendered: section('1.1.0'), replaceAll: false });
    expect(out).toBe(`# Changelog\n\nAll notable changes.\n\n${section('1.1.0')}\n${section('1.0.0')}`);
  });

  it('never duplicates a section when run twice', () => {
    const once = mergeChangelog({
      existing: `# Changelog\n\n${section('1.0.0')}`,
      rendered: section('1.1.0'),
      replaceAll: false,
    });
    const twice = mergeChangelog({ existing: once, rendered: section('1.1.0'), replaceAll: false });
    expect(twice).toBe(once);
  });

  it('keeps hand edits in older sections byte for byte', () => {
    const edited = section('1.0.0', '### Bug Fixes\n\n* something — see the migration guide (edited by hand)');
    const out = mergeChangelog({ existing: `# Changelog\n\n${edited}`, rendered: section('1.1.0'), replaceAll: false });
    expect(out).toContain(edited);
  });

  it('replaces the upcoming release’s draft whose version changed before release', () => {
    const existing = `# Changelog\n\n${section('1.0.1')}\n${section('1.0.0')}`;
    const out = mergeChangelog({ existing, rendered: section('1.1.0'), draft: '1.0.1', replaceAll: false });
    expect(parseChangelog(out).sections.map((s) => s.version)).toEqual(['1.1.0', '1.0.0']);
  });

  it('keeps every section that is not the draft, untagged or not', () => {
    const existing = `# Changelog\n\n${section('1.0.1')}\n${section('1.0.0')}`;
    const out = mergeChangelog({ existing, rendered: section('1.1.0'), replaceAll: false });
    expect(parseChangelog(out).sections.map((s) => s.version)).toEqual(['1.1.0', '1.0.1', '1.0.0']);
  });

  it('replaces every section when regenerating the whole history, keeping the header', () => {
    const existing = `# Changelog\n\nIntro.\n\n${section('1.0.0', 'old')}`;
    const out = mergeChangelog({ existing, rendered: `${section('1.1.0')}\n${section('1.0.0')}`, replaceAll: true });
    expect(out).toBe(`# Changelog\n\nIntro.\n\n${section('1.1.0')}\n${section('1.0.0')}`);
  });

  it('keeps an old section no tag regenerates where its version falls when regenerating everything', () => {
    const existing = `# Changelog\n\n${section('1.0.0', 'old')}\n${section('0.9.0', 'from before tags')}`;
    const out = mergeChangelog({
      existing,
      rendered: `${section('1.1.0')}\n${section('1.0.0')}\n${section('0.8.0')}`,
      replaceAll: true,
    });
    expect(out).toBe(
      `# Changelog\n\n${section('1.1.0')}\n${section('1.0.0')}\n${section('0.9.0', 'from before tags')}\n${section('0.8.0')}`,
    );
  });

  it('writes nothing new when nothing was rendered', () => {
    expect(mergeChangelog({ existing: 'x', rendered: '', replaceAll: false })).toBe('x');
  });

  it('parses losslessly: header and sections give back the text byte for byte', () => {
    const text = `# Change Log\r\n\r\nIntro\r\n\r\n${section('1.1.0').replace(/\n/g, '\r\n')}\r\n\r\n\r\n${section('1.0.0')}`;
    const parsed = parseChangelog(text);
    expect(parsed.header + parsed.sections.map((s) => s.body + s.gap).join('')).toBe(text);
    expect(parsed.eol).toBe('\r\n');
  });
});

/** A lerna-written CHANGELOG.md (commitlint's shape): `# Change Log` intro, angular headings, sections three blank lines apart. */
const LERNA_INTRO =
  '# Change Log\n\nAll notable changes to this project will be documented in this file.\nSee [Conventional Commits](https://conventionalcommits.org) for commit guidelines.\n\n';
const lernaSection = (version: string, body: string) =>
  `## [${version}](https://github.com/acme/app/compare/v0...v${version}) (2024-01-01)\n\n\n${body}\n`;
const LERNA = `${LERNA_INTRO}${lernaSection('1.0.1', '### Bug Fixes\n\n* **cli:** a crash')}\n\n\n\n${lernaSection('1.0.0', '**Note:** Version bump only for package @acme/root')}\n\n\n\n# [0.9.0](x) (2023-01-01)\n\n* hand-written notes, kept\n`;

describe('mergeChangelog keeps every old byte (real files)', () => {
  it('adds only the new section to a lerna-spaced file, with the file’s own spacing', () => {
    const out = mergeChangelog({ existing: LERNA, rendered: section('1.1.0'), replaceAll: false });
    expect(out).toBe(`${LERNA_INTRO}${section('1.1.0')}\n\n\n\n${LERNA.slice(LERNA_INTRO.length)}`);
  });

  it('writes the new section with CRLF line ends in a CRLF file, the old ones untouched', () => {
    const crlf = LERNA.replace(/\n/g, '\r\n');
    const out = mergeChangelog({ existing: crlf, rendered: section('1.1.0'), replaceAll: false });
    const intro = LERNA_INTRO.replace(/\n/g, '\r\n');
    expect(out).toBe(`${intro}${section('1.1.0').replace(/\n/g, '\r\n')}\r\n\r\n\r\n\r\n${crlf.slice(intro.length)}`);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('replaces the draft in place, keeping its gap and the rest of the file', () => {
    const withDraft = `${LERNA_INTRO}${lernaSection('1.0.2', '### Bug Fixes\n\n* draft')}\n\n\n\n${LERNA.slice(LERNA_INTRO.length)}`;
    const out = mergeChangelog({ existing: withDraft, rendered: section('1.1.0'), draft: '1.0.2', replaceAll: false });
    expect(out).toBe(`${LERNA_INTRO}${section('1.1.0')}\n\n\n\n${LERNA.slice(LERNA_INTRO.length)}`);
  });

  it('adds a blank line below a header that has none, and keeps a file without a final newline', () => {
    expect(mergeChangelog({ existing: '# Changelog', rendered: section('1.0.0'), replaceAll: false })).toBe(
      `# Changelog\n\n${section('1.0.0')}`,
    );
    expect(mergeChangelog({ existing: '# Changelog\r\n', rendered: section('1.0.0'), replaceAll: false })).toBe(
      `# Changelog\r\n\r\n${section('1.0.0').replace(/\n/g, '\r\n')}`,
    );
    const last = section('1.0.0').trimEnd();
    expect(mergeChangelog({ existing: `# Changelog\n\n${last}`, rendered: section('1.1.0'), replaceAll: false })).toBe(
      `# Changelog\n\n${section('1.1.0')}\n${last}`,
    );
  });
});
