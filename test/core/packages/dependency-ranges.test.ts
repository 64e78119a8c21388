// Dependents' ranges on a released package: exact pins follow, workspace: keeps its protocol.
import { describe, expect, it } from 'vitest';
import { updateDependencyRange } from '../../../src/core/packages/dependency-ranges.js';

describe('updateDependencyRange', () => {
  it.each([
    ['1.0.0', '1.1.0', { kind: 'updated', range: '1.1.0' }],
    ['=1.0.0', '1.1.0', { kind: 'updated', range: '=1.1.0' }],
    ['1.1.0', '1.1.0', { kind: 'kept', range: '1.1.0' }],
    ['^1.0.0', '1.1.0', { kind: 'kept', range: '^1.0.0' }],
    ['^1.0.0', '2.0.0', { kind: 'updated', range: '^2.0.0' }],
    ['~1.0.0', '1.1.0', { kind: 'updated', range: '~1.1.0' }],
    ['^0.3.0', '0.4.0', { kind: 'updated', range: '^0.4.0' }],
    ['>=1.0.0', '2.0.0', { kind: 'kept', range: '>=1.0.0' }],
    ['workspace:*', '2.0.0', { kind: 'kept', range: 'workspace:*' }],
    ['workspace:^', '2.0.0', { kind: 'kept', range: 'workspace:^' }],
    ['workspace:~', '2.0.0', { kind: 'kept', range: 'workspace:~' }],
    ['workspace:^1.0.0', '2.0.0', { kind: 'updated', range: 'workspace:^2.0.0' }],
    ['workspace:1.0.0', '1.0.1', { kind: 'updated', range: 'workspace:1.0.1' }],
    ['1.x || 3.x', '2.0.0', { kind: 'unsupported', range: '1.x || 3.x' }],
    ['1.x', '1.5.0', { kind: 'kept', range: '1.x' }],
    ['file:../core', '2.0.0', { kind: 'kept', range: 'file:../core' }],
    ['npm:other@^1', '2.0.0', { kind: 'kept', range: 'npm:other@^1' }],
  ])('%s with %s', (range, version, expected) => {
    expect(updateDependencyRange(range, version)).toEqual(expected);
  });
});
