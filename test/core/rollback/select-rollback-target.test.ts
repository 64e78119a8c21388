// selectRollbackTarget from data: the default target, TAG by name or version, and every refusal.
import { describe, expect, it } from 'vitest';
import { isShipwrightError } from '../../../src/core/errors.js';
import type { GitTag } from '../../../src/core/tags/release-tag.js';
import { selectRollbackTarget, type SelectRollbackInput } from '../../../src/core/rollback/select-rollback-target.js';

const tag = (name: string, date = '2024-01-01T00:00:00Z'): GitTag => ({
  name,
  commit: `${name}-commit`,
  date,
  annotated: true,
});
const TAGS = [
  tag('v1.0.0'),
  tag('v1.2.0'),
  tag('nightly'),
  tag('v1.1.0'),
  tag('v1.2.0-rc.1'),
  tag('v1.1.1'),
  tag('v1.3.0-beta.0'),
];

const select = (requested: string | null, overrides: Partial<SelectRollbackInput> = {}) =>
  selectRollbackTarget({ tags: TAGS, tagPrefix: 'v', requested, ...overrides });

function refusal(run: () => unknown): { kind: string; code: string; message: string; fix: string | undefined } {
  try {
    run();
  } catch (error) {
    if (isShipwrightError(error)) return { kind: error.kind, code: error.code, message: error.message, fix: error.fix };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('selectRollbackTarget', () => {
  it('defaults to the release before the newest; prereleases and other tags are not releases', () => {
    const selection = select(null);
    expect(selection.releases.map((t) => t.name)).toEqual(['v1.2.0', 'v1.1.1', 'v1.1.0', 'v1.0.0']);
    expect(selection.current.name).toBe('v1.2.0');
    expect(selection.target.name).toBe('v1.1.1');
    expect(selection.later.map((t) => t.name)).toEqual(['v1.2.0']);
  });

  it.each([
    ['v1.0.0', 'v1.0.0', ['v1.2.0', 'v1.1.1', 'v1.1.0']],
    ['1.1.0', 'v1.1.0', ['v1.2.0', 'v1.1.1']],
  ])('TAG %s → %s, rolling back over %j', (requested, target, later) => {
    const selection = select(requested);
    expect(selection.target.name).toBe(target);
    expect(selection.later.map((t) => t.name)).toEqual(later);
  });

  it('with includePrereleases, the newest prerelease is production and prereleases are targets', () => {
    const selection = select('v1.2.0-rc.1', { includePrereleases: true });
    expect(selection.current.name).toBe('v1.3.0-beta.0');
    expect(selection.later.map((t) => t.name)).toEqual(['v1.3.0-beta.0', 'v1.2.0']);
  });

  it('refuses the newest release: nothing to roll back, listing the earlier ones', () => {
    expect(refusal(() => select('v1.2.0'))).toEqual({
      kind: 'check',
      code: 'nothing-to-roll-back',
      message: 'v1.2.0 is the newest release, what production runs, so there is nothing to roll back.',
      fix: 'pick an earlier release: v1.1.1, v1.1.0, v1.0.0 (shipwright rollback TAG)',
    });
  });

  it('refuses an unknown tag, listing the valid ones and how to fetch tags', () => {
    const error = refusal(() => select('v9.9.9'));
    expect(error).toMatchObject({
      kind: 'check',
      code: 'unknown-tag',
      message: 'There is no tag v9.9.9 in this repository.',
    });
    expect(error.fix).toBe(
      'pick an earlier release: v1.1.1, v1.1.0, v1.0.0 (shipwright rollback TAG); if it is on the remote, fetch it first: git fetch --tags',
    );
  });

  it('refuses a tag that is not a release tag', () => {
    expect(refusal(() => select('nightly'))).toMatchObject({
      kind: 'check',
      code: 'not-a-release-tag',
      message: expect.stringContaining('nightly is a tag but not a release tag (tagPrefix "v"'),
    });
  });

  it('refuses a prerelease unless prereleases count, naming the flag', () => {
    const error = refusal(() => select('1.2.0-rc.1'));
    expect(error).toMatchObject({
      code: 'prerelease-tag',
      message: 'v1.2.0-rc.1 is a prerelease; rollback redeploys stable releases only.',
    });
    expect(error.fix).toContain('shipwright rollback v1.2.0-rc.1 --prereleases');
  });

  it('refuses when there is no release, or only one', () => {
    expect(refusal(() => select(null, { tags: [tag('nightly')] }))).toMatchObject({
      code: 'no-releases',
      fix: expect.stringContaining('tagPrefix'),
    });
    expect(refusal(() => select(null, { tags: [tag('v1.0.0')] }))).toMatchObject({
      code: 'nothing-to-roll-back',
      message: 'v1.0.0 is the only release, so there is no earlier one to redeploy.',
    });
    expect(refusal(() => select('v1.0.0', { tags: [tag('v1.0.0')] })).fix).toContain('fix forward');
  });

  it('works with any tag prefix, including one the shell would interpret', () => {
    const prefix = "rel$(x);`y`'";
    const selection = selectRollbackTarget({
      tags: [tag(`${prefix}1.0.0`), tag(`${prefix}1.1.0`)],
      tagPrefix: prefix,
      requested: '1.0.0',
    });
    expect(selection.target.name).toBe(`${prefix}1.0.0`);
  });
});
