// The paused conflict's files as they stand now (the conflict screen re-reads them while it shows):
// git's list of unmerged paths in the directory of the pause, the files edited since they were
// staged, and each file's content for markers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conflictFileState, type ConflictFile } from '../core/conflict/conflict-files.js';
import { readUnmergedPaths, readWorkingTree } from '../git/read-worktrees.js';

export async function readConflictFiles(directory: string, files: readonly string[]): Promise<ConflictFile[]> {
  const [unmergedPaths, tree] = await Promise.all([readUnmergedPaths(directory), readWorkingTree(directory)]);
  const unmerged = new Set(unmergedPaths);
  // Edited again after `git add`: what is staged is not what the file now says.
  const modified = new Set(tree.unstaged.map((file) => file.path));
  return Promise.all(
    files.map(async (path) => ({
      path,
      state: conflictFileState(
        unmerged.has(path),
        await readFile(join(directory, path), 'utf8').catch(() => null),
        modified.has(path),
      ),
    })),
  );
}
