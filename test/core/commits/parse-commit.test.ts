// createCommitParser's shortcuts (a twin parser for messages without issue prefixes, a reference
// regex that stops once no prefix is left) give exactly what conventional-commits-parser gives.
import { CommitParser, type ParserOptions } from 'conventional-commits-parser';
import { describe, expect, it } from 'vitest';
import { createCommitParser } from '../../../src/core/commits/parse-commit.js';
import { loadPreset } from '../../../src/core/commits/parser-options.js';

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

const PRESETS: [string, ParserOptions][] = [
  ['conventionalcommits', loadPreset('conventionalcommits').parser],
  ['angular', loadPreset('angular').parser],
  ['gh- prefixes, case-insensitive', { ...loadPreset('conventionalcommits').parser, issuePrefixes: ['#', 'gh-'] }],
  ['JIRA-style, case-sensitive', { ...loadPreset('conventionalcommits').parser, issuePrefixes: ['PROJ-', 'JIRA-'], issuePrefixesCaseSensitive: true }],
];

describe('createCommitParser', () => {
  for (const [name, options] of PRESETS) {
    it(`parses like conventional-commits-parser itself (${name})`, () => {
      const ours = createCommitParser(options);
      const reference = new CommitParser(options);
      for (const message of MESSAGES) {
        const parsed = ours({ hash: 'a'.repeat(40), parents: [], committerDate: '2024-01-01T00:00:00Z', authorName: 'A', message }).parsed;
        expect(parsed, message).toEqual(reference.parse(message));
      }
    });
  }
});
