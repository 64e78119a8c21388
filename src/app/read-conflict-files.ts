// The paused conflict's files as they stand now (the conflict screen re-reads them while it shows):
// git's list of unmerged paths in the directory of the pause, and each file's content for markers.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { conflictFileState, type ConflictFile } from '../core/conflict/conflict-files.js';
import { readUnmergedPaths } from '../git/read-worktrees.js';

export async function readConflictFiles(directory: string, files: readonly string[]): Promise<ConflictFile[]> {
  const unmerged = new Set(await readUnmergedPaths(directory));
  return Promise.all(
    files.map(async (path) => ({
      path,
      state: conflictFileState(unmerged.has(path), await readFile(join(directory, path), 'utf8').catch(() => null)),
    })),
  );
}
