// Parses raw git commits into Conventional Commits with conventional-commits-parser.
import { CommitParser, type ParserOptions } from 'conventional-commits-parser';
import type { ConventionalCommit } from './conventional-commit.js';
import { installLinearReferenceScan } from './linear-reference-scan.js';
import { isMergeCommit, type RawCommit } from './raw-commit.js';

const BREAKING_TITLE = /^BREAKING[ -]CHANGES?$/i;

/**
 * The parser's issue-reference regular expression is most of its cost (about 3/4 on a 10k-commit
 * history). A message that contains none of the issue prefixes cannot hold a reference, so it goes
 * to a twin parser without prefixes, which gives the same result without that search; in the
 * others, the search is linear (linear-reference-scan.ts).
 */
function chooseParser(options: ParserOptions): (message: string) => CommitParser {
  installLinearReferenceScan();
  const full = new CommitParser(options);
  const prefixes = options.issuePrefixes ?? ['#'];
  if (!prefixes.every((prefix): prefix is string => typeof prefix === 'string')) return () => full;
  const needles = prefixes.map((prefix) => prefix.trim().toLowerCase()).filter((prefix) => prefix.length > 0);
  const withoutReferences = new CommitParser({ ...options, issuePrefixes: undefined });
  return (message) => {
    const lower = message.toLowerCase();
    return needles.some((needle) => lower.includes(needle)) ? full : withoutReferences;
  };
}

/** Returns a parser bound to one set of options; reuse it across a whole history. */
export function createCommitParser(options: ParserOptions): (raw: RawCommit) => ConventionalCommit {
  const parserFor = chooseParser(options);
  return (raw) => {
    // The parser refuses empty input; git allows empty messages with --allow-empty-message.
    const message = raw.message.trim() ? raw.message : '(no message)';
    const parsed = parserFor(message).parse(message);
    const header = parsed.header ?? '';
    return {
      raw,
      parsed,
      type: parsed.type ? String(parsed.type) : null,
      scope: parsed.scope ? String(parsed.scope) : null,
      subject: parsed.subject ? String(parsed.subject) : null,
      header,
      isBreaking: parsed.notes.some((note) => BREAKING_TITLE.test(note.title)),
      isMerge: isMergeCommit(raw),
      isRevert: parsed.revert !== null || parsed.type === 'revert',
    };
  };
}
