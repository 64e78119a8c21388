// The one git write that runs before a Plan exists: the preflight's `fetch:BRANCH` step brings a
// branch's upstream into its remote-tracking ref, so "not behind" is judged against what the remote
// has now. It is not a Plan step because the plan is built from what it brings; it moves only
// refs/remotes/REMOTE/BRANCH (no tags, no local branch, no file), which no run records or restores,
// so there is nothing to roll back and it needs neither the lock nor the journal.
import type { Upstream } from '../git/read-remote.js';
import { fetchIntoTrackingRef } from '../git/write-remote.js';

export async function fetchUpstream(cwd: string, upstream: Upstream): Promise<void> {
  await fetchIntoTrackingRef(cwd, upstream);
}
