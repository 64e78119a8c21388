// Parses raw git commits into Conventional Commits with conventional-commits-parser.
import { CommitParser, type ParserOptions } from 'conventional-commits-parser';
import type { ConventionalCommit } from './conventional-commit.js';
import { isMergeCommit, type RawCommit } from './raw-commit.js';

const BREAKING_TITLE = /^BREAKING[ -]CHANGES?$/i;

/**
 * The parser's reference regex begins with a lazy `(?:.*?)??`, so an attempt that finds nothing
 * costs O(n²) on the line — and every line of every message ends with one such attempt. No match
 * is possible when the rest of the input (from lastIndex) holds none of the issue prefixes; then
 * this answers as a failed global exec does (null, lastIndex 0) without running it. Prefixes that
 * are plain ASCII text only (they are spliced into the regex as they are).
 */
class PrefixGuardedRegExp extends RegExp {
  constructor(
    regex: RegExp,
    private readonly needles: readonly string[],
  ) {
    super(regex.source, regex.flags);
  }

  override exec(input: string): RegExpExecArray | null {
    const rest = input.slice(this.lastIndex);
    const haystack = this.ignoreCase ? rest.toLowerCase() : rest;
    if (!this.needles.some((needle) => haystack.includes(needle))) {
      this.lastIndex = 0;
      return null;
    }
    return super.exec(input);
  }
}

/**
 * What the parser searches for references with when it has no issue prefixes. Its own stand-in,
 * `/(?!.*)/`, fails only after trying `.*` from every position of the line: O(n²) per line, on
 * every line of every message.
 */
class NeverMatchingRegExp extends RegExp {
  constructor() {
    super('(?!)');
  }

  override exec(): RegExpExecArray | null {
    this.lastIndex = 0;
    return null;
  }
}

/** Plain ASCII prefixes without regex syntax, as the guard needs them. */
const PLAIN_PREFIX = /^[A-Za-z0-9#!@%&=:;'",<>_~`-]+$/;

function guardReferenceRegex(parser: CommitParser, prefixes: readonly string[], caseSensitive: boolean): void {
  // `regexes` is the parser's private field (conventional-commits-parser 6): without it, no guard.
  const internals = parser as unknown as { regexes?: { referenceParts?: unknown } };
  const regex = internals.regexes?.referenceParts;
  if (!(regex instanceof RegExp) || !regex.global || !prefixes.every((prefix) => PLAIN_PREFIX.test(prefix))) return;
  (internals.regexes as { referenceParts: RegExp }).referenceParts = new PrefixGuardedRegExp(regex, prefixes.map((prefix) => (caseSensitive ? prefix : prefix.toLowerCase())));
}

/**
 * The parser's issue-reference regular expression is most of its cost (about 3/4 on a 10k-commit
 * history). A message that contains none of the issue prefixes cannot hold a reference, so it goes
 * to a twin parser without prefixes, which gives the same result without that search; in the
 * others, each line stops searching once no prefix is left in it (PrefixGuardedRegExp).
 */
function chooseParser(options: ParserOptions): (message: string) => CommitParser {
  const full = new CommitParser(options);
  const prefixes = options.issuePrefixes ?? ['#'];
  if (!prefixes.every((prefix): prefix is string => typeof prefix === 'string')) return () => full;
  guardReferenceRegex(full, prefixes, options.issuePrefixesCaseSensitive === true);
  const needles = prefixes.map((prefix) => prefix.trim().toLowerCase()).filter((prefix) => prefix.length > 0);
  const withoutReferences = new CommitParser({ ...options, issuePrefixes: undefined });
  const twin = withoutReferences as unknown as { regexes?: { referenceParts?: unknown } };
  if (twin.regexes?.referenceParts instanceof RegExp) twin.regexes.referenceParts = new NeverMatchingRegExp();
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
