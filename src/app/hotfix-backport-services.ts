// What the hotfix wizard, the backport matrix and the conflict screen may ask of the outside world;
// TuiServices (screen-services.ts) extends it. Every answer is data: a refusal comes back with its fix.
import type { ConflictFile } from '../core/conflict/conflict-files.js';
import type { PreparedBackport } from './prepare-backport.js';
import type { PreparedHotfix, PreparedHotfixStart } from './prepare-hotfix.js';
import type { Presence } from '../core/backport/backport-matrix.js';
import type { Plan } from '../core/plan/plan.js';
import type { EngineEvent } from '../engine/run-steps.js';
import type { ErrorReport } from './screen-services.js';

export type { ErrorReport };

export type Answer<T> = { ok: true; value: T } | { ok: false; error: ErrorReport };

export interface HotfixOutlook {
  branch: string | null;
  /** e.g. `hotfix/`. */
  prefix: string;
  /** HEAD is a hotfix branch: the wizard finishes it instead of starting one. */
  onHotfix: boolean;
  production: string;
  /** Stable release tags, newest first, each with the version a hotfix from it would get. */
  releases: { tag: string; version: string; next: string }[];
  /** The tag `hotfix start` uses without --from (the newest release on the production branch). */
  productionTag: string | null;
}

export interface HotfixFinishChoice {
  /** Targets left for later (`--skip`). */
  skip: string[];
  push: boolean;
}

/** The missing-fixes matrix as the screen draws it: rows oldest first, one cell per target. */
export interface BackportMatrixView {
  source: string;
  targets: string[];
  rows: { hash: string; shortHash: string; header: string; cells: Presence[] }[];
}

export interface SkippedTarget {
  target: string;
  /** What brings the changes there later. */
  command: string;
}

export type EngineRunResult =
  { ok: true; output: string; skipped: SkippedTarget[] } | { ok: false; error: ErrorReport; output: string };

/** `notes`: what abort said besides restoring (a journal moved from an older version's place, leftovers to tidy). */
export type AbortResult =
  | {
      ok: true;
      command: string | null;
      restored: string[];
      failures: string[];
      notes: string[];
      /** The remote already had the run: it was finished instead of undone, and why. */
      finished?: string;
    }
  | { ok: false; error: ErrorReport };

type EngineListener = (event: EngineEvent) => void;

export interface HotfixBackportServices {
  readHotfixOutlook(): Promise<Answer<HotfixOutlook>>;
  /** `hotfix start [--from TAG] [NAME]`: preflight, branch name and version, the plan. */
  prepareHotfixStart(request: { from?: string; name?: string }): Promise<Answer<PreparedHotfixStart>>;
  /** `hotfix finish`: version, maintenance or not, targets, changelog section, the plan. */
  prepareHotfixFinish(choice: HotfixFinishChoice): Promise<Answer<PreparedHotfix>>;
  readBackportMatrix(): Promise<Answer<BackportMatrixView>>;
  /** `backport SHA... --to BRANCH...`: every commit goes to every target (where missing). */
  prepareBackport(request: { commits: string[]; targets: string[] }): Promise<Answer<PreparedBackport>>;
  /** Executes a plan, reporting every engine event; a conflict pauses it (journal kept), a failure rolls back. */
  runPlanWithEvents(plan: Plan, onEvent: EngineListener): Promise<EngineRunResult>;
  /** `shipwright continue [--skip]` for a paused run. */
  continueRun(options: { skip: boolean }, onEvent: EngineListener): Promise<EngineRunResult>;
  /** `shipwright abort`: everything the paused run did is put back. */
  abortRun(): Promise<AbortResult>;
  /** Stops the plan or continue in progress as SIGINT does: the step in progress finishes, then what was done is put back. */
  stopRun(): void;
  /** Where each file of a paused conflict stands now (markers left, not staged, deleted, staged). */
  readConflictFiles(directory: string, files: readonly string[]): Promise<ConflictFile[]>;
  /** `git add` of the files of a paused conflict that are resolved (no markers left); answers the paths staged. */
  stageResolvedFiles(directory: string, files: readonly string[]): Promise<string[]>;
}
