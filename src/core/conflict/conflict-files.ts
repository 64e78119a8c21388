// Where each file of a paused conflict stands, from what git and the file say: still marked, edited
// but not staged, deleted, or staged. Pure, so the conflict screen's advice can be tested from data.
import { quoteShellWord } from '../display-text/shell-words.js';

type ConflictFileState = 'markers' | 'unstaged' | 'deleted' | 'staged';

export interface ConflictFile {
  path: string;
  state: ConflictFileState;
}

/** git's conflict markers, at the start of a line: `<<<<<<< `, `=======`, `>>>>>>> ` (and diff3's `|||||||`). */
const MARKER = /^(<{7}(?: |$)|={7}$|>{7}(?: |$)|\|{7}(?: |$))/m;

export const hasConflictMarkers = (content: string): boolean => MARKER.test(content);

/**
 * `unmerged`: git still lists the path as conflicted (`git diff --diff-filter=U`); `content`: the
 * working-tree file, or null when it is gone. A path git no longer lists was `git add`ed or `git rm`ed.
 */
export function conflictFileState(unmerged: boolean, content: string | null): ConflictFileState {
  if (!unmerged) return 'staged';
  if (content === null) return 'deleted';
  return hasConflictMarkers(content) ? 'markers' : 'unstaged';
}

/** What the conflict screen says after the path: what is left to do, as a command that does it. */
export function conflictFileAdvice(file: ConflictFile): string {
  const quote = quoteShellWord;
  switch (file.state) {
    case 'markers':
      return 'conflict markers left: edit it';
    case 'unstaged':
      return `resolved, not staged: git add ${quote(file.path)}`;
    case 'deleted':
      return `deleted here: git rm ${quote(file.path)} (or restore it)`;
    case 'staged':
      return 'staged ✓';
  }
}
