// What the wizard derives for display, from data: the header per branch model, the menu, the
// review text, the push summary and the confirm question.
import { describe, expect, it } from 'vitest';
import {
  confirmQuestion,
  flowTitle,
  menuEntries,
  pushedRefs,
  reviewLines,
} from '../../../src/tui/models/release-view.js';
import { anOutlook, aReleaseFinish, aReleaseStart, aTrunkRelease } from '../support/release-data.js';
import { named } from '../../helpers/named.js';

const none = { outlook: null, suggested: null, release: null };

describe('flowTitle', () => {
  it.each([
    ['trunk from the outlook', { ...none, outlook: anOutlook() }, null, 'Trunk release on main'],
    [
      'gitflow start, version highlighted',
      { ...none, outlook: anOutlook({ flow: 'start', branch: 'dev' }) },
      '1.4.0-rc.0',
      'Gitflow: start release/1.4.0 from dev',
    ],
    [
      'gitflow start, no version yet',
      { ...none, outlook: anOutlook({ flow: 'start', branch: 'dev' }) },
      null,
      'Gitflow: start a release branch from dev',
    ],
    [
      'gitflow start, prepared',
      { ...none, release: aReleaseStart('1.4.0') },
      null,
      'Gitflow: start release/1.4.0 from dev',
    ],
    ['gitflow finish', { ...none, release: aReleaseFinish('1.4.0') }, null, 'Gitflow: finish release/1.4.0'],
    ['nothing known yet', none, null, 'Release'],
  ] as const)('%s', (_name, source, highlighted, title) => {
    expect(flowTitle(source, highlighted)).toBe(title);
  });
});

describe('menuEntries', () => {
  it('lists the outlook’s versions and custom', () => {
    expect(
      menuEntries({ ...none, outlook: anOutlook() }).map((entry) => `${entry.label} ${entry.version ?? '-'}`),
    ).toEqual([
      'suggested 1.5.0',
      'patch 1.4.3',
      'minor 1.5.0',
      'major 2.0.0',
      'prerelease (rc) 1.5.0-rc.0',
      'custom -',
    ]);
  });

  it('without an outlook, leaves bumps to the preparation and the suggestion to the first one', () => {
    const entries = menuEntries({ ...none, suggested: aTrunkRelease('1.5.0') });
    expect(entries.map((entry) => [entry.label, entry.version, entry.available])).toEqual([
      ['suggested', '1.5.0', true],
      ['patch', null, true],
      ['minor', null, true],
      ['major', null, true],
      ['prerelease (rc)', null, true],
      ['custom', null, true],
    ]);
  });
});

describe('reviewLines', () => {
  it('is the changelog section, then the plan with its notes', () => {
    const lines = reviewLines(aTrunkRelease('1.5.0')).map((line) => line.text);
    expect(lines.slice(0, 4)).toEqual(['Changelog section for 1.5.0', '## 1.5.0 (2024-06-01)', '', '### Features']);
    expect(lines).toContain('Plan: Release v1.5.0 (6 steps)');
    expect(lines).toContain('  6. push main and v1.5.0 to origin (atomic: both or neither)');
  });

  it('wraps to the width, a step’s rest under its text, keeping each line’s style', () => {
    const lines = reviewLines(aTrunkRelease('1.5.0'), 40);
    for (const line of lines) expect([...line.text].length).toBeLessThanOrEqual(40);
    const texts = lines.map((line) => line.text);
    const push = texts.indexOf('  6. push main and v1.5.0 to origin');
    expect(texts.slice(push, push + 2)).toEqual([
      '  6. push main and v1.5.0 to origin',
      '     (atomic: both or neither)',
    ]);
    expect(lines[push + 1]?.style).toBeUndefined();
  });
});

describe('pushedRefs and confirmQuestion', () => {
  it.each(
    named([
      {
        name: 'a trunk release pushes the branch and the tag',
        release: aTrunkRelease('1.5.0'),
        refs: ['main', 'v1.5.0'],
        question: 'Release v1.5.0 from main and push to origin?',
      },
      {
        name: 'a gitflow start pushes the release branch',
        release: aReleaseStart('1.4.0'),
        refs: ['release/1.4.0'],
        question: 'Start release/1.4.0 from dev and push to origin?',
      },
      {
        name: 'a gitflow finish pushes both branches and the tag, and deletes the release branch',
        release: aReleaseFinish('1.4.0'),
        refs: ['main', 'dev', 'v1.4.0', 'delete release/1.4.0'],
        question: 'Finish release/1.4.0: merge it, tag v1.4.0 and push to origin?',
      },
    ]),
  )('%s', (_name, { release, refs, question }) => {
    expect(pushedRefs(release.plan)).toEqual(refs);
    expect(confirmQuestion(release)).toBe(question);
  });
});
