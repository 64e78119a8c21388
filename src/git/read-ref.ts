// Reads single refs: a ref's value (or null), whether a name is a valid ref name.
import { runGit } from './run-git.js';

/** The object a full ref name points at (a tag object for annotated tags), null when absent. */
export async function readRefValue(cwd: string, ref: string): Promise<string | null> {
  const result = await runGit(cwd, ['rev-parse', '-q', '--verify', '--end-of-options', ref], { okExitCodes: [1] });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

/** Several full ref names at once (one for-each-ref); absent ones are null. */
export async function readRefValues(cwd: string, refs: readonly string[]): Promise<Record<string, string | null>> {
  const values: Record<string, string | null> = Object.fromEntries(refs.map((ref) => [ref, null]));
  if (refs.length === 0) return values;
  const result = await runGit(cwd, ['for-each-ref', '--format=%(refname) %(objectname)', '--', ...refs]);
  for (const line of result.stdout.split('\n')) {
    const [name = '', value = ''] = line.split(' ');
    // A pattern also matches refs below it: keep exact names only.
    if (Object.hasOwn(values, name)) values[name] = value;
  }
  return values;
}

/** `git check-ref-format`: git's own rules for a full ref name; a leading `-` is refused too. */
export async function isValidRefName(cwd: string, ref: string): Promise<boolean> {
  if (ref.startsWith('-') || ref.split('/').some((part) => part.startsWith('-'))) return false;
  const result = await runGit(cwd, ['check-ref-format', ref], { okExitCodes: [1, 128] });
  return result.exitCode === 0;
}
