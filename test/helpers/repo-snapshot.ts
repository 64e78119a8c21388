// Everything a release may change, captured so a failed run can be compared byte for byte (file
// modes, and symlinks as symlinks, included).
import { createHash } from 'node:crypto';
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { TempRepo } from './temp-repo.js';

export interface RepoSnapshot {
  refs: string;
  head: string;
  status: string;
  files: Record<string, string>;
  shipwrightDir: string[];
}

async function hashFiles(root: string, dir = root, out: Record<string, string> = {}): Promise<Record<string, string>> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.git') await hashFiles(root, full, out);
    } else if (entry.isSymbolicLink()) out[relative(root, full)] = `symlink to ${await readlink(full)}`;
    else {
      const hash = createHash('sha256')
        .update(await readFile(full))
        .digest('hex');
      out[relative(root, full)] = `${hash} ${((await stat(full)).mode & 0o777).toString(8)}`;
    }
  }
  return out;
}

/** `repo`: any working tree with a git runner (a TempRepo, or a copy of one made by the test). */
export async function snapshotRepo(repo: Pick<TempRepo, 'dir' | 'git'>): Promise<RepoSnapshot> {
  const head = await repo.git('symbolic-ref', '-q', 'HEAD').catch(() => '');
  return {
    refs: await repo.git('for-each-ref', '--format=%(refname) %(objectname)'),
    head: `${head} ${await repo.git('rev-parse', 'HEAD')}`,
    status: await repo.git('status', '--porcelain', '--untracked-files=all'),
    files: await hashFiles(repo.dir),
    shipwrightDir: await readdir(join(repo.dir, '.git', 'shipwright')).catch(() => []),
  };
}
