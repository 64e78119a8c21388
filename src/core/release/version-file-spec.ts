// What a configured version file is, once validated: where its version lives and how to find it.

/** A JSON value reached by keys (an all-digit key indexes an array), or every first group of a regex. */
export type VersionFileSpec =
  | {
      path: string;
      kind: 'json';
      /** e.g. ["tool", "shipwright", "version"]. */
      jsonPath: string[];
      /** false for a plain path entry: a file without the field is left alone (a private app need not carry a version). */
      required: boolean;
    }
  | {
      path: string;
      kind: 'regex';
      /** A JavaScript regex source, run with the g and m flags; its first group is the version. */
      pattern: string;
    };

/** The flags every version pattern runs with; `d` only adds match indices, so it never changes what matches. */
export const PATTERN_FLAGS = 'gm';

/** A plain path entry: the top-level "version" of a JSON file, skipped when absent. */
export const jsonVersionFile = (path: string): VersionFileSpec => ({
  path,
  kind: 'json',
  jsonPath: ['version'],
  required: false,
});

/** "tool.shipwright.version" → ["tool", "shipwright", "version"]; null when a segment is empty. */
export function parseJsonPath(dotted: string): string[] | null {
  const keys = dotted.split('.');
  return keys.every((key) => key.length > 0) ? keys : null;
}

/** How many capture groups a regex source has, or the reason it does not compile. */
export function countCaptureGroups(pattern: string): { groups: number } | { error: string } {
  try {
    new RegExp(pattern, PATTERN_FLAGS);
    // Once it compiles alone: an empty alternative always matches, and the match has one slot per group.
    const match = new RegExp(`(?:${pattern})|`, PATTERN_FLAGS).exec('') as RegExpExecArray;
    return { groups: match.length - 1 };
  } catch (error) {
    return { error: (error as Error).message };
  }
}
