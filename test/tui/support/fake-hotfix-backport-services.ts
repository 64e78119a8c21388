// The hotfix, backport and conflict services from plain data: what each read answers, and a script
// per engine attempt (the events it emits, then its result). Records every call a screen makes.
import type { PreparedBackport } from '../../../src/app/prepare-backport.js';
import type { PreparedHotfix, PreparedHotfixStart } from '../../../src/app/prepare-hotfix.js';
import type { ConflictFile } from '../../../src/core/conflict/conflict-files.js';
import type { Plan } from '../../../src/core/plan/plan.js';
import type { EngineEvent } from '../../../src/engine/run-steps.js';
import type {
  AbortResult,
  Answer,
  BackportMatrixView,
  EngineRunResult,
  HotfixBackportServices,
  HotfixFinishChoice,
  HotfixOutlook,
} from '../../../src/app/hotfix-backport-services.js';
import { aMatrix, anOutlook, aPreparedBackport, aPreparedFinish, aPreparedStart, doneEvents } from './fix-data.js';

export interface AttemptScript {
  events: EngineEvent[];
  /** Holds the attempt after its events (a run in progress) until it resolves. */
  gate?: Promise<void>;
  /** Emitted once the gate opens, before the result. */
  after?: EngineEvent[];
  result: EngineRunResult;
}

export interface HotfixBackportWorld {
  /** What readConflictFiles answers per path (else: markers left). */
  conflictFiles?: ConflictFile[];
  outlook?: Answer<HotfixOutlook>;
  /** Each read of the matrix answers the next entry (the last one repeats). */
  matrices?: Answer<BackportMatrixView>[];
  prepareStart?: (request: { from?: string; name?: string }) => Answer<PreparedHotfixStart>;
  prepareFinish?: (choice: HotfixFinishChoice) => Answer<PreparedHotfix>;
  prepareBackport?: (request: { commits: string[]; targets: string[] }) => Answer<PreparedBackport>;
  /** The first run (default: every step done). */
  run?: (plan: Plan) => AttemptScript;
  /** Each continue (or skip) in turn. */
  continues?: AttemptScript[];
  abort?: AbortResult;
}

export interface HotfixBackportCalls {
  matrixReads: number;
  startRequests: { from?: string; name?: string }[];
  finishChoices: HotfixFinishChoice[];
  backportRequests: { commits: string[]; targets: string[] }[];
  runs: Plan[];
  continues: { skip: boolean }[];
  aborts: number;
  stops: number;
  /** The paths each "stage the resolved files" call staged. */
  staged: string[][];
}

const ok = <T>(value: T): Answer<T> => ({ ok: true, value });

export function fakeHotfixBackportServices(world: HotfixBackportWorld = {}): {
  services: HotfixBackportServices;
  calls: HotfixBackportCalls;
} {
  const calls: HotfixBackportCalls = {
    matrixReads: 0,
    startRequests: [],
    finishChoices: [],
    backportRequests: [],
    runs: [],
    continues: [],
    aborts: 0,
    stops: 0,
    staged: [],
  };
  // What the conflicted files say now: staging a resolved one makes it staged.
  let conflictFiles = world.conflictFiles ?? [];
  const matrices = world.matrices ?? [ok(aMatrix())];
  const play = async (script: AttemptScript, onEvent: (event: EngineEvent) => void): Promise<EngineRunResult> => {
    for (const event of script.events) onEvent(event);
    await script.gate;
    for (const event of script.after ?? []) onEvent(event);
    return script.result;
  };
  const services: HotfixBackportServices = {
    readHotfixOutlook: async () => world.outlook ?? ok(anOutlook()),
    async prepareHotfixStart(request) {
      calls.startRequests.push(request);
      return world.prepareStart ? world.prepareStart(request) : ok(aPreparedStart(request));
    },
    async prepareHotfixFinish(choice) {
      calls.finishChoices.push(choice);
      return world.prepareFinish ? world.prepareFinish(choice) : ok(aPreparedFinish(choice.skip, choice.push));
    },
    async readBackportMatrix() {
      calls.matrixReads += 1;
      return matrices[Math.min(calls.matrixReads, matrices.length) - 1]!;
    },
    async prepareBackport(request) {
      calls.backportRequests.push(request);
      const matrix = matrices[0]?.ok ? matrices[0].value : aMatrix();
      return world.prepareBackport
        ? world.prepareBackport(request)
        : ok(aPreparedBackport(matrix, request.commits, request.targets));
    },
    async runPlanWithEvents(plan, onEvent) {
      calls.runs.push(plan);
      return play(
        world.run ? world.run(plan) : { events: doneEvents(plan), result: { ok: true, output: '', skipped: [] } },
        onEvent,
      );
    },
    async continueRun(options, onEvent) {
      calls.continues.push(options);
      const script = world.continues?.[calls.continues.length - 1];
      return play(script ?? { events: [], result: { ok: true, output: '', skipped: [] } }, onEvent);
    },
    async abortRun() {
      calls.aborts += 1;
      return (
        world.abort ?? {
          ok: true,
          command: 'Backport 1 commit (shipwright TUI)',
          restored: ['dev', 'the worktree of dev'],
          failures: [],
          notes: [],
        }
      );
    },
    stopRun() {
      calls.stops += 1;
    },
    async readConflictFiles(_directory, files) {
      return files.map((path) => conflictFiles.find((file) => file.path === path) ?? { path, state: 'markers' });
    },
    async stageResolvedFiles(_directory, files) {
      const resolved = files.filter((path) =>
        conflictFiles.some((file) => file.path === path && file.state === 'unstaged'),
      );
      conflictFiles = conflictFiles.map((file) =>
        resolved.includes(file.path) ? { path: file.path, state: 'staged' } : file,
      );
      calls.staged.push(resolved);
      return resolved;
    },
  };
  return { services, calls };
}
