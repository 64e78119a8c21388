// The names of the tags reachable from a ref: `for-each-ref --merged` printing only names, so no
// tag object is opened for a type or date (a workspace has thousands of tags; the refs'
// commits come from `show-ref`, readTagRefs).
import { readGit } from './run-git.js';

export async function readMergedTagNames(cwd: string, ref: string): Promise<Set<string>> {
  const out = await readGit(cwd, ['for-each-ref', `--merged=${ref}`, '--format=%(refname)', 'refs/tags/']);
  return new Set(
    out
      .split('\n')
      .filter((line) => line.startsWith('refs/tags/'))
      .map((line) => line.slice('refs/tags/'.length)),
  );
}
