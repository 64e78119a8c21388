// Checks commit messages against the commit rules: one edited message, or every commit of a range.
import lint from '@commitlint/lint';
import { loadCommitRules, withCommentChar, type CommitRules, type LintOptions } from '../config/load-commit-rules.js';
import { installLinearReferenceScan } from '../core/conventional-commits/linear-reference-scan.js';
import { environmentError, isShipwrightError } from '../core/errors.js';
import { cleanMessage, headerOf } from '../core/lint/clean-message.js';
import { resolveCommentChar } from '../core/lint/comment-char.js';
import { exampleHeaders } from '../core/lint/example-header.js';
import { emptyVerdict, toProblem, type MessageVerdict } from '../core/lint/message-verdict.js';
import { readCommentChar } from '../git/read-config.js';
import { resolveCommit } from '../git/read-refs.js';
import { readLogArray, readShortHashes } from '../git/read-log.js';

export interface LintReport {
  valid: boolean;
  rules: CommitRules;
  /** The comment string stripped from an edited message; null for history (commitlint strips none there). */
  commentChar: string | null;
  /** Oldest commit first in range mode. */
  results: MessageVerdict[];
  /** A header these rules accept, to show with a refusal; null when everything is valid. */
  example: string | null;
}

type Verdict = Omit<MessageVerdict, 'hash' | 'shortHash'>;

async function runLint(message: string, rules: CommitRules, opts: LintOptions) {
  // commitlint parses with a CommitParser of its own: give it the linear reference scan too.
  installLinearReferenceScan();
  try {
    return await lint(message, rules.rules, opts);
  } catch (error) {
    // lint() throws on rules it has no implementation for and on malformed rule entries.
    throw environmentError(`The commitlint config has invalid rules: ${(error as Error).message.split('\n')[0]}`, {
      code: 'commitlint-config-invalid',
      fix: 'fix the rules, then check what commitlint makes of them: npx commitlint --print-config',
      cause: error,
    });
  }
}

/**
 * `message` is linted exactly as commitlint receives it (comments, scissors and CRLF are left to
 * its parser, given the same commentChar), so both give one verdict; the cleaned text only
 * decides emptiness and the header shown.
 */
async function judge(message: string, rules: CommitRules, commentChar: string | null): Promise<Verdict> {
  const cleaned = cleanMessage(message, { commentChar });
  if (cleaned.length === 0) return emptyVerdict();
  const opts = commentChar === null ? rules.lintOptions : withCommentChar(rules.lintOptions, commentChar);
  const outcome = await runLint(message, rules, opts);
  return {
    header: headerOf(cleaned),
    valid: outcome.valid,
    errors: outcome.errors.map(toProblem),
    warnings: outcome.warnings.map(toProblem),
  };
}

/** The first candidate the real rules accept (else the first candidate). */
async function findExample(rules: CommitRules): Promise<string> {
  const candidates = exampleHeaders(rules.rules);
  for (const header of candidates) {
    if ((await runLint(header, rules, rules.lintOptions)).valid) return header;
  }
  return candidates[0] ?? 'feat: add support for arrays';
}

async function report(rules: CommitRules, commentChar: string | null, results: MessageVerdict[]): Promise<LintReport> {
  const valid = results.every((result) => result.valid);
  return { valid, rules, commentChar, results, example: valid ? null : await findExample(rules) };
}

/**
 * One message as a commit-msg hook sees it (`commitlint --edit`): `text` is the file's content.
 * commitlint reads the file and appends a newline; so does this.
 */
export async function lintEditedMessage(
  cwd: string,
  text: string,
  loadRules: (cwd: string) => Promise<CommitRules> = loadCommitRules,
): Promise<LintReport> {
  const [rules, configured] = await Promise.all([loadRules(cwd), readCommentChar(cwd)]);
  const commentChar = resolveCommentChar(configured, text);
  const verdict = await judge(`${text}\n`, rules, commentChar);
  return report(rules, commentChar, [{ hash: null, shortHash: null, ...verdict }]);
}

/** A message composed by shipwright (no comments to strip): the composer's live check and `shipwright commit`. */
export async function lintMessageText(cwd: string, text: string, rules?: CommitRules): Promise<LintReport> {
  const loaded = rules ?? (await loadCommitRules(cwd));
  const verdict = await judge(text, loaded, null);
  return report(loaded, null, [{ hash: null, shortHash: null, ...verdict }]);
}

interface CommitRange {
  /** Exclusive lower end; without it, all history reachable from `to`. */
  from?: string;
  /** Inclusive upper end; HEAD by default. */
  to?: string;
}

async function resolveFlag(cwd: string, flag: string, revision: string): Promise<string> {
  try {
    return await resolveCommit(cwd, revision);
  } catch (error) {
    if (isShipwrightError(error) && error.code === 'unknown-revision') {
      throw environmentError(`${flag}: git does not know the revision '${revision}'.`, {
        code: 'unknown-revision',
        fix: 'check the name with `git branch --all` or `git tag --list`; in CI fetch it first: git fetch origin --tags (and fetch-depth: 0)',
      });
    }
    throw error;
  }
}

/**
 * Every commit in `from..to`, as `commitlint --from --to` lints them: the stored message (`%B`
 * plus a newline), merges included, no comment stripping.
 */
export async function lintRange(cwd: string, range: CommitRange): Promise<LintReport> {
  // Resolved to hashes first: a ref is never handed to `git log` where it could read as an option.
  const to = await resolveFlag(cwd, '--to', range.to ?? 'HEAD');
  const from = range.from === undefined ? undefined : await resolveFlag(cwd, '--from', range.from);
  const [rules, commits] = await Promise.all([
    loadCommitRules(cwd),
    readLogArray(cwd, { include: [to], exclude: from ? [from] : [] }),
  ]);
  commits.reverse();
  const shortHashes = await readShortHashes(
    cwd,
    commits.map((commit) => commit.hash),
  );
  const results: MessageVerdict[] = [];
  for (const commit of commits) {
    const verdict = await judge(`${commit.message}\n`, rules, null);
    results.push({ hash: commit.hash, shortHash: shortHashes.get(commit.hash) ?? commit.hash.slice(0, 7), ...verdict });
  }
  return report(rules, null, results);
}
