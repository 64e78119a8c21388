// Remotes: the current branch's upstream (which remote and branch, how far ahead or behind), the
// remotes configured, and what a remote has (`git ls-remote`).
import { readConfigValue } from './read-config.js';
import { readGit, runGit } from './run-git.js';

export interface Upstream {
  remote: string;
  /** The branch on the remote, as a full ref (`refs/heads/main`). */
  mergeRef: string;
  /** The remote-tracking ref (`refs/remotes/origin/main`). */
  trackingRef: string;
}

export async function readUpstream(cwd: string, branch: string): Promise<Upstream | null> {
  const [remote, mergeRef] = await Promise.all([
    readConfigValue(cwd, `branch.${branch}.remote`),
    readConfigValue(cwd, `branch.${branch}.merge`),
  ]);
  if (!remote || !mergeRef || remote === '.') return null;
  const short = mergeRef.replace(/^refs\/heads\//, '');
  return { remote, mergeRef, trackingRef: `refs/remotes/${remote}/${short}` };
}

/** `git ls-remote REMOTE REF…`: the remote's value of each exact ref (null when it has none). */
export async function readRemoteRefs(
  cwd: string,
  remote: string,
  refs: readonly string[],
): Promise<Map<string, string | null>> {
  const values = new Map<string, string | null>(refs.map((ref) => [ref, null]));
  const result = await runGit(cwd, ['ls-remote', '--', remote, ...refs]);
  for (const line of result.stdout.split('\n')) {
    const [value = '', name = ''] = line.split('\t');
    if (values.has(name)) values.set(name, value);
  }
  return values;
}

/** Does the remote have this exact ref (`refs/tags/v1.4.0`, `refs/heads/release/1.4.0`)? */
export async function remoteHasRef(cwd: string, remote: string, ref: string): Promise<boolean> {
  return ((await readRemoteRefs(cwd, remote, [ref])).get(ref) ?? null) !== null;
}

export async function listRemotes(cwd: string): Promise<string[]> {
  const result = await runGit(cwd, ['remote']);
  return result.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** `git ls-remote --tags --refs REMOTE`: the names of the remote's tags (`v1.4.0`). */
export async function readRemoteTagNames(cwd: string, remote: string): Promise<string[]> {
  const result = await runGit(cwd, ['ls-remote', '--tags', '--refs', '--', remote]);
  return result.stdout
    .split('\n')
    .map((line) => line.split('\t')[1] ?? '')
    .filter((ref) => ref.startsWith('refs/tags/'))
    .map((ref) => ref.slice('refs/tags/'.length));
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
