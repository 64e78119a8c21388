// Shows a plan, asks before writing (or requires --yes without a terminal), then executes it.
// applyPlan is the CLI's one call into the engine: every command that writes goes through it.
import { usageError } from '../core/errors.js';
import { describePlan, type Plan } from '../core/plan/plan.js';
import type { CliIo } from '../output/io.js';
import { jsonEventPrinter, jsonLine, plainEventPrinter } from './print-engine-events.js';
import { confirm } from './prompt.js';

interface ApplyOptions {
  root: string;
  /** The command line as typed, recorded in the journal (and printed by `continue` / `abort`). */
  commandLine: string;
  /**
   * How the run's progress is shown: a line per step, a JSON line per engine event, or nothing
   * (a command whose own summary line says what it wrote, such as `changelog`).
   */
  progress: 'plain' | 'json' | 'quiet';
}

/** Executes a plan the user has already agreed to (or one that needs no confirmation). */
export async function applyPlan(io: CliIo, plan: Plan, options: ApplyOptions): Promise<void> {
  // Loaded only now: a dry run or a declined plan never pays for the engine (and execa).
  const { executePlan } = await import('../engine/execute-plan.js');
  const onEvent =
    options.progress === 'plain'
      ? plainEventPrinter(io)
      : options.progress === 'json'
        ? jsonEventPrinter(io)
        : undefined;
  await executePlan(options.root, plan, {
    command: options.commandLine,
    env: io.env,
    onOutput: (text) => io.stderr(text),
    ...(onEvent ? { onEvent } : {}),
  });
}

interface RunPlanOptions {
  root: string;
  yes: boolean;
  dryRun: boolean;
  /** The command line to repeat with --yes, for the error without a terminal. */
  commandLine: string;
  /** Questions of the command's own (the release checklist's confirmations), once the plan is shown. Throws to stop. */
  beforeApply?: () => Promise<void>;
}

/** Returns false when the user declined or it was a dry run. */
export async function runPlan(io: CliIo, plan: Plan, options: RunPlanOptions): Promise<boolean> {
  io.stdout(`${describePlan(plan)}\n`);
  if (options.dryRun) {
    io.stdout('\nDry run: nothing was written.\n');
    return false;
  }
  if (plan.steps.length === 0) return false;
  await options.beforeApply?.();
  if (!options.yes) {
    if (!io.interactive) {
      throw usageError(
        'This would change the repository and needs a confirmation, but there is no terminal to ask on.',
        `${options.commandLine} --yes   (or --dry-run to only see the plan)`,
      );
    }
    if (!(await confirm('\nApply these changes?'))) {
      io.stdout('Nothing was changed.\n');
      return false;
    }
  }
  io.stdout('\n');
  await applyPlan(io, plan, { root: options.root, commandLine: options.commandLine, progress: 'plain' });
  return true;
}

interface JsonRunOptions {
  root: string;
  yes: boolean;
  dryRun: boolean;
  commandLine: string;
  /** Facts about the run repeated in the plan line and the result line (version, tag, …). */
  summary: Record<string, unknown>;
  /** As RunPlanOptions.beforeApply, after the plan line (never asks: JSON runs without a person). */
  beforeApply?: () => Promise<void>;
}

/** --json: a plan line, an event line per engine event, then a result line (or only the plan with --dry-run). */
export async function runPlanJson(io: CliIo, plan: Plan, options: JsonRunOptions): Promise<number> {
  jsonLine(io, { type: 'plan', plan, ...options.summary });
  if (options.dryRun) {
    jsonLine(io, { type: 'result', ok: true, dryRun: true, ...options.summary, pushed: false });
    return 0;
  }
  if (!options.yes)
    throw usageError(
      '--json runs without asking, so it needs --yes (or --dry-run to only see the plan).',
      `${options.commandLine} --yes`,
    );
  await options.beforeApply?.();
  await applyPlan(io, plan, { root: options.root, commandLine: options.commandLine, progress: 'json' });
  jsonLine(io, { type: 'result', ok: true, dryRun: false, ...options.summary });
  return 0;
}
