// The release wizard's services: the same prepareRelease and engine run as `shipwright release`,
// with the preflight checks and engine events passed through live and every failure as data.
import { choiceRequest } from '../core/version/version-options.js';
import { executePlan } from '../engine/execute-plan.js';
import type { TuiServices } from '../tui/services.js';
import { errorReport } from './error-report.js';
import { today, type OpenRepo } from './open-repo.js';
import { prepareRelease } from './prepare-release.js';
import { readReleaseOutlook } from './read-release-outlook.js';

type ReleaseServices = Pick<TuiServices, 'readReleaseOutlook' | 'prepareRelease' | 'runRelease' | 'stopRelease'>;

/** `current` reads HEAD again: the wizard may stay open while the repository moves. */
export function createReleaseServices(current: () => Promise<OpenRepo>): ReleaseServices {
  let running: AbortController | null = null;
  return {
    readReleaseOutlook: async () => readReleaseOutlook(await current()),
    async prepareRelease(choice, onCheck) {
      try {
        const release = await prepareRelease(await current(), { push: true, day: today(), onCheck, ...choiceRequest(choice) });
        return { ok: true, release };
      } catch (error) {
        return { ok: false, error: errorReport(error) };
      }
    },
    async runRelease(plan, onEvent) {
      let output = '';
      const controller = new AbortController();
      running = controller;
      try {
        const repo = await current();
        await executePlan(repo.cwd, plan, { command: 'shipwright release (wizard)', onEvent, onOutput: (text) => (output += text), env: { ...process.env, FORCE_COLOR: '0' }, abort: controller.signal });
        return { ok: true, output };
      } catch (error) {
        return { ok: false, error: errorReport(error), output };
      } finally {
        if (running === controller) running = null;
      }
    },
    stopRelease: () => running?.abort(),
  };
}
