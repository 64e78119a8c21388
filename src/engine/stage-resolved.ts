// The conflict screen's "git add the resolved files": what a person would type in the paused
// directory. The run stays paused; `continue` still checks the resolution before it commits it.
import { stagePaths } from '../git/write-index.js';

export async function stageResolvedFiles(directory: string, paths: readonly string[]): Promise<void> {
  await stagePaths(directory, paths);
}
