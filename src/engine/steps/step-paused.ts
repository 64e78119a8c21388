// A step that stopped for the user instead of failing: a merge with conflicts. The run keeps its
// journal and waits for `shipwright continue`, `continue --skip` or `abort`; nothing is rolled back.

export class StepPaused extends Error {
  constructor(
    /** The files with conflicts, repository-relative. */
    readonly files: string[],
    /** The fan-out target the step serves (what --skip may leave for later); null: it cannot be skipped. */
    readonly target: string | null,
    /** Where the conflicts are: the repository, or a worktree of it. */
    readonly directory: string,
  ) {
    super(`conflicts in ${files.join(', ')}`);
  }
}

export const isStepPaused = (value: unknown): value is StepPaused => value instanceof StepPaused;
