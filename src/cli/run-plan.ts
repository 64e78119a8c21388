// Shows a plan, asks before writing (or requires --yes without a terminal), then executes it.
import { usageError } from '../core/errors.js';
import { describePlan, type Plan } from '../core/plan/plan.js';
import { executePlan } from '../engine/execute-plan.js';
import type { CliIo } from './io.js';
import { plainEventPrinter } from './print-engine-events.js';
import { confirm } from './prompt.js';

export interface RunPlanOptions {
  root: string;
  yes: boolean;
  dryRun: boolean;
  /** The command line to repeat with --yes, for the error without a terminal. */
  commandLine: string;
}

/** Returns false when the user declined or it was a dry run. */
export async function runPlan(io: CliIo, plan: Plan, options: RunPlanOptions): Promise<boolean> {
  io.stdout(`${describePlan(plan)}\n`);
  if (options.dryRun) {
    io.stdout('\nDry run: nothing was written.\n');
    return false;
  }
  if (plan.steps.length === 0) return false;
  if (!options.yes) {
    if (!io.interactive) {
      throw usageError('This would change the repository and needs a confirmation, but there is no terminal to ask on.', `${options.commandLine} --yes   (or --dry-run to only see the plan)`);
    }
    if (!(await confirm('\nApply these changes?'))) {
      io.stdout('Nothing was changed.\n');
      return false;
    }
  }
  io.stdout('\n');
  await executePlan(options.root, plan, {
    command: options.commandLine,
    env: io.env,
    onOutput: (text) => io.stderr(text),
    onEvent: plainEventPrinter(io),
  });
  return true;
}
