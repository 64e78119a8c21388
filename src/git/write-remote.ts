// Remote writes for the engine: `git push --atomic` (every ref or none, so a rejected tag never
// leaves the branch pushed alone), and fetching one branch into its remote-tracking ref.
import type { Upstream } from './read-remote.js';
import { runGit } from './run-git.js';

interface PushOutcome {
  ok: boolean;
  output: string;
}

export async function pushAtomic(
  cwd: string,
  remote: string,
  refspecs: readonly string[],
  options: { setUpstream?: boolean } = {},
): Promise<PushOutcome> {
  const result = await runGit(
    cwd,
    ['push', '--atomic', '--porcelain', ...(options.setUpstream ? ['--set-upstream'] : []), '--', remote, ...refspecs],
    { okExitCodes: [1, 128] },
  );
  return { ok: result.exitCode === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

/** `git fetch REMOTE +merge:tracking`: only that branch, no tags, so no other ref moves. */
export async function fetchIntoTrackingRef(cwd: string, upstream: Upstream): Promise<void> {
  await runGit(cwd, [
    'fetch',
    '--quiet',
    '--no-tags',
    '--',
    upstream.remote,
    `+${upstream.mergeRef}:${upstream.trackingRef}`,
  ]);
}
