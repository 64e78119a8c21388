// run-command: a program such as `npm install`; the files it declares it touches are in the journal.
import { execa } from 'execa';
import { checkFailed, environmentError } from '../../core/errors.js';
import { startFailureFix, startFailureReason } from '../../core/display-text/program-start.js';
import { shellCommand } from '../../core/display-text/shell-words.js';
import type { RunCommandStep } from '../../core/plan/plan.js';
import type { StepEnvironment, StepResult } from './step-handler.js';

export async function applyRunCommand(step: RunCommandStep, context: StepEnvironment): Promise<StepResult> {
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
  return {};
}
