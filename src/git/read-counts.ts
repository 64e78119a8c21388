// Cheap counts and lists: commits between refs, branches by pattern, upstream distance.
import { readGit, runGit } from './run-git.js';

/** Commits reachable from `include` but not from `exclude`. */
export async function countCommits(cwd: string, include: string, exclude?: string): Promise<number> {
  const out = await readGit(cwd, ['rev-list', '--count', include, ...(exclude ? [`^${exclude}`] : []), '--']);
  return Number(out) || 0;
}

/** The non-merge commits reachable from `include` but not from `exclude`, as hashes. */
export async function listCommits(cwd: string, include: string, exclude: string): Promise<string[]> {
  return (await readGit(cwd, ['rev-list', '--no-merges', '--end-of-options', include, `^${exclude}`, '--']))
    .split('\n')
    .filter(Boolean);
}

/** Full ref names under a prefix, e.g. `refs/remotes/` → `refs/remotes/origin/hotfix/1.4.1`. */
export async function listRefs(cwd: string, refPrefix: string): Promise<string[]> {
  return (await readGit(cwd, ['for-each-ref', '--format=%(refname)', refPrefix])).split('\n').filter(Boolean);
}

/** Short branch names under a pattern, e.g. `refs/heads/release/`. */
export async function listBranches(cwd: string, refPrefix: string): Promise<string[]> {
  return (await listRefs(cwd, refPrefix))
    .filter((ref) => ref.startsWith('refs/heads/'))
    .map((ref) => ref.slice('refs/heads/'.length));
}

/** Local branches and origin's branches (short names, origin/HEAD left out), from one `for-each-ref`. */
export async function listLocalAndOriginBranches(cwd: string): Promise<{ local: string[]; remote: string[] }> {
  const local: string[] = [];
  const remote: string[] = [];
  const refs = (await readGit(cwd, ['for-each-ref', '--format=%(refname)', 'refs/heads/', 'refs/remotes/origin/']))
    .split('\n')
    .filter(Boolean);
  for (const ref of refs) {
    if (ref.startsWith('refs/heads/')) local.push(ref.slice('refs/heads/'.length));
    else if (ref !== 'refs/remotes/origin/HEAD') remote.push(ref.slice('refs/remotes/origin/'.length));
  }
  return { local, remote };
}

export interface UpstreamDistance {
  upstream: string;
  ahead: number;
  behind: number;
}

/** null when the branch tracks nothing. */
export async function readUpstreamDistance(cwd: string, branch: string): Promise<UpstreamDistance | null> {
  const upstream = await runGit(
    cwd,
    ['rev-parse', '--abbrev-ref', '--symbolic-full-name', `refs/heads/${branch}@{upstream}`],
    { okExitCodes: [128] },
  );
  if (upstream.exitCode !== 0) return null;
  const name = upstream.stdout.trim();
  const counts = await readGit(cwd, ['rev-list', '--left-right', '--count', `${name}...refs/heads/${branch}`, '--']);
  const [behind = '0', ahead = '0'] = counts.split(/\s+/);
  return { upstream: name, ahead: Number(ahead), behind: Number(behind) };
}
