// A linear issue-reference scan with the exact results of conventional-commits-parser's regex.
import { CommitParser } from 'conventional-commits-parser';

/*
 * conventional-commits-parser 6 finds references with
 *   /(?:.*?)??\s*([\w-\.\/]*?)??(PREFIXES)([\w-]+)(?=\s|$|[,;)\]])/g(i)
 * Its two lazy loops and the start position make a failed search O(n³) on a line of word
 * characters: `lint-msg` took 35 s on a 4,000-character subject, a 1 MB one never finished. The
 * library has no option to replace the regex and commitlint builds its own parser for every
 * message, so this file answers `exec` for that regex in O(n) per input (tables built once per
 * string, each call resuming at lastIndex) and puts it into every CommitParser, commitlint's too.
 *
 * What the regex finds, by its backtracking order: the first position q from lastIndex (the lazy
 * `.*?` cannot cross a line terminator, so the match starts after the last one before q) where,
 * after all the white space at q (`\s*` is greedy and no prefix starts with white space), a run
 * of repository characters `[\w./-]` is followed — after as few of them as possible — by the
 * first prefix that is followed by an issue `[\w-]+` (all of it: the look-ahead refuses a word
 * character) and then white space, the end, or one of `,;)]`.
 */

/** `\s`: ECMAScript WhiteSpace and LineTerminator. */
const isSpace = (code: number): boolean =>
  (code >= 0x09 && code <= 0x0d) ||
  code === 0x20 ||
  code === 0xa0 ||
  code === 0x1680 ||
  (code >= 0x2000 && code <= 0x200a) ||
  code === 0x2028 ||
  code === 0x2029 ||
  code === 0x202f ||
  code === 0x205f ||
  code === 0x3000 ||
  code === 0xfeff;
const isLineTerminator = (code: number): boolean =>
  code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
const isWord = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
const isIssueChar = (code: number): boolean => isWord(code) || code === 0x2d;
const isRepositoryChar = (code: number): boolean => isIssueChar(code) || code === 0x2e || code === 0x2f;
const isAfterIssue = (code: number): boolean => code === 0x2c || code === 0x3b || code === 0x29 || code === 0x5d;
const isAsciiLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** Prefixes the scan handles: ASCII without white space (all the presets' and hosts' are). */
const PLAIN_PREFIX = /^[\x21-\x7e]+$/;

interface Tables {
  input: string;
  /** First index at or after i that is not white space / not a repository char / not an issue char. */
  spaceEnd: Int32Array;
  repositoryEnd: Int32Array;
  issueEnd: Int32Array;
  /** The prefix that succeeds at i (index into prefixes), -1 for none. */
  prefixAt: Int32Array;
  /** The first index at or after i where a prefix succeeds; n + 1 for none. */
  nextHit: Int32Array;
}

export class LinearReferenceRegExp extends RegExp {
  private tables: Tables | null = null;

  constructor(
    source: RegExp,
    private readonly prefixes: readonly string[],
  ) {
    super(source.source, source.flags);
  }

  /** The prefixes as the library splices them in (trimmed, empty ones dropped), or null when the scan cannot stand in. */
  static prefixesOf(issuePrefixes: unknown): string[] | null {
    if (!Array.isArray(issuePrefixes)) return null;
    const prefixes: string[] = [];
    for (const prefix of issuePrefixes) {
      if (typeof prefix !== 'string') return null;
      const trimmed = prefix.trim();
      if (trimmed.length === 0) continue;
      if (!PLAIN_PREFIX.test(trimmed)) return null;
      prefixes.push(trimmed);
    }
    return prefixes.length > 0 ? prefixes : null;
  }

  private prefixMatches(input: string, at: number, prefix: string): boolean {
    if (at + prefix.length > input.length) return false;
    for (let k = 0; k < prefix.length; k++) {
      const a = input.charCodeAt(at + k);
      const b = prefix.charCodeAt(k);
      if (a === b) continue;
      // Non-unicode `i`: ASCII letters fold to each other; nothing outside ASCII folds into it.
      if (!this.ignoreCase || !isAsciiLetter(a) || !isAsciiLetter(b) || (a | 0x20) !== (b | 0x20)) return false;
    }
    return true;
  }

  private tablesFor(input: string): Tables {
    if (this.tables?.input === input) return this.tables;
    const n = input.length;
    const spaceEnd = new Int32Array(n + 1);
    const repositoryEnd = new Int32Array(n + 1);
    const issueEnd = new Int32Array(n + 1);
    const prefixAt = new Int32Array(n + 1).fill(-1);
    const nextHit = new Int32Array(n + 2);
    spaceEnd[n] = repositoryEnd[n] = issueEnd[n] = n;
    for (let i = n - 1; i >= 0; i--) {
      const code = input.charCodeAt(i);
      spaceEnd[i] = isSpace(code) ? (spaceEnd[i + 1] as number) : i;
      repositoryEnd[i] = isRepositoryChar(code) ? (repositoryEnd[i + 1] as number) : i;
      issueEnd[i] = isIssueChar(code) ? (issueEnd[i + 1] as number) : i;
    }
    const endsIssue = (at: number): boolean =>
      at === n || isSpace(input.charCodeAt(at)) || isAfterIssue(input.charCodeAt(at));
    nextHit[n + 1] = n + 1;
    for (let i = n; i >= 0; i--) {
      for (let p = 0; p < this.prefixes.length; p++) {
        const prefix = this.prefixes[p] as string;
        if (!this.prefixMatches(input, i, prefix)) continue;
        const start = i + prefix.length;
        const end = issueEnd[start] as number;
        if (end > start && endsIssue(end)) {
          prefixAt[i] = p;
          break;
        }
      }
      nextHit[i] = prefixAt[i] === -1 ? (nextHit[i + 1] as number) : i;
    }
    this.tables = { input, spaceEnd, repositoryEnd, issueEnd, prefixAt, nextHit };
    return this.tables;
  }

  override exec(input: string): RegExpExecArray | null {
    const from = this.global || this.sticky ? this.lastIndex : 0;
    if (from > input.length) {
      this.lastIndex = 0;
      return null;
    }
    const t = this.tablesFor(input);
    let start = from;
    for (let q = from; q <= input.length; q++) {
      const repository = t.spaceEnd[q] as number;
      const at = t.nextHit[repository] as number;
      if (at <= (t.repositoryEnd[repository] as number)) {
        const prefix = this.prefixes[t.prefixAt[at] as number] as string;
        const issueStart = at + prefix.length;
        const end = t.issueEnd[issueStart] as number;
        const match = [
          input.slice(start, end),
          at === repository ? undefined : input.slice(repository, at),
          input.slice(at, issueStart),
          input.slice(issueStart, end),
        ];
        if (this.global || this.sticky) this.lastIndex = end;
        return Object.assign(match, { index: start, input, groups: undefined }) as unknown as RegExpExecArray;
      }
      if (this.sticky) break;
      if (q < input.length && isLineTerminator(input.charCodeAt(q))) start = q + 1;
    }
    if (this.global || this.sticky) this.lastIndex = 0;
    return null;
  }
}

/** Stands in for the library's `/(?!.*)/` (no prefixes, no note keywords), which tries `.*` at every position: O(n²). */
class NeverMatchingRegExp extends RegExp {
  constructor() {
    super('(?!)');
  }

  override exec(): RegExpExecArray | null {
    this.lastIndex = 0;
    return null;
  }
}

const LAZY_GROUP = '([\\s\\S]+?)';
const revertCache = new Map<string, RegExp | null>();

/**
 * The presets' revert patterns, `^(?:Revert|revert:)\s"?([\s\S]+?)"?\s*This reverts commit …`, try
 * `\s*` at every end of the lazy group: inside a run of white space that is O(run) each, O(n²) on a
 * message of spaces. An end right after white space, not at a quote and not the group's first
 * character, is never the first that succeeds (the one before it succeeds too), so a look-behind
 * skips those ends: the same match, in linear time. Patterns of another shape stay as they are.
 */
export function boundRevertPattern(pattern: RegExp): RegExp {
  const key = `${pattern.flags}/${pattern.source}`;
  if (!revertCache.has(key)) {
    const at = pattern.source.indexOf(LAZY_GROUP);
    const head = pattern.source.slice(0, at);
    const rest = pattern.source.slice(at + LAZY_GROUP.length);
    const fits = at > 0 && head.startsWith('^') && !/\((?!\?:)/.test(head) && rest.startsWith('"?\\s*');
    revertCache.set(
      key,
      fits ? new RegExp(`${head}${LAZY_GROUP}(?:(?<!\\s)|(?=")|(?<=${head}[\\s\\S]))${rest}`, pattern.flags) : null,
    );
  }
  return revertCache.get(key) ?? pattern;
}

/**
 * The parser tests its URL regex on the whole sentence again before every reference it takes from
 * it: O(n) per reference, O(n²) on a line of references. The answer depends only on the input
 * (the regex is not global), so the last one is kept.
 */
class RememberingRegExp extends RegExp {
  private last: { input: string; result: RegExpExecArray | null } | null = null;

  constructor(source: RegExp) {
    super(source.source, source.flags);
  }

  override exec(input: string): RegExpExecArray | null {
    if (this.global || this.sticky) return super.exec(input);
    if (this.last?.input !== input) this.last = { input, result: super.exec(input) };
    return this.last.result;
  }
}

interface ParserInternals {
  options?: { issuePrefixes?: unknown; noteKeywords?: unknown; revertPattern?: unknown };
  regexes?: { referenceParts?: unknown; notes?: unknown; url?: unknown };
}

/** Puts the linear scan into one parser (idempotent); leaves regexes it cannot stand in for alone. */
export function linearizeParser(parser: CommitParser): void {
  const internals = parser as unknown as ParserInternals;
  const regexes = internals.regexes;
  if (!regexes) return;
  const parts = regexes.referenceParts;
  if (parts instanceof RegExp && !(parts instanceof LinearReferenceRegExp) && !(parts instanceof NeverMatchingRegExp)) {
    if (!internals.options?.issuePrefixes) regexes.referenceParts = new NeverMatchingRegExp();
    else {
      const prefixes = LinearReferenceRegExp.prefixesOf(internals.options.issuePrefixes);
      if (prefixes && parts.global) regexes.referenceParts = new LinearReferenceRegExp(parts, prefixes);
    }
  }
  if (regexes.url instanceof RegExp && !(regexes.url instanceof RememberingRegExp))
    regexes.url = new RememberingRegExp(regexes.url);
  const revert = internals.options?.revertPattern;
  if (revert instanceof RegExp && internals.options) internals.options.revertPattern = boundRevertPattern(revert);
  if (
    !internals.options?.noteKeywords &&
    regexes.notes instanceof RegExp &&
    !(regexes.notes instanceof NeverMatchingRegExp)
  )
    regexes.notes = new NeverMatchingRegExp();
}

let installed = false;

/**
 * Every CommitParser linearizes itself on its first parse, including the ones @commitlint/parse
 * builds per message (lint() takes no parser of ours). Idempotent.
 */
export function installLinearReferenceScan(): void {
  if (installed) return;
  installed = true;
  const proto = CommitParser.prototype as unknown as { parse(this: CommitParser, input: string): unknown };
  const parse = proto.parse;
  proto.parse = function linearParse(this: CommitParser, input: string) {
    linearizeParser(this);
    return parse.call(this, input);
  };
}
