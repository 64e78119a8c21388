// The release wizard's services: the same prepareRelease as `shipwright release`, with the
// preflight checks passed through live and every failure as data; the run is the engine services'.
import { choiceRequest } from '../core/version/version-options.js';
import type { HotfixBackportServices } from './hotfix-backport-services.js';
import type { TuiServices } from './screen-services.js';
import { errorReport } from './error-report.js';
import { today, type OpenRepo } from './open-repo.js';
import { readReleaseOutlook } from './read-release-outlook.js';
import { preparePackagesChoice, readPackageRows } from './packages-preparation.js';

type ReleaseServices = Pick<
  TuiServices,
  'readReleaseOutlook' | 'prepareRelease' | 'readPackageRows' | 'preparePackagesRelease' | 'runRelease' | 'stopRelease'
>;

/**
 * `current` reads HEAD again: the wizard may stay open while the repository moves. `engine` runs
 * the plan (and stops it on Ctrl-C) exactly as it runs a hotfix's or a backport's.
 */
export function createReleaseServices(
  current: () => Promise<OpenRepo>,
  engine: Pick<HotfixBackportServices, 'runPlanWithEvents' | 'stopRun'>,
): ReleaseServices {
  return {
    readReleaseOutlook: async () => readReleaseOutlook(await current()),
    async prepareRelease(choice, onCheck) {
      try {
        const { prepareRelease } = await import('./prepare-release.js');
        const release = await prepareRelease(await current(), {
          push: true,
          day: today(),
          onCheck,
          ...choiceRequest(choice),
        });
        return { ok: true, release };
      } catch (error) {
        return { ok: false, error: errorReport(error) };
      }
    },
    readPackageRows: async () => readPackageRows(await current()),
    async preparePackagesRelease(choice, onCheck) {
      try {
        return { ok: true, release: await preparePackagesChoice(await current(), choice, onCheck) };
      } catch (error) {
        return { ok: false, error: errorReport(error) };
      }
    },
    runRelease: (plan, onEvent) => engine.runPlanWithEvents(plan, onEvent),
    stopRelease: () => engine.stopRun(),
  };
}
