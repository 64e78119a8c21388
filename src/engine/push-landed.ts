// Whether a push step's refs are on the remote already: how `continue` and `abort` recognise a
// push that landed just before a crash, though the journal never recorded it.
import type { PushStep } from '../core/plan/plan.js';
import { readRefValue } from '../git/read-ref.js';
import { readRemoteRefs } from '../git/read-upstream.js';

/**
 * A push that reached the remote just before a crash (kill -9 before the journal recorded it):
 * every destination already has the local value, or is gone for a deletion. Pushing it again
 * would fail on the deletion and roll back a release the remote already published.
 */
export async function pushLanded(root: string, step: PushStep): Promise<boolean> {
  if (step.refspecs.length === 0) return false;
  const specs = step.refspecs.map((refspec) => {
    const [source = '', destination = ''] = refspec.split(':');
    return { source, destination };
  });
  const remote = await readRemoteRefs(root, step.remote, specs.map((spec) => spec.destination)).catch(() => null);
  if (remote === null) return false;
  for (const { source, destination } of specs) {
    const expected = source === '' ? null : await readRefValue(root, source);
    if (remote.get(destination) !== expected) return false;
  }
  return true;
}
