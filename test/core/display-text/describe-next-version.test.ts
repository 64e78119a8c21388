// The version explanation counts commits as a person writes them ("1 feature", "2 fixes").
import { describe, expect, it } from 'vitest';
import { describeNextVersion } from '../../../src/core/display-text/describe-next-version.js';
import { computeNextVersion } from '../../../src/core/version/next-version.js';
import { DEFAULT_BUMP_RULES } from '../../../src/core/version/bump-rules.js';
import { aCommit, aTag } from '../../helpers/build-commits.js';

const describeFor = (messages: string[]) =>
  describeNextVersion(
    computeNextVersion({
      commits: messages.map((message) => aCommit(message)),
      tags: [aTag('v1.4.2', '1.4.2')],
      rules: DEFAULT_BUMP_RULES,
      firstVersion: '1.0.0',
    }),
  );

describe('describeNextVersion', () => {
  it.each([
    [['feat: a'], '0 breaking, 1 feature, 0 fixes, 0 other'],
    [['feat: a', 'feat: b', 'fix: c'], '0 breaking, 2 features, 1 fix, 0 other'],
    [['fix: a', 'fix: b', 'docs: c'], '0 breaking, 0 features, 2 fixes, 1 other'],
  ])('%j → %s', (messages, tally) => {
    expect(describeFor(messages)).toContain(`(${tally} since v1.4.2)`);
  });

  it('says nothing is released with singular counts', () => {
    expect(describeFor(['docs: a'])).toBe(
      'nothing to release since v1.4.2: 0 breaking, 0 features, 0 fixes, 1 other; no commit asks for a new version',
    );
  });
});
