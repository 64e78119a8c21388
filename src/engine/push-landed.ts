// What the remote has of a push the run started (Journal.pushStarted): once `git push` may have
// reached the remote, the run never rolls back on its own word; it asks the remote (`ls-remote`).
// Only asked after the journal says the push started: before that, a branch the run never moved
// and a tag it has not made yet would look "already on the remote".
import type { PushStep } from '../core/plan/plan.js';
import { readRefValues } from '../git/read-refs.js';
import { readRemoteRefs } from '../git/read-remote.js';
import { deleteRef, updateRef } from '../git/write-refs.js';
import type { Journal } from './journal.js';

/** landed: every destination has the local value (a deletion: is gone); absent: not so (the push is atomic); unknown: the remote did not answer. */
type PushState = 'landed' | 'absent' | 'unknown';

const specsOf = (step: PushStep) =>
  step.refspecs.map((refspec) => {
    const [source = '', destination = ''] = refspec.split(':');
    return { source, destination };
  });

/** The remote-tracking ref (refs/remotes/REMOTE/NAME) of each branch a push sends or deletes (source ''). */
export const trackingRefs = (step: PushStep): { source: string; tracking: string }[] =>
  specsOf(step)
    .filter((spec) => spec.destination.startsWith('refs/heads/'))
    .map(({ source, destination }) => ({
      source,
      tracking: `refs/remotes/${step.remote}/${destination.slice('refs/heads/'.length)}`,
    }));

export async function readPushState(root: string, step: PushStep): Promise<PushState> {
  if (step.refspecs.length === 0) return 'landed';
  const specs = specsOf(step);
  const [remote, local] = await Promise.all([
    readRemoteRefs(
      root,
      step.remote,
      specs.map((spec) => spec.destination),
    ).catch(() => null),
    readRefValues(
      root,
      specs.flatMap((spec) => (spec.source === '' ? [] : [spec.source])),
    ),
  ]);
  if (remote === null) return 'unknown';
  for (const { source, destination } of specs) {
    const expected = source === '' ? null : (local[source] ?? null);
    // A source the run has not made yet was never pushed.
    if (source !== '' && expected === null) return 'absent';
    if ((remote.get(destination) ?? null) !== expected) return 'absent';
  }
  return 'landed';
}

/**
 * Whether the journal's run is on the remote: landed when a push step is recorded done, or (once
 * the push started) when the remote has one; absent before the push started (never asked).
 */
export async function readRunPushState(root: string, journal: Journal): Promise<PushState> {
  const pushes = journal.plan.steps.filter((step): step is PushStep => step.kind === 'push');
  if (journal.done.some((index) => journal.plan.steps[index]?.kind === 'push')) return 'landed';
  if (journal.pushStarted !== true) return 'absent';
  const states = await Promise.all(pushes.map((step) => readPushState(root, step)));
  return states.includes('unknown') ? 'unknown' : states.includes('landed') ? 'landed' : 'absent';
}

/**
 * A push recognised as landed: the remote-tracking refs git would have updated (refs/remotes/REMOTE/
 * NAME for each branch pushed or deleted), so `git status` does not report the branch ahead.
 */
export async function recordLandedPush(root: string, step: PushStep): Promise<void> {
  const branches = trackingRefs(step);
  const local = await readRefValues(
    root,
    branches.flatMap((spec) => (spec.source === '' ? [] : [spec.source])),
  );
  for (const { source, tracking } of branches) {
    const value = source === '' ? null : (local[source] ?? null);
    if (value === null) await deleteRef(root, tracking).catch(() => undefined);
    else await updateRef(root, tracking, value);
  }
}
