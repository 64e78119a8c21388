// Engine runs for the TUI with their events: a plan, `continue [--skip]` and `abort` of a run paused
// on a conflict. Failures come back as data with their fix; the engine has already rolled back.
import { abortRun } from '../engine/abort-run.js';
import { continueRun } from '../engine/continue-run.js';
import { executePlan } from '../engine/execute-plan.js';
import type { EngineRunResult, FixServices } from '../tui/fix-services.js';
import { errorReport } from './error-report.js';
import type { OpenRepo } from './open-repo.js';

type EngineServices = Pick<FixServices, 'runPlanWithEvents' | 'continueRun' | 'abortRun'>;

// git's and the hooks' output is kept for the screen, without colour codes.
const quietEnv = (): NodeJS.ProcessEnv => ({ ...process.env, FORCE_COLOR: '0' });

async function collect(work: (onOutput: (text: string) => void) => Promise<EngineRunResult>): Promise<EngineRunResult> {
  let output = '';
  try {
    return { ...(await work((text) => (output += text))), output };
  } catch (error) {
    return { ok: false, error: errorReport(error), output };
  }
}

export function createEngineServices(current: () => Promise<OpenRepo>): EngineServices {
  return {
    runPlanWithEvents: (plan, onEvent) =>
      collect(async (onOutput) => {
        const repo = await current();
        await executePlan(repo.cwd, plan, { command: `${plan.title} (shipwright TUI)`, onEvent, onOutput, env: quietEnv() });
        return { ok: true, output: '', skipped: [] };
      }),
    continueRun: ({ skip }, onEvent) =>
      collect(async (onOutput) => {
        const repo = await current();
        const outcome = await continueRun(repo.cwd, { skip, onEvent, onOutput, env: quietEnv() });
        if (outcome.journal === null) {
          return { ok: false, output: '', error: { code: 'nothing-to-continue', message: 'There is no paused shipwright run here any more: it was finished or undone elsewhere.', fix: 'go back and look at the branches again (the matrix and home re-read them)' } };
        }
        return { ok: true, output: '', skipped: outcome.skipped };
      }),
    async abortRun() {
      try {
        const { command, report } = await abortRun((await current()).cwd);
        return { ok: true, command, restored: report.restored, failures: report.failures.map((failure) => `${failure.what}: ${failure.error} (by hand: ${failure.manual})`) };
      } catch (error) {
        return { ok: false, error: errorReport(error) };
      }
    },
  };
}
