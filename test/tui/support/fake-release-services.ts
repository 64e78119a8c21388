// The release part of the fake TuiServices: preflight checks reported one by one, prepared
// releases from release-data, and engine events replayed — what the wizard is given, nothing more.
import type { PreflightCheckEvent } from '../../../src/app/release-preflight.js';
import type { Plan } from '../../../src/core/plan/plan.js';
import type { VersionChoice } from '../../../src/core/version/version-options.js';
import type { EngineEvent } from '../../../src/engine/run-steps.js';
import type { ReleasePreparation, ReleaseRunResult, TuiServices } from '../../../src/app/screen-services.js';
import type { PackagesChoice } from '../../../src/app/packages-preparation.js';
import type { PackageRow } from '../../../src/app/package-rows.js';
import { anOutlook, aPackagesRelease, aTrunkRelease, PASSED_CHECKS, tagCheck, versionFor } from './release-data.js';
import type { ReleaseOutlook } from '../../../src/app/read-release-outlook.js';

export interface ReleaseWorld {
  outlook?: ReleaseOutlook;
  /** Reported before each answer (default: PASSED_CHECKS, then the tag check on success). */
  checks?: PreflightCheckEvent[];
  /** Each check and the answer wait for this (to see the list fill in). */
  gate?: () => Promise<void>;
  prepare?: (choice: VersionChoice) => ReleasePreparation;
  /** A monorepo's package list (default null: a workspace of one). */
  packageRows?: PackageRow[] | null;
  /** The answer for the packages chosen in the wizard's list (default: a release of them). */
  preparePackages?: (choice: PackagesChoice) => ReleasePreparation;
  /** What the engine reports and how the run ends (default: every step done). */
  run?: (plan: Plan) => { events: EngineEvent[]; result: ReleaseRunResult };
  /** Each engine event and the result wait for this (to see a step running). */
  runGate?: () => Promise<void>;
}

export interface ReleaseCalls {
  choices: VersionChoice[];
  /** What the package list asked for, one entry per preparation. */
  packageChoices?: PackagesChoice[];
  runs: Plan[];
  stops: number;
}

/** Every step started and done, in order. */
export function allDone(plan: Plan): EngineEvent[] {
  return plan.steps.flatMap((step, index): EngineEvent[] => [
    { type: 'step-started', index, step },
    { type: 'step-done', index, step },
  ]);
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A gate a test opens one waiter at a time: `gate` for the fake, `open()` in the test. */
export function manualGate(): { gate: () => Promise<void>; open: (count?: number) => void } {
  const waiting: (() => void)[] = [];
  let credit = 0;
  return {
    gate: () =>
      new Promise<void>((resolve) => {
        if (credit > 0) {
          credit -= 1;
          resolve();
        } else waiting.push(resolve);
      }),
    open(count = 1) {
      for (let i = 0; i < count; i++) {
        const next = waiting.shift();
        if (next) next();
        else credit += 1;
      }
    },
  };
}

export function fakeReleaseServices(
  world: ReleaseWorld,
  calls: ReleaseCalls,
): Pick<
  TuiServices,
  'readReleaseOutlook' | 'prepareRelease' | 'readPackageRows' | 'preparePackagesRelease' | 'runRelease' | 'stopRelease'
> {
  return {
    readReleaseOutlook: async () => world.outlook ?? anOutlook(),
    async prepareRelease(choice, onCheck) {
      calls.choices.push(choice);
      const answer = world.prepare?.(choice) ?? { ok: true, release: aTrunkRelease(versionFor(choice)) };
      const checks = world.checks ?? [...PASSED_CHECKS, ...(answer.ok ? [tagCheck(answer.release.version)] : [])];
      for (const check of checks) {
        await (world.gate?.() ?? tick());
        onCheck(check);
      }
      await (world.gate?.() ?? tick());
      return answer;
    },
    readPackageRows: async () => world.packageRows ?? null,
    async preparePackagesRelease(choice, onCheck) {
      (calls.packageChoices ??= []).push(choice);
      const answer = world.preparePackages?.(choice) ?? { ok: true, release: aPackagesRelease(choice) };
      for (const check of world.checks ?? PASSED_CHECKS) {
        await (world.gate?.() ?? tick());
        onCheck(check);
      }
      await (world.gate?.() ?? tick());
      return answer;
    },
    async runRelease(plan, onEvent) {
      calls.runs.push(plan);
      const { events, result } = world.run?.(plan) ?? { events: allDone(plan), result: { ok: true, output: '' } };
      for (const event of events) {
        await (world.runGate?.() ?? tick());
        onEvent(event);
      }
      await (world.runGate?.() ?? tick());
      return result;
    },
    stopRelease() {
      calls.stops += 1;
    },
  };
}
