// The folders holding a tracked package.json: workspace globs are matched against these, so
// node_modules and other untracked folders never count, and no directory is walked.
import { readGit } from './run-git.js';

export async function readTrackedManifestDirs(cwd: string): Promise<string[]> {
  const out = await readGit(cwd, ['ls-files', '-z', '--cached', '--', ':(glob)**/package.json']);
  return out
    .split('\0')
    .filter((path) => path === 'package.json' || path.endsWith('/package.json'))
    .map((path) => (path === 'package.json' ? '' : path.slice(0, -'/package.json'.length)));
}

/** The same, untracked files too (a project not committed yet), never inside node_modules or ignored folders. */
export async function readManifestDirs(cwd: string): Promise<string[]> {
  const out = await readGit(cwd, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--',
    ':(glob)**/package.json',
  ]);
  const dirs = out
    .split('\0')
    .filter((path) => (path === 'package.json' || path.endsWith('/package.json')) && !/(^|\/)node_modules\//.test(path))
    .map((path) => (path === 'package.json' ? '' : path.slice(0, -'/package.json'.length)));
  return [...new Set(dirs)].sort();
}
