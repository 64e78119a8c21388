// The release wizard's package list: in or out, a bump chosen by hand, what the run is asked for.
import { describe, expect, it } from 'vitest';
import {
  createPackageSelection,
  reducePackageSelection,
  selectionRequest,
  type PackageAction,
  type PackageRow,
} from '../../../src/tui/models/package-selection.js';

const row = (name: string, bump: PackageRow['bump'], reason = 'commits'): PackageRow => ({
  name,
  current: '1.0.0',
  version: '1.1.0',
  bump,
  reason,
  because: reason === 'commits' ? 'feat: x' : 'depends on a 1.1.0',
  deciding: ['feat: x'],
});
const ROWS = [row('a', 'minor'), row('b', 'patch', 'dependency'), row('c', 'patch')];
const apply = (...actions: PackageAction[]) => actions.reduce(reducePackageSelection, createPackageSelection(ROWS));

describe('package selection', () => {
  it('starts with every package in the run and no bump chosen', () => {
    expect(selectionRequest(apply())).toEqual({ packages: ['a', 'b', 'c'], bumps: {} });
  });

  it('space takes the row under the cursor out and back in, keeping row order', () => {
    expect(selectionRequest(apply('down', 'toggle')).packages).toEqual(['a', 'c']);
    expect(selectionRequest(apply('down', 'toggle', 'up', 'toggle', 'down', 'toggle')).packages).toEqual(['b', 'c']);
    expect(selectionRequest(apply('down', 'toggle', 'toggle')).packages).toEqual(['a', 'b', 'c']);
  });

  it('a selects all or none; the cursor wraps', () => {
    expect(selectionRequest(apply('all')).packages).toEqual([]);
    expect(selectionRequest(apply('all', 'all')).packages).toEqual(['a', 'b', 'c']);
    expect(apply('up').cursor).toBe(2);
  });

  it('b cycles patch → minor → major → the suggestion; only packages in the run carry it', () => {
    expect(apply('bump').overrides).toEqual({ a: 'patch' });
    expect(apply('bump', 'bump', 'bump').overrides).toEqual({ a: 'major' });
    expect(apply('bump', 'bump', 'bump', 'bump').overrides).toEqual({});
    expect(selectionRequest(apply('down', 'down', 'bump', 'bump', 'up', 'up', 'toggle'))).toEqual({
      packages: ['b', 'c'],
      bumps: { c: 'minor' },
    });
  });
});
