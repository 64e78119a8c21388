// A commit parsed as a Conventional Commit, keeping the parser's object for the changelog writer.
import type { Commit } from 'conventional-commits-parser';
import type { RawCommit } from './raw-commit.js';

export interface ConventionalCommit {
  raw: RawCommit;
  /** conventional-commits-parser's result, passed unchanged to conventional-changelog-writer. */
  parsed: Commit;
  type: string | null;
  scope: string | null;
  subject: string | null;
  header: string;
  /** `!` in the header or a BREAKING CHANGE / BREAKING-CHANGE footer. */
  isBreaking: boolean;
  isMerge: boolean;
  isRevert: boolean;
}

export const shortHash = (hash: string): string => hash.slice(0, 7);
