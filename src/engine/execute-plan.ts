// The engine: the only code that writes to a repository. Runs a Plan step by step and, if a
// step fails, puts back what the earlier steps changed before reporting the failure.
import { environmentError, isShipwrightError } from '../core/errors.js';
import type { Plan, PlanStep } from '../core/plan/plan.js';
import { applyCommit } from './steps/commit.js';
import { applyCreateBranch } from './steps/create-branch.js';
import { applyInstallHusky } from './steps/install-husky.js';
import { applyRunCommand } from './steps/run-command.js';
import { applyStage } from './steps/stage.js';
import type { StepEnvironment, Undo } from './steps/step-handler.js';
import { applyWriteFile } from './steps/write-file.js';

export type EngineEvent =
  | { type: 'step-started'; index: number; step: PlanStep }
  | { type: 'step-done'; index: number; step: PlanStep }
  | { type: 'step-failed'; index: number; step: PlanStep; error: string }
  | { type: 'rolled-back'; restored: string[]; failures: string[] };

export interface ExecuteOptions {
  onEvent?: (event: EngineEvent) => void;
  onOutput?: (text: string) => void;
  env?: NodeJS.ProcessEnv;
}

function applyStep(step: PlanStep, context: StepEnvironment): Promise<Undo> {
  switch (step.kind) {
    case 'write-file':
      return applyWriteFile(step, context);
    case 'run-command':
      return applyRunCommand(step, context);
    case 'install-husky':
      return applyInstallHusky(step, context);
    case 'create-branch':
      return applyCreateBranch(step, context);
    case 'commit':
      return applyCommit(step, context);
    case 'stage':
      return applyStage(step, context);
  }
}

async function undoAll(done: Undo[]): Promise<{ restored: string[]; failures: string[] }> {
  const restored: string[] = [];
  const failures: string[] = [];
  for (const undo of [...done].reverse()) {
    try {
      await undo.run();
      restored.push(undo.label);
    } catch (error) {
      failures.push(`${undo.label}: ${(error as Error).message}`);
    }
  }
  return { restored, failures };
}

export async function executePlan(root: string, plan: Plan, options: ExecuteOptions = {}): Promise<void> {
  const emit = options.onEvent ?? (() => undefined);
  const context: StepEnvironment = { root, env: options.env ?? process.env, ...(options.onOutput ? { onOutput: options.onOutput } : {}) };
  const done: Undo[] = [];
  for (const [index, step] of plan.steps.entries()) {
    emit({ type: 'step-started', index, step });
    try {
      done.push(await applyStep(step, context));
      emit({ type: 'step-done', index, step });
    } catch (error) {
      const message = (error as Error).message;
      emit({ type: 'step-failed', index, step, error: message });
      const { restored, failures } = await undoAll(done);
      emit({ type: 'rolled-back', restored, failures });
      const restoredLine = restored.length > 0 ? `\nRestored: ${restored.join(', ')}.` : '\nNothing had been changed yet.';
      const failureLine = failures.length > 0 ? `\nCould not restore (fix by hand): ${failures.join('; ')}` : '';
      throw environmentError(`Step ${index + 1} (${step.description}) failed: ${message}${restoredLine}${failureLine}`, {
        code: isShipwrightError(error) ? error.code : 'step-failed',
        fix: isShipwrightError(error) && error.fix ? error.fix : 'fix the cause above (permissions, disk space) and run the command again',
        cause: error,
      });
    }
  }
}
