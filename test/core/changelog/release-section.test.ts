// Splitting history into releases by walking parents from each tag.
import { describe, expect, it } from 'vitest';
import { splitIntoSections } from '../../../src/core/changelog/release-section.js';
import { aCommit, aLinearHistory, aTag } from '../../helpers/build-commits.js';

const headers = (commits: { header: string }[]) => commits.map((commit) => commit.header);

describe('splitIntoSections', () => {
  it('gives each tag the commits since the previous one, newest first', () => {
    const history = aLinearHistory(['feat: a', 'fix: b', 'feat: c', 'fix: d']);
    const [d, c, , a] = history;
    const sections = splitIntoSections(
      history,
      [aTag('v1.1.0', '1.1.0', c?.raw.hash), aTag('v1.0.0', '1.0.0', a?.raw.hash)],
      {
        name: 'v1.1.1',
        version: '1.1.1',
        commit: d?.raw.hash ?? '',
        isPrerelease: false,
        date: '',
        day: '2024-03-01',
      },
    );
    expect(sections.map((s) => [s.version, s.previousTag, s.date, headers(s.commits)])).toEqual([
      ['1.1.1', 'v1.1.0', '2024-03-01', ['fix: d']],
      ['1.1.0', 'v1.0.0', '2024-01-03', ['feat: c', 'fix: b']],
      ['1.0.0', null, '2024-01-01', ['feat: a']],
    ]);
  });

  it('lets a stable release repeat what its prereleases brought', () => {
    const history = aLinearHistory(['feat: a', 'feat: b', 'fix: c']);
    const [c, b, a] = history;
    const sections = splitIntoSections(history, [
      aTag('v1.1.0', '1.1.0', c?.raw.hash),
      aTag('v1.1.0-rc.0', '1.1.0-rc.0', b?.raw.hash),
      aTag('v1.0.0', '1.0.0', a?.raw.hash),
    ]);
    expect(sections.map((s) => [s.version, s.previousTag, headers(s.commits)])).toEqual([
      ['1.1.0', 'v1.0.0', ['fix: c', 'feat: b']],
      ['1.1.0-rc.0', 'v1.0.0', ['feat: b']],
      ['1.0.0', null, ['feat: a']],
    ]);
  });

  it('keeps a release whose tag sits on a merge commit, and hides the merge itself', () => {
    const base = aCommit('feat: base', { hash: '1'.repeat(40) });
    const onMain = aCommit('fix: on main', { hash: '2'.repeat(40), parents: [base.raw.hash] });
    const onBranch = aCommit('feat: on branch', { hash: '3'.repeat(40), parents: [base.raw.hash] });
    const merge = aCommit("Merge branch 'feature'", {
      hash: '4'.repeat(40),
      parents: [onMain.raw.hash, onBranch.raw.hash],
    });
    const history = [merge, onBranch, onMain, base];
    const sections = splitIntoSections(history, [
      aTag('v1.1.0', '1.1.0', merge.raw.hash),
      aTag('v1.0.0', '1.0.0', base.raw.hash),
    ]);
    expect(sections.map((s) => [s.version, headers(s.commits)])).toEqual([
      ['1.1.0', ['feat: on branch', 'fix: on main']],
      ['1.0.0', ['feat: base']],
    ]);
  });

  it('stops at the edge of a partial history', () => {
    const history = aLinearHistory(['feat: a', 'fix: b']).slice(0, 1);
    const sections = splitIntoSections(history, [aTag('v1.0.0', '1.0.0', 'c0'.padEnd(40, '0'))], {
      name: 'v1.0.1',
      version: '1.0.1',
      commit: history[0]?.raw.hash ?? '',
      isPrerelease: false,
      date: '',
      day: '2024-05-05',
    });
    expect(sections.map((s) => [s.version, s.previousTag, headers(s.commits)])).toEqual([
      ['1.0.1', 'v1.0.0', ['fix: b']],
      ['1.0.0', null, []],
    ]);
  });

  it('gives the upcoming release what the branch it will be merged with brings (gitflow finish)', () => {
    const base = aCommit('feat: base', { hash: '1'.repeat(40) });
    const hotfix = aCommit('fix: on main only', { hash: '2'.repeat(40), parents: [base.raw.hash] });
    const onRelease = aCommit('feat: on the release branch', { hash: '3'.repeat(40), parents: [base.raw.hash] });
    const history = [onRelease, hotfix, base];
    const upcoming = {
      name: 'v1.1.0',
      version: '1.1.0',
      commit: onRelease.raw.hash,
      isPrerelease: false,
      date: '',
      day: '2024-05-05',
    };
    const tags = [aTag('v1.0.0', '1.0.0', base.raw.hash)];
    expect(headers(splitIntoSections(history, tags, upcoming)[0]?.commits ?? [])).toEqual([
      'feat: on the release branch',
    ]);
    const merged = splitIntoSections(history, tags, { ...upcoming, merges: [hotfix.raw.hash] });
    expect(merged.map((s) => [s.version, s.previousTag, headers(s.commits)])[0]).toEqual([
      '1.1.0',
      'v1.0.0',
      ['feat: on the release branch', 'fix: on main only'],
    ]);
  });
});
