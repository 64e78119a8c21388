// One message's verdict: commitlint's errors and warnings, plus shipwright's own empty-message check.

export interface Problem {
  /** 2 = error (fails the check), 1 = warning (printed, passes), as commitlint levels them. */
  level: 1 | 2;
  /** The commitlint rule, or `message-empty` for shipwright's own check. */
  name: string;
  message: string;
}

export interface MessageVerdict {
  /** Full and short hash in range mode; null for a file or stdin. */
  hash: string | null;
  shortHash: string | null;
  /** First line of the cleaned message; null when it is empty. */
  header: string | null;
  valid: boolean;
  errors: Problem[];
  warnings: Problem[];
}

const EMPTY_MESSAGE: Problem = {
  level: 2,
  name: 'message-empty',
  message: 'the message is empty once comments are removed (git would abort the commit)',
};

export const emptyVerdict = (): Omit<MessageVerdict, 'hash' | 'shortHash'> => ({
  header: null,
  valid: false,
  errors: [EMPTY_MESSAGE],
  warnings: [],
});

/** Keeps commitlint's levels, names and words; drops its `valid` flag (always false in a problem). */
export function toProblem(outcome: { level: number; name: string; message: string }): Problem {
  return { level: outcome.level >= 2 ? 2 : 1, name: outcome.name, message: outcome.message };
}
