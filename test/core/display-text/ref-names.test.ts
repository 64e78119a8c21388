// Refs as a person writes them.
import { describe, expect, it } from 'vitest';
import { describeRef } from '../../../src/core/display-text/ref-names.js';

describe('describeRef', () => {
  it.each([
    ['refs/heads/dev', 'dev'],
    ['refs/heads/release/0.2.0', 'release/0.2.0'],
    ['refs/tags/v0.1.1', 'tag v0.1.1'],
    ['refs/tags/@scope/pkg@1.0.0', 'tag @scope/pkg@1.0.0'],
    ['refs/remotes/origin/main', 'origin/main'],
    ['HEAD', 'HEAD'],
    ['refs/notes/commits', 'refs/notes/commits'],
  ])('%s → %s', (ref, expected) => {
    expect(describeRef(ref)).toBe(expected);
  });
});
