// What screens may ask of the outside world. Screens call these and render the answers; the
// implementation (src/app/tui-services.ts) reads through src/git and writes through the engine.
import type { BranchPlan, BranchRequest, BranchTypeChoice } from '../app/plan-branch.js';
import type { CommitPlan, ComposerData } from '../app/plan-commit.js';
import type { LintReport } from '../app/lint-messages.js';
import type { StatusReport } from '../app/read-status.js';
import type { CommitDraft } from '../core/commit/compose-message.js';
import type { Plan } from '../core/plan/plan.js';

export interface HookStatus {
  installed: boolean;
  /** Why not, and the command that fixes it. */
  problem?: string;
}

export interface RunResult {
  ok: boolean;
  /** What git and the hooks printed. */
  output: string;
  error?: string;
}

export interface TuiServices {
  repoRoot: string;
  branch: string | null;
  readStatus(): Promise<StatusReport>;
  readHookStatus(): Promise<HookStatus>;
  readChangelogPreview(): Promise<{ markdown: string; version: string | null }>;
  listBranchTypes(): Promise<BranchTypeChoice[]>;
  /** Null when the name is usable, else why not. */
  refuseBranchName(branch: string): Promise<string | null>;
  planBranch(request: BranchRequest): Promise<BranchPlan>;
  readComposerData(): Promise<ComposerData>;
  lintDraft(draft: CommitDraft): Promise<LintReport>;
  planCommit(draft: CommitDraft): Promise<CommitPlan>;
  stageAll(): Promise<RunResult>;
  runPlan(plan: Plan): Promise<RunResult>;
  loadDraft(): Promise<CommitDraft | null>;
  saveDraft(draft: CommitDraft): Promise<void>;
  clearDraft(): Promise<void>;
}
