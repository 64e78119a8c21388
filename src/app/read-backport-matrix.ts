// The missing-fixes matrix, read once for `shipwright backport --list`, `status` and the TUI home.
import { chooseBackportBranches, type BackportBranches } from '../core/backport/backport-branches.js';
import { buildBackportMatrix, type BackportMatrix } from '../core/backport/backport-matrix.js';
import { createCommitParser } from '../core/commits/parse-commit.js';
import { isMergeCommit, type RawCommit } from '../core/commits/raw-commit.js';
import { listBranches } from '../git/read-counts.js';
import { readShortHashes } from '../git/read-short-hashes.js';
import { readTargetHistories } from './read-target-histories.js';
import type { OpenRepo } from './open-repo.js';
import { VERSION_PARSER_OPTIONS } from './read-release-state.js';
import { branchPrefix } from '../config/branch-prefix.js';

export interface BackportOptions {
  /** Source branch; default `branches.production`. */
  from?: string | undefined;
  /** Target branches; default the integration branch, `release/*` and maintenance lines such as `1.x`. */
  to?: readonly string[] | undefined;
  /** Commit types to list; default DEFAULT_BACKPORT_TYPES. */
  types?: readonly string[] | undefined;
}

export interface BackportReport extends BackportMatrix {
  /** Full hash → the abbreviation git shows (unique in this repository). */
  shortHashes: ReadonlyMap<string, string>;
}

const headRef = (branch: string): string => `refs/heads/${branch}`;

function chooseBranches(repo: OpenRepo, branches: string[], options: BackportOptions): BackportBranches {
  const { config } = repo.loaded;
  return chooseBackportBranches({
    branches,
    production: config.branches.production,
    // A trunk-based repository by configuration has no integration branch, whatever its branches.
    integration: config.workflow === 'trunk' ? null : config.branches.integration,
    releasePrefix: branchPrefix(config, 'release'),
    from: options.from,
    to: options.to,
  });
}

async function readMatrix(repo: OpenRepo, { source, targets }: BackportBranches, types: readonly string[] | undefined): Promise<BackportMatrix> {
  // Every commit the source brings is a row, so each one's picks must be in the target's side.
  const read = await readTargetHistories(repo.cwd, targets, [headRef(source)], { everyCommit: true });
  // A commit after several targets' fork points is read once per target; parse it once. Merges are
  // never rows (the matrix lists fixes, not the merges that brought them).
  const unique = new Map<string, RawCommit>();
  for (const { commits } of read) for (const commit of commits) if (!isMergeCommit(commit) && !unique.has(commit.hash)) unique.set(commit.hash, commit);
  const parse = createCommitParser(VERSION_PARSER_OPTIONS);
  return buildBackportMatrix({ source, targets: read.map((entry) => entry.history), commits: [...unique.values()].map(parse), ...(types ? { types } : {}) });
}

/** For `backport --list`: refuses, with the fix, a source or target that is not a local branch. */
export async function readBackportMatrix(repo: OpenRepo, options: BackportOptions = {}): Promise<BackportReport> {
  const branches = await listBranches(repo.cwd, 'refs/heads/');
  const matrix = await readMatrix(repo, chooseBranches(repo, branches, options), options.types);
  const shortHashes = await readShortHashes(repo.cwd, matrix.rows.map((row) => row.commit.raw.hash));
  return { ...matrix, shortHashes };
}

/** The default source and targets, as `status` reports them; null when the production branch does not exist. */
export async function readDefaultBackportMatrix(repo: OpenRepo): Promise<BackportMatrix | null> {
  const branches = await listBranches(repo.cwd, 'refs/heads/');
  if (!branches.includes(repo.loaded.config.branches.production)) return null;
  return readMatrix(repo, chooseBranches(repo, branches, {}), undefined);
}
