// What every step implementation gets and returns. A step has no undo of its own: a failed or
// abandoned run is put back from the journal alone (restore-journal.ts), after a crash as in-process.

export interface StepResult {
  /** What the step found, when it is worth saying ("already present: dropped"). */
  outcome?: string;
}

export interface StepEnvironment {
  root: string;
  env: NodeJS.ProcessEnv;
  /** Output of commands the steps run (npm's progress), for the terminal or a log. */
  onOutput?: (text: string) => void;
  /**
   * Where the run last left a ref it touches (JournalRef.last);
   * undefined for a ref the journal does not know. A step that would destroy what is there
   * (delete-branch) compares against it: a commit made meanwhile is never thrown away.
   */
  runValue?: (ref: string) => string | null | undefined;
}

/**
 * Environment for a commit or merge the engine makes on a protected branch (`chore(release): …` on
 * main): the pre-commit hook's protected-branch rule lets it through. A person's commit leaves it unset.
 */
export const engineCommitEnv = (release: boolean | undefined): Record<string, string> | undefined =>
  release ? { SHIPWRIGHT_ENGINE: '1' } : undefined;
