// `shipwright changelog --from A --to B`: both ends must be commits and A..B must hold some; an
// empty or reversed range is a refusal with the range that works, never an empty print.
import { flagWords } from '../core/display-text/shell-words.js';
import { checkFailed, usageError } from '../core/errors.js';
import { resolveCommit } from '../git/read-refs.js';
import { countCommits } from '../git/read-ancestry.js';

async function commitOf(cwd: string, flag: string, ref: string): Promise<string> {
  return resolveCommit(cwd, ref).catch(() => {
    throw usageError(
      `${flag} ${ref} is not a commit here.`,
      'name a tag, branch or commit: git tag --list (tags may need: git fetch --tags)',
    );
  });
}

/** Refuses a range with nothing in it; `to` defaults to HEAD. */
export async function assertChangelogRange(cwd: string, range: { from?: string; to?: string }): Promise<void> {
  const to = range.to ?? 'HEAD';
  const toCommit = await commitOf(cwd, '--to', to);
  if (range.from === undefined) return;
  const fromCommit = await commitOf(cwd, '--from', range.from);
  if ((await countCommits(cwd, toCommit, fromCommit)) > 0) return;
  if (fromCommit === toCommit) {
    throw checkFailed(`The range ${range.from}..${to} is empty: both name the same commit.`, {
      code: 'empty-range',
      fix: `start from an older release: shipwright changelog --from <older tag> ${flagWords('--to', to)}`,
    });
  }
  // Nothing in from..to and not the same commit: `to` lies behind `from`.
  throw checkFailed(
    `The range ${range.from}..${to} is reversed: ${to} is older than ${range.from}, so nothing lies between them.`,
    {
      code: 'reversed-range',
      fix: `shipwright changelog ${flagWords('--from', to)} ${flagWords('--to', range.from)}`,
    },
  );
}
