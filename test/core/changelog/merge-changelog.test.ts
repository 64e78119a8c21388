// Inserting sections into CHANGELOG.md text: below the header, no duplicates, hand edits kept.
import { describe, expect, it } from 'vitest';
import { mergeChangelog, parseChangelog } from '../../../src/core/changelog/merge-changelog.js';

const section = (version: string, body = '### Bug Fixes\n\n* something') => `## [${version}](https://x/compare/a...b) (2024-01-01)\n\n${body}\n`;

describe('parseChangelog', () => {
  it('recognises the heading styles of both presets and keeps fenced code intact', () => {
    const text = ['# Changelog', '', '# [2.0.0](x) (2024)', '', '```', '## 9.9.9 not a heading', '```', '## <small>1.0.1</small>', '## 1.0.0 (2024-01-01)', ''].join('\n');
    const parsed = parseChangelog(text);
    expect(parsed.header).toBe('# Changelog\n');
    expect(parsed.sections.map((s) => s.version)).toEqual(['2.0.0', '1.0.1', '1.0.0']);
  });
});

describe('mergeChangelog', () => {
  it('creates a file with a title when there is none', () => {
    const out = mergeChangelog({ existing: null, rendered: section('1.0.0'), releasedVersions: [], replaceAll: false });
    expect(out).toBe(`# Changelog\n\n${section('1.0.0')}`);
  });

  it('puts the new section below the header and above older ones', () => {
    const existing = `# Changelog\n\nAll notable changes.\n\n${section('1.0.0')}`;
    const out = mergeChangelog({ existing, rendered: section('1.1.0'), releasedVersions: ['1.0.0'], replaceAll: false });
    expect(out).toBe(`# Changelog\n\nAll notable changes.\n\n${section('1.1.0')}\n${section('1.0.0')}`);
  });

  it('never duplicates a section when run twice', () => {
    const once = mergeChangelog({ existing: `# Changelog\n\n${section('1.0.0')}`, rendered: section('1.1.0'), releasedVersions: ['1.0.0'], replaceAll: false });
    const twice = mergeChangelog({ existing: once, rendered: section('1.1.0'), releasedVersions: ['1.0.0'], replaceAll: false });
    expect(twice).toBe(once);
  });

  it('keeps hand edits in older sections byte for byte', () => {
    const edited = section('1.0.0', '### Bug Fixes\n\n* something — see the migration guide (edited by hand)');
    const out = mergeChangelog({ existing: `# Changelog\n\n${edited}`, rendered: section('1.1.0'), releasedVersions: ['1.0.0'], replaceAll: false });
    expect(out).toContain(edited);
  });

  it('replaces a stale draft whose version changed before release', () => {
    const existing = `# Changelog\n\n${section('1.0.1')}\n${section('1.0.0')}`;
    const out = mergeChangelog({ existing, rendered: section('1.1.0'), releasedVersions: ['1.0.0'], replaceAll: false });
    expect(parseChangelog(out).sections.map((s) => s.version)).toEqual(['1.1.0', '1.0.0']);
  });

  it('keeps a released section even when it is not the newest', () => {
    const existing = `# Changelog\n\n${section('1.0.1')}\n${section('1.0.0')}`;
    const out = mergeChangelog({ existing, rendered: section('1.1.0'), releasedVersions: ['1.0.0', '1.0.1'], replaceAll: false });
    expect(parseChangelog(out).sections.map((s) => s.version)).toEqual(['1.1.0', '1.0.1', '1.0.0']);
  });

  it('replaces every section when regenerating the whole history, keeping the header', () => {
    const existing = `# Changelog\n\nIntro.\n\n${section('1.0.0', 'old')}`;
    const out = mergeChangelog({ existing, rendered: `${section('1.1.0')}\n${section('1.0.0')}`, releasedVersions: ['1.0.0'], replaceAll: true });
    expect(out).toBe(`# Changelog\n\nIntro.\n\n${section('1.1.0')}\n${section('1.0.0')}`);
  });

  it('writes nothing new when nothing was rendered', () => {
    expect(mergeChangelog({ existing: 'x', rendered: '', releasedVersions: [], replaceAll: false })).toBe('x');
  });
});
