// Where each file of a paused conflict stands, from what git and the file say: still marked, edited
// but not staged, deleted, staged, or staged with its markers still in it. Pure, so the conflict
// screen's advice can be tested from data.
import { quoteShellWord } from '../display-text/shell-words.js';

type ConflictFileState = 'markers' | 'unstaged' | 'deleted' | 'staged' | 'staged-markers';

export interface ConflictFile {
  path: string;
  state: ConflictFileState;
}

/** git's conflict markers, at the start of a line: `<<<<<<< `, `=======`, `>>>>>>> ` (and diff3's `|||||||`). */
const MARKER = /^(<{7}(?: |$)|={7}$|>{7}(?: |$)|\|{7}(?: |$))/m;

export const hasConflictMarkers = (content: string): boolean => MARKER.test(content);

/**
 * `unmerged`: git still lists the path as conflicted (`git diff --diff-filter=U`); `content`: the
 * working-tree file, or null when it is gone; `modified`: the working-tree file differs from what was
 * staged. A path git no longer lists was `git add`ed or `git rm`ed — which git allows with the markers
 * still in it, so a staged file is read for them too, and an edit after the add is not staged yet.
 */
export function conflictFileState(unmerged: boolean, content: string | null, modified = false): ConflictFileState {
  if (content === null) return unmerged ? 'deleted' : 'staged';
  const marked = hasConflictMarkers(content);
  if (unmerged || modified) return marked ? 'markers' : 'unstaged';
  return marked ? 'staged-markers' : 'staged';
}

/**
 * What the conflict screen says after the path: what is left to do, as a command that does it.
 * `stageKey`: the screen's key that stages the resolved files, named before the command.
 */
export function conflictFileAdvice(file: ConflictFile, stageKey?: string): string {
  const quote = quoteShellWord;
  switch (file.state) {
    case 'markers':
      return 'conflict markers left: edit it';
    case 'staged-markers':
      return `staged, markers remain: edit them out, then git add ${quote(file.path)}`;
    case 'unstaged':
      return `resolved, not staged: ${stageKey ? `press ${stageKey} / ` : ''}git add ${quote(file.path)}`;
    case 'deleted':
      return `deleted here: git rm ${quote(file.path)} (or restore it)`;
    case 'staged':
      return 'staged ✓';
  }
}
