// The one table of parser options under which createCommitParser (twin parser, linear reference
// scan) must answer exactly as unpatched conventional-commits-parser, and the check itself.
import type { ParserOptions } from 'conventional-commits-parser';
import { expect } from 'vitest';
import { createCommitParser } from '../../src/core/conventional-commits/parse-commit.js';
import { loadPreset } from '../../src/core/conventional-commits/parser-options.js';
import { asJson, referenceParse, type ReferenceOptions } from './reference-parser.js';

export const PARSER_EQUIVALENCE: readonly (readonly [string, ReferenceOptions])[] = [
  ['conventionalcommits', { preset: 'conventionalcommits' }],
  ['angular (what commitlint parses with)', { preset: 'angular' }],
  [
    'conventionalcommits, GitHub references (gh-, case-insensitive)',
    { preset: 'conventionalcommits', overrides: { issuePrefixes: ['#', 'gh-'] } },
  ],
  [
    'JIRA-style, case-sensitive',
    {
      preset: 'conventionalcommits',
      overrides: { issuePrefixes: ['PROJ-', 'JIRA-'], issuePrefixesCaseSensitive: true },
    },
  ],
];

/** The parser options a reference row stands for, as the library would merge them. */
export const parserOptionsOf = (reference: ReferenceOptions): ParserOptions => ({
  ...loadPreset(reference.preset).parser,
  ...reference.overrides,
});

/** Our parse of a bare message (the commit's other fields do not reach the parser). */
export function parseWith(
  options: ParserOptions,
): (message: string) => ReturnType<ReturnType<typeof createCommitParser>>['parsed'] {
  const ours = createCommitParser(options);
  return (message) =>
    ours({ hash: 'a'.repeat(40), parents: [], committerDate: '2024-01-01T00:00:00Z', authorName: 'A', message }).parsed;
}

/** Each message parsed by us and by the library in a process of its own: field for field the same. */
export async function expectParsedAsLibrary(reference: ReferenceOptions, messages: readonly string[]): Promise<void> {
  const ours = parseWith(parserOptionsOf(reference));
  const expected = await referenceParse(reference, messages);
  expect(expected).toHaveLength(messages.length);
  messages.forEach((message, index) => {
    expect(asJson(ours(message)), message.slice(0, 200)).toEqual(expected[index]);
  });
}
