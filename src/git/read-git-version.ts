// The installed git's version, e.g. "2.39.5".
import { readGit } from './run-git.js';

export async function readGitVersion(cwd: string): Promise<string> {
  const out = await readGit(cwd, ['--version']);
  return /(\d+\.\d+\.\d+)/.exec(out)?.[1] ?? out;
}
