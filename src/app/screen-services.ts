// What screens may ask of the outside world. Screens call these and render the answers; the
// implementation (src/app/tui-services.ts) reads through src/git and writes through the engine.
import type { BranchPlan, BranchRequest, BranchTypeChoice } from './plan-branch.js';
import type { CommitPlan, ComposerData } from './plan-commit.js';
import type { LintReport } from './lint-messages.js';
import type { PendingRun } from './read-pending-run.js';
import type { PackagesChoice } from './packages-preparation.js';
import type { PackageRow } from './package-rows.js';
import type { PreparedRelease } from './prepare-release.js';
import type { ReleaseOutlook } from './read-release-outlook.js';
import type { StatusReport } from './read-status.js';
import type { OnPreflightCheck } from './release-preflight.js';
import type { CommitDraft } from '../core/commit-composer/compose-message.js';
import type { ErrorCode } from '../core/errors.js';
import type { Plan } from '../core/plan/plan.js';
import type { VersionChoice } from '../core/version/version-options.js';
import type { EngineEvent } from '../engine/run-steps.js';
import type { HotfixBackportServices } from './hotfix-backport-services.js';

// Screens render engine events; they take the type from here, never from src/engine.
export type { EngineEvent };

/** `shipwright doctor`'s verdict, for home's hooks line: what failed and what warns, each with its fix. */
export interface HookStatus {
  problems: { summary: string; fix?: string }[];
  warnings: { summary: string; fix?: string }[];
}

export interface RunResult {
  ok: boolean;
  /** What git and the hooks printed. */
  output: string;
  error?: string;
}

/** A failure as the CLI would print it: what happened, and what fixes it. */
export interface ErrorReport {
  message: string;
  fix?: string;
  /** Stable identifier, e.g. `nothing-to-release`, `dirty-tree` (docs/errors.md). */
  code: ErrorCode;
}

export type ReleasePreparation = { ok: true; release: PreparedRelease } | { ok: false; error: ErrorReport };

export type ReleaseRunResult = { ok: true; output: string } | { ok: false; error: ErrorReport; output: string };

/** The hotfix, backport and conflict screens' part is HotfixBackportServices (hotfix-backport-services.ts). */
export interface TuiServices extends HotfixBackportServices {
  repoRoot: string;
  branch: string | null;
  readStatus(): Promise<StatusReport>;
  /** Runs doctor's checks (hooks installed and running, configs, tags): home's line says what doctor says. */
  readHookStatus(): Promise<HookStatus>;
  /** The run paused on a conflict or interrupted, waiting for continue / skip / abort; null when none. */
  readPendingRun(): Promise<PendingRun | null>;
  readChangelogPreview(): Promise<{ markdown: string; version: string | null }>;
  listBranchTypes(): Promise<BranchTypeChoice[]>;
  /** Null when the name is usable, else why not. */
  refuseBranchName(branch: string): Promise<string | null>;
  planBranch(request: BranchRequest): Promise<BranchPlan>;
  readComposerData(): Promise<ComposerData>;
  lintDraft(draft: CommitDraft): Promise<LintReport>;
  planCommit(draft: CommitDraft): Promise<CommitPlan>;
  stageAll(): Promise<RunResult>;
  /** `git add` of these paths through the engine (as stageAll). */
  stagePaths(paths: string[]): Promise<RunResult>;
  /** Their index entries back to HEAD's through the engine; the files keep their changes. */
  unstagePaths(paths: string[]): Promise<RunResult>;
  /** `git diff --cached` of one file (a rename: with its source path), raw: the screen escapes it. */
  readStagedDiff(path: string, from?: string): Promise<string>;
  runPlan(plan: Plan): Promise<RunResult>;
  loadDraft(): Promise<CommitDraft | null>;
  saveDraft(draft: CommitDraft): Promise<void>;
  clearDraft(): Promise<void>;
  /** The branch model that applies here and the versions on offer (before any check runs). */
  readReleaseOutlook(): Promise<ReleaseOutlook>;
  /** Preflight (each check reported as it finishes), version, changelog section and plan. */
  prepareRelease(choice: VersionChoice, onCheck: OnPreflightCheck): Promise<ReleasePreparation>;
  /** Monorepo: every package with a pending release (home and the wizard's list); null for a workspace of one. */
  readPackageRows(): Promise<PackageRow[] | null>;
  /** The same preparation as `shipwright release --package …` for the packages and bumps chosen. */
  preparePackagesRelease(choice: PackagesChoice, onCheck: OnPreflightCheck): Promise<ReleasePreparation>;
  /** Executes a release plan, reporting every engine event; a failure is rolled back by the engine. */
  runRelease(plan: Plan, onEvent: (event: EngineEvent) => void): Promise<ReleaseRunResult>;
  /** Stops the running release: the step in progress finishes, then everything it did is put back. */
  stopRelease(): void;
  /** True while a run handles SIGINT/SIGTSTP itself (the terminal session then leaves them to it). */
  runTrapsSignals(): boolean;
}
