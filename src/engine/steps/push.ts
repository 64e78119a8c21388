// push: `git push --atomic`; the last steps of a plan, so a rejection only needs the local undo.
import { environmentError } from '../../core/errors.js';
import type { PushStep } from '../../core/plan/plan.js';
import { pushAtomic } from '../../git/write-remote.js';
import type { StepEnvironment, Undo } from './step-handler.js';

export async function applyPush(step: PushStep, context: StepEnvironment): Promise<Undo> {
  // Every target was skipped (continue --skip): `git push REMOTE` without refspecs would push the defaults.
  if (step.refspecs.length === 0) return { label: 'nothing pushed', run: async () => undefined };
  const outcome = await pushAtomic(context.root, step.remote, step.refspecs, {
    ...(step.setUpstream ? { setUpstream: true } : {}),
  });
  if (!outcome.ok) {
    // git's report (which refs, the remote's reason) goes into the error, printed once.
    throw environmentError(
      `${step.remote} rejected the push (nothing was pushed: the push is atomic):\n${outcome.output}`,
      {
        code: 'push-rejected',
        fix: `fix what the remote says above (permissions, a protected branch, a newer commit: git pull --rebase), then run the release again`,
      },
    );
  }
  if (outcome.output) context.onOutput?.(`${outcome.output}\n`);
  // A pushed ref is public: it is never taken back automatically.
  return { label: `push to ${step.remote}`, run: async () => undefined };
}
