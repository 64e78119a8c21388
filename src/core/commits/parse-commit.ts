// Parses raw git commits into Conventional Commits with conventional-commits-parser.
import { CommitParser, type ParserOptions } from 'conventional-commits-parser';
import type { ConventionalCommit } from './conventional-commit.js';
import { isMergeCommit, type RawCommit } from './raw-commit.js';

const BREAKING_TITLE = /^BREAKING[ -]CHANGES?$/i;

/** Returns a parser bound to one set of options; reuse it across a whole history. */
export function createCommitParser(options: ParserOptions): (raw: RawCommit) => ConventionalCommit {
  const parser = new CommitParser(options);
  return (raw) => {
    // The parser refuses empty input; git allows empty messages with --allow-empty-message.
    const parsed = parser.parse(raw.message.trim() ? raw.message : '(no message)');
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
