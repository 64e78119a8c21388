// The missing-fixes matrix from data: which commits are rows, and how each cell is decided.
import { describe, expect, it } from 'vitest';
import { buildBackportMatrix, missingOn, type TargetHistory } from '../../../src/core/backport/backport-matrix.js';
import { createHashSet, pickedFromHashes } from '../../../src/core/backport/cherry-pick-trailer.js';
import { aCommit } from '../../helpers/build-commits.js';

const hash = (n: number): string => n.toString(16).padStart(4, '0').padEnd(40, 'a');
const day = (n: number): string => `2024-03-${String(n).padStart(2, '0')}T12:00:00Z`;
const commit = (n: number, message: string) =>
  aCommit(message, { hash: hash(n), parents: [hash(n - 1)], date: day(n) });

/** A target whose fork point comes before every commit listed in `after`. */
function target(name: string, after: number[], extra: Partial<TargetHistory> = {}): TargetHistory {
  return {
    target: name,
    sourceOnly: after.map((n) => ({ hash: hash(n), samePatchOnTarget: false })),
    targetOnly: [],
    pickedFrom: [],
    ...extra,
  };
}

describe('buildBackportMatrix', () => {
  // Newest first, as git log lists them.
  const commits = [
    commit(6, 'Revert "fix: b"\n\nThis reverts commit ' + hash(2) + '.'),
    commit(5, 'docs: readme'),
    commit(4, 'feat(ui): dark mode'),
    commit(3, 'perf(db): index lookups'),
    commit(2, 'fix(api)!: reject empty bodies'),
    commit(1, 'fix(auth): token expiry'),
  ];

  it('lists fix, perf and revert commits oldest first, with their type and cells per target', () => {
    const matrix = buildBackportMatrix({
      source: 'main',
      commits,
      targets: [target('dev', [3, 4, 5, 6]), target('1.x', [1, 2, 3, 4, 5, 6])],
    });
    expect(matrix.targets).toEqual(['dev', '1.x']);
    expect(matrix.types).toEqual(['fix', 'perf', 'revert']);
    expect(matrix.rows.map((row) => [row.commit.raw.hash, row.type, row.cells])).toEqual([
      [hash(1), 'fix', ['reachable', 'missing']],
      [hash(2), 'fix', ['reachable', 'missing']],
      [hash(3), 'perf', ['missing', 'missing']],
      [hash(6), 'revert', ['missing', 'missing']],
    ]);
    expect(missingOn(matrix, 0).map((row) => row.commit.raw.hash)).toEqual([hash(3), hash(6)]);
  });

  it('takes another list of types, whatever their case', () => {
    const matrix = buildBackportMatrix({
      source: 'main',
      commits,
      targets: [target('1.x', [1, 2, 3, 4, 5, 6])],
      types: ['FEAT', 'docs'],
    });
    expect(matrix.rows.map((row) => row.type)).toEqual(['feat', 'docs']);
  });

  it('counts the same patch, a cherry-pick line on the target, and a cherry-pick line on the source as present', () => {
    const pickedOnSource = commit(
      7,
      `fix: picked from the release line\n\n(cherry picked from commit ${'b'.repeat(12)})`,
    );
    const history = target('release/1.2', [1, 2, 3, 7], {
      sourceOnly: [
        { hash: hash(1), samePatchOnTarget: true },
        { hash: hash(2), samePatchOnTarget: false },
        { hash: hash(3), samePatchOnTarget: false },
        { hash: hash(7), samePatchOnTarget: false },
      ],
      // An abbreviated hash typed by hand still names hash(2).
      pickedFrom: [hash(2).slice(0, 10)],
      targetOnly: ['b'.repeat(40)],
    });
    const matrix = buildBackportMatrix({
      source: 'main',
      commits: [pickedOnSource, ...commits],
      targets: [history, target('1.x', [1, 2, 3, 7])],
    });
    expect(matrix.rows.map((row) => [row.commit.raw.hash, row.cells[0]])).toEqual([
      [hash(1), 'same-patch'],
      [hash(2), 'picked'],
      [hash(3), 'missing'],
      [hash(7), 'picked'],
    ]);
  });

  it('leaves out a commit present on every target, merges, and non-conventional commits', () => {
    const merge = aCommit('fix: merge of a branch', { hash: hash(9), parents: [hash(8), hash(7)], date: day(9) });
    const plain = aCommit('Fix the thing', { hash: hash(8), parents: [hash(7)], date: day(8) });
    const matrix = buildBackportMatrix({
      source: 'main',
      commits: [merge, plain, ...commits],
      targets: [target('dev', [8, 9])],
    });
    expect(matrix.rows).toEqual([]);
  });

  it('keeps git’s order for commits with the same date and lists a commit read for two targets once', () => {
    const a = aCommit('fix: a', { hash: hash(21), date: day(1) });
    const b = aCommit('fix: b', { hash: hash(22), date: day(1) });
    const matrix = buildBackportMatrix({ source: 'main', commits: [b, a, b], targets: [target('dev', [21, 22])] });
    expect(matrix.rows.map((row) => row.commit.header)).toEqual(['fix: a', 'fix: b']);
  });
});

describe('cherry-pick lines', () => {
  it('finds every (cherry picked from commit …) line, full or abbreviated', () => {
    const message = `fix: x\n\n(cherry picked from commit ${'A'.repeat(40)})\n(cherry picked from commit 1234567)\n(cherry picked from commit 123)`;
    expect(pickedFromHashes(message)).toEqual(['a'.repeat(40), '1234567']);
  });

  it('matches a full hash with its abbreviation either way, never a too-short one', () => {
    const set = createHashSet(['1234567890', 'f'.repeat(40)]);
    expect(set.has('1234567890abcdef')).toBe(true);
    expect(set.has('1234567')).toBe(true);
    expect(set.has('fffffff')).toBe(true);
    expect(set.has('123456')).toBe(false);
    expect(set.has('1234568')).toBe(false);
  });
});
