// createCommitParser's shortcuts (a twin parser for messages without issue prefixes, a linear
// reference scan) give exactly what conventional-commits-parser gives, run unpatched in its own process.
import { describe, it } from 'vitest';
import { expectParsedAsLibrary, PARSER_EQUIVALENCE } from '../../helpers/parser-equivalence.js';

const MESSAGES = [
  'feat: plain',
  'fix(api): closes #12',
  'fix: closes #12, fixes #13 and refs owner/repo#14',
  'feat: a #hashtag in the middle of a long subject line that goes on and on without references',
  'fix: body\n\nSome text #1 then more text without any prefix at all, rather long, to the end.\n\nCloses #2\nRefs: #3, #4',
  'feat!: breaking\n\nBREAKING CHANGE: the #5 option is gone\n\nFixes GH-6 and gh-7',
  'chore: JIRA-12 is not a prefix here\n\nSee PROJ-9 and #',
  'fix: trailing hash #',
  'revert: "feat: x"\n\nThis reverts commit abcdef1.\n\nCloses #8',
  'docs: url https://example.com/#anchor and #9',
  'fix: UPPER #10\n\nCLOSES #11',
];

describe('createCommitParser', () => {
  for (const [name, reference] of PARSER_EQUIVALENCE) {
    it(`parses like conventional-commits-parser itself (${name})`, async () => {
      await expectParsedAsLibrary(reference, MESSAGES);
    });
  }
});
