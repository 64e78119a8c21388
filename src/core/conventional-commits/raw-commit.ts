// The commit as git reports it, before any conventional parsing.

export interface RawCommit {
  hash: string;
  parents: readonly string[];
  /** ISO 8601 with offset, as `%cI` prints it. */
  committerDate: string;
  authorName: string;
  /** The full message, `%B`. */
  message: string;
}

export const isMergeCommit = (commit: Pick<RawCommit, 'parents'>): boolean => commit.parents.length > 1;
