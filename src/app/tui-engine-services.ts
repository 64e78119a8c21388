// Engine runs for the TUI with their events: a plan, `continue [--skip]` and `abort` of a run paused
// on a conflict. Failures come back as data with their fix; the engine has already rolled back.
import { readConflictFiles } from './read-conflict-files.js';
import type { EngineRunResult, HotfixBackportServices } from './hotfix-backport-services.js';
import { describeRestoreFailure } from '../engine/restore-journal.js';
import { errorReport } from './error-report.js';
import type { OpenRepo } from './open-repo.js';

type EngineServices = Pick<
  HotfixBackportServices,
  'runPlanWithEvents' | 'continueRun' | 'abortRun' | 'stopRun' | 'readConflictFiles' | 'stageResolvedFiles'
>;

// git's and the hooks' output is kept for the screen, without colour codes.
const quietEnv = (): NodeJS.ProcessEnv => ({ ...process.env, FORCE_COLOR: '0' });

export function createEngineServices(current: () => Promise<OpenRepo>): EngineServices {
  // The run in progress, for stopRun (Ctrl-C in the TUI arrives as a key, not as SIGINT).
  let running: AbortController | null = null;
  async function collect(
    work: (onOutput: (text: string) => void, abort: AbortSignal) => Promise<EngineRunResult>,
  ): Promise<EngineRunResult> {
    let output = '';
    const controller = new AbortController();
    running = controller;
    try {
      return { ...(await work((text) => (output += text), controller.signal)), output };
    } catch (error) {
      return { ok: false, error: errorReport(error), output };
    } finally {
      if (running === controller) running = null;
    }
  }
  return {
    runPlanWithEvents: (plan, onEvent) =>
      collect(async (onOutput, abort) => {
        const repo = await current();
        const { executePlan } = await import('../engine/execute-plan.js');
        await executePlan(repo.cwd, plan, {
          command: `${plan.title} (shipwright TUI)`,
          onEvent,
          onOutput,
          env: quietEnv(),
          abort,
        });
        return { ok: true, output: '', skipped: [] };
      }),
    continueRun: ({ skip }, onEvent) =>
      collect(async (onOutput, abort) => {
        const repo = await current();
        const { continueRun } = await import('../engine/continue-run.js');
        const outcome = await continueRun(repo.cwd, {
          skip,
          onEvent,
          onOutput,
          env: quietEnv(),
          abort,
        });
        if (outcome.journal === null) {
          return {
            ok: false,
            output: '',
            error: {
              code: 'nothing-to-continue',
              message: 'There is no paused shipwright run here any more: it was finished or undone elsewhere.',
              fix: 'go back and look at the branches again (the matrix and home re-read them)',
            },
          };
        }
        return { ok: true, output: '', skipped: outcome.skipped };
      }),
    readConflictFiles,
    async stageResolvedFiles(directory, files) {
      // Only what is resolved as the file stands now: one with markers in it is never staged for the user.
      const resolved = (await readConflictFiles(directory, files))
        .filter((file) => file.state === 'unstaged')
        .map((file) => file.path);
      const { stageResolvedFiles } = await import('../engine/stage-resolved.js');
      await stageResolvedFiles(directory, resolved);
      return resolved;
    },
    async abortRun() {
      try {
        const { abortRun } = await import('../engine/abort-run.js');
        const { command, report, notes, finished } = await abortRun((await current()).cwd);
        return {
          ok: true,
          command,
          restored: report.restored,
          failures: report.failures.map(describeRestoreFailure),
          notes,
          ...(finished === undefined ? {} : { finished }),
        };
      } catch (error) {
        return { ok: false, error: errorReport(error) };
      }
    },
    stopRun: () => running?.abort(),
  };
}
