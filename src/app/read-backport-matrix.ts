// The missing-fixes matrix, read once for `shipwright backport --list`, `status` and the TUI home.
import { branchRef, chooseBackportBranches, type BackportBranches } from '../core/backport/backport-branches.js';
import { buildBackportMatrix, type BackportMatrix } from '../core/backport/backport-matrix.js';
import { createCommitParser } from '../core/conventional-commits/parse-commit.js';
import { isMergeCommit, type RawCommit } from '../core/conventional-commits/raw-commit.js';
import { listCommits, listCommitsTouching } from '../git/read-ancestry.js';
import { selectPackages } from './read-packages-state.js';
import { readWorkspace } from './read-workspace.js';
import { listLocalAndOriginBranches, readRefValue } from '../git/read-refs.js';
import { readShortHashes } from '../git/read-log.js';
import { readTargetHistories } from './read-target-histories.js';
import type { OpenRepo } from './open-repo.js';
import { VERSION_PARSER_OPTIONS } from './read-release-state.js';
import { branchPrefix } from '../config/branch-prefix.js';
import { usageError } from '../core/errors.js';

interface BackportOptions {
  /** Source branch; default `branches.production`. */
  from?: string | undefined;
  /** Target branches; default the integration branch, `release/*` and maintenance lines such as `1.x`. */
  to?: readonly string[] | undefined;
  /** Commit types to list; default DEFAULT_BACKPORT_TYPES. */
  types?: readonly string[] | undefined;
  /** Only commits the source made after this tag (or any revision): `--since v15.0.0`. */
  since?: string | undefined;
  /** `--package NAME`: that workspace package's maintenance lines (`NAME@1.x`) are the targets. */
  package?: string | undefined;
}

export interface BackportReport extends BackportMatrix {
  /** Full hash → the abbreviation git shows (unique in this repository). */
  shortHashes: ReadonlyMap<string, string>;
  /** Targets read from origin because there is no local branch yet (`backport --to` creates it). */
  remoteOnly: string[];
  /** `--since`, as given. */
  since: string | null;
}

function chooseBranches(
  repo: OpenRepo,
  branches: { local: string[]; remote: string[] },
  options: BackportOptions,
): BackportBranches {
  const { config } = repo.loaded;
  return chooseBackportBranches({
    branches: branches.local,
    remoteBranches: branches.remote,
    production: config.branches.production,
    // A trunk-based repository by configuration has no integration branch, whatever its branches.
    integration: config.workflow === 'trunk' ? null : config.branches.integration,
    releasePrefix: branchPrefix(config, 'release'),
    from: options.from,
    to: options.to,
    package: options.package,
  });
}

/** The source's commits after `since` (`git rev-list SOURCE ^SINCE`): what `--since` keeps. */
async function commitsSince(repo: OpenRepo, sourceRef: string, since: string): Promise<Set<string>> {
  const commit = await readRefValue(repo.cwd, `${since}^{commit}`);
  if (commit === null) {
    throw usageError(
      `--since ${since}: there is no such tag or commit here.`,
      'name a release tag (git tag --list shows them), or fetch the tags first: git fetch --tags',
    );
  }
  return new Set(await listCommits(repo.cwd, sourceRef, commit));
}

async function readMatrix(
  repo: OpenRepo,
  branches: BackportBranches,
  options: Pick<BackportOptions, 'types' | 'since'> & { packageDir?: string },
): Promise<BackportMatrix> {
  const { source, targets } = branches;
  const sourceRef = branchRef(branches, source);
  const since = options.since === undefined ? null : await commitsSince(repo, sourceRef, options.since);
  // `--package`: only the fixes that change the package's folder are its rows.
  const touching =
    options.packageDir === undefined
      ? null
      : new Set(await listCommitsTouching(repo.cwd, sourceRef, [options.packageDir || '.']));
  // Every commit the source brings is a row, so each one's picks must be in the target's side.
  const read = await readTargetHistories(
    repo.cwd,
    targets.map((name) => ({ name, ref: branchRef(branches, name) })),
    [sourceRef],
    { everyCommit: true },
  );
  // A commit after several targets' fork points is read once per target; parse it once. Merges are
  // never rows (the matrix lists fixes, not the merges that brought them).
  const unique = new Map<string, RawCommit>();
  for (const { commits } of read) {
    for (const commit of commits)
      if (
        !isMergeCommit(commit) &&
        !unique.has(commit.hash) &&
        (since === null || since.has(commit.hash)) &&
        (touching === null || touching.has(commit.hash))
      )
        unique.set(commit.hash, commit);
  }
  const types = options.types;
  const parse = createCommitParser(VERSION_PARSER_OPTIONS);
  return buildBackportMatrix({
    source,
    targets: read.map((entry) => entry.history),
    commits: [...unique.values()].map(parse),
    ...(types ? { types } : {}),
  });
}

/** The folder of a workspace package named with --package (refused when there is no such package). */
async function packageDirOf(repo: OpenRepo, name: string): Promise<string> {
  const workspace = await readWorkspace(repo);
  if (workspace.source === 'single')
    throw usageError(
      `--package ${name}: this repository has no workspaces, so its maintenance lines are the repository's.`,
      'leave out --package (shipwright backport --list)',
    );
  selectPackages(workspace, [name]);
  return workspace.packages.find((pkg) => pkg.name === name)?.dir ?? '';
}

/** For `backport --list`: refuses, with the fix, a source or target that is neither here nor on origin. */
export async function readBackportMatrix(repo: OpenRepo, options: BackportOptions = {}): Promise<BackportReport> {
  const packageDir = options.package === undefined ? undefined : await packageDirOf(repo, options.package);
  const branches = chooseBranches(repo, await listLocalAndOriginBranches(repo.cwd), options);
  const matrix = await readMatrix(repo, branches, { ...options, ...(packageDir !== undefined ? { packageDir } : {}) });
  const shortHashes = await readShortHashes(
    repo.cwd,
    matrix.rows.map((row) => row.commit.raw.hash),
  );
  return {
    ...matrix,
    shortHashes,
    remoteOnly: branches.remoteOnly.filter((name) => matrix.targets.includes(name)),
    since: options.since ?? null,
  };
}

/** The default source and targets, as `status` reports them; null when the production branch does not exist. */
export async function readDefaultBackportMatrix(repo: OpenRepo): Promise<BackportMatrix | null> {
  const listed = await listLocalAndOriginBranches(repo.cwd);
  const production = repo.loaded.config.branches.production;
  if (!listed.local.includes(production) && !listed.remote.includes(production)) return null;
  return readMatrix(repo, chooseBranches(repo, listed, {}), {});
}
