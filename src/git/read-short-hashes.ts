// Abbreviates commit hashes the way git shows them (unique in this repository, core.abbrev honoured).
import { readGit } from './run-git.js';

/** One `git log --no-walk` for any number of commits (hashes on stdin: no argv length limit). */
export async function readShortHashes(cwd: string, hashes: readonly string[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  if (hashes.length === 0) return map;
  const output = await readGit(cwd, ['log', '--no-walk', '--stdin', '--no-color', '--format=%H %h'], {
    input: `${hashes.join('\n')}\n`,
  });
  for (const line of output.split('\n')) {
    const [full, short] = line.split(' ');
    if (full && short) map.set(full, short);
  }
  return map;
}
