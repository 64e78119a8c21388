// run-command: a program such as `npm install`; undo restores the files it declared it touches.
import { execa } from 'execa';
import { checkFailed, environmentError } from '../../core/errors.js';
import { startFailureFix, startFailureReason } from '../../core/display-text/program-start.js';
import { shellCommand } from '../../core/display-text/shell-words.js';
import type { RunCommandStep } from '../../core/plan/plan.js';
import type { StepEnvironment, Undo } from './step-handler.js';
import { insideRoot, snapshotFile } from './write-file.js';

export async function applyRunCommand(step: RunCommandStep, context: StepEnvironment): Promise<Undo> {
  const snapshots = await Promise.all(
    step.touches.map((path) => snapshotFile(insideRoot(context.root, path), path, context.root)),
  );
  const [program, ...args] = step.argv;
  if (!program)
    throw environmentError('A plan step has an empty command.', {
      code: 'internal-plan',
      fix: 'this is a bug in shipwright; please report it',
    });
  const child = execa(program, args, {
    cwd: context.root,
    env: context.env,
    reject: false,
    all: true,
    stdin: 'ignore',
  });
  child.all?.on('data', (chunk: Buffer) => context.onOutput?.(chunk.toString()));
  const result = await child;
  if (result.failed) {
    await Promise.all(snapshots.map((snapshot) => snapshot.run()));
    const notStarted = startFailureReason(program, (result as { code?: string }).code);
    if (notStarted) {
      throw (step.check ? checkFailed : environmentError)(
        `\`${shellCommand(step.argv)}\` did not start: ${notStarted}.`,
        {
          code: 'command-failed',
          fix: `${startFailureFix(program)}; then run the shipwright command again`,
        },
      );
    }
    const tail = String(result.all ?? '')
      .trim()
      .split('\n')
      .slice(-15)
      .join('\n');
    throw (step.check ? checkFailed : environmentError)(
      `\`${shellCommand(step.argv)}\` failed${result.exitCode === undefined ? '' : ` with exit code ${result.exitCode}`}.\n${tail}`,
      {
        code: 'command-failed',
        fix: `run \`${shellCommand(step.argv)}\` yourself to see why, fix it, then run the shipwright command again`,
      },
    );
  }
  return {
    label: step.touches.join(', ') || shellCommand(step.argv),
    run: async () => {
      for (const snapshot of snapshots) await snapshot.run();
    },
  };
}
