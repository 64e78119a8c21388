// Marked cells → prepareBackport calls (one per distinct set of commits) → one plan.
import { describe, expect, it } from 'vitest';
import {
  backportOutcome,
  backportRequests,
  backportSummary,
  cellKey,
  mergeBackports,
} from '../../../src/tui/models/backport-selection.js';
import { aMatrix, aPreparedBackport, aWideMatrix, FIX_EXPORT, FIX_LOGIN, PERF_SEARCH } from '../support/fix-data.js';

describe('backportRequests', () => {
  it('makes one call for a rectangular selection, commits oldest first', () => {
    const matrix = aWideMatrix(3, ['dev', 'release/1.3.0', '1.x']);
    const selected = [cellKey(1, 0), cellKey(0, 0), cellKey(0, 1), cellKey(1, 1)];
    expect(backportRequests(matrix, selected)).toEqual([
      { commits: [matrix.rows[0]!.hash, matrix.rows[1]!.hash], targets: ['dev', 'release/1.3.0'] },
    ]);
  });

  it('never sends a commit to a branch it was not marked for', () => {
    // export → dev and release; login → dev only; perf → release only.
    const selected = [cellKey(0, 0), cellKey(0, 1), cellKey(1, 0), cellKey(2, 1)];
    expect(backportRequests(aMatrix(), selected)).toEqual([
      { commits: [FIX_EXPORT, FIX_LOGIN], targets: ['dev'] },
      { commits: [FIX_EXPORT, PERF_SEARCH], targets: ['release/1.3.0'] },
    ]);
  });

  it('asks for nothing when nothing is marked', () => {
    expect(backportRequests(aMatrix(), [])).toEqual([]);
  });
});

describe('mergeBackports', () => {
  it('joins the plans into one run, each commit and note once', () => {
    const matrix = aMatrix();
    const dev = aPreparedBackport(matrix, [FIX_EXPORT, FIX_LOGIN], ['dev']);
    const release = aPreparedBackport(matrix, [FIX_EXPORT, PERF_SEARCH], ['release/1.3.0']);
    const merged = mergeBackports([dev, release]);
    expect(merged.plan.title).toBe('Backport 3 commits to dev, release/1.3.0');
    expect(merged.plan.steps).toEqual([...dev.plan.steps, ...release.plan.steps]);
    expect(merged.commits.map((commit) => commit.hash)).toEqual([FIX_EXPORT, FIX_LOGIN, PERF_SEARCH]);
    expect(merged.plan.notes).toEqual([
      'nothing is pushed: when ready, git push origin dev',
      'nothing is pushed: when ready, git push origin release/1.3.0',
    ]);
    expect(backportSummary(merged, [])).toEqual(['dev: 2 picked.', 'release/1.3.0: 2 picked.']);
    expect(backportSummary(merged, ['dev'])).toEqual([
      'dev: left for later, nothing picked.',
      'release/1.3.0: 2 picked.',
    ]);
  });
});

describe('backportOutcome', () => {
  it('says what was picked and how to push it', () => {
    const prepared = aPreparedBackport(aMatrix(), [FIX_EXPORT, FIX_LOGIN], ['dev', 'release/1.3.0']);
    expect(backportOutcome(prepared, [])).toEqual([
      'Backported.',
      'dev: 2 picked.',
      'release/1.3.0: 1 picked, 1 already there.',
      'Nothing was pushed; your working tree was not touched.',
      'Next: push when ready: git push origin dev release/1.3.0.',
    ]);
  });

  it('says nothing was backported when every commit was already there', () => {
    const prepared = aPreparedBackport(aMatrix(), [PERF_SEARCH], ['dev']);
    expect(backportOutcome(prepared, [])).toEqual([
      'Nothing was backported: every commit was already on those branches.',
      'dev: 0 picked, 1 already there.',
      'Nothing was pushed; your working tree was not touched.',
      'Nothing to do: mark other missing cells (·) in the matrix to backport more.',
    ]);
  });

  it('gives the command for a branch left for later at its conflict', () => {
    const prepared = aPreparedBackport(aMatrix(), [FIX_EXPORT], ['dev']);
    const skipped = [{ target: 'dev', command: 'shipwright backport a1a1a1a1a1a1 --to dev' }];
    expect(backportOutcome(prepared, skipped)).toEqual([
      'Nothing was backported: the conflicting branches were left for later.',
      'dev: left for later, nothing picked.',
      'Nothing was pushed; your working tree was not touched.',
      'Next: once ready to resolve dev, run: shipwright backport a1a1a1a1a1a1 --to dev',
    ]);
  });
});
