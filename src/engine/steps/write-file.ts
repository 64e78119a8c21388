// write-file: atomic write (temp file + rename) inside the repository. The file's mode is kept, and
// a symlink is followed to its target when that stays inside the repository (refused otherwise,
// before the run writes anything: the journal snapshots every file first).
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, readlink, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { environmentError } from '../../core/errors.js';
import type { WriteFileStep } from '../../core/plan/plan.js';
import type { StepEnvironment, StepResult } from './step-handler.js';

export function insideRoot(root: string, path: string): string {
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel === '' || rel.startsWith('..') || rel.split(sep).includes('..')) {
    throw environmentError(`Refusing to write '${path}': it is outside the repository.`, {
      code: 'path-outside-repo',
      fix: 'use a path inside the repository in shipwright.config.json',
    });
  }
  return full;
}

/** Readers never see half a file: write beside the target, then rename over it. */
export async function writeAtomically(path: string, content: string | Buffer, mode?: number): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  await writeFile(temp, content);
  try {
    if (mode !== undefined) await chmod(temp, mode);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

const TEMP_SUFFIX = '.shipwright.tmp';

/** The temp files a write killed before its rename left beside `paths` (repository-relative). */
export async function removeTempFiles(root: string, paths: readonly string[]): Promise<void> {
  const dirs = new Set(paths.map((path) => dirname(insideRoot(root, path))));
  for (const dir of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(
      names
        .filter((name) => name.startsWith('.') && name.endsWith(TEMP_SUFFIX))
        .map((name) => rm(join(dir, name), { force: true })),
    );
  }
}

/** Where `full` leads with every symlink followed, a dangling one and missing folders included. */
async function realTarget(full: string, depth = 0): Promise<string> {
  const real = await realpath(full).catch(() => null);
  if (real !== null) return real;
  const stats = await lstat(full).catch(() => null);
  if (stats?.isSymbolicLink() && depth < 40) return realTarget(resolve(dirname(full), await readlink(full)), depth + 1);
  const parent = dirname(full);
  return parent === full ? full : join(await realTarget(parent, depth + 1), basename(full));
}

/** The file a repository path leads to (through symlinks), as an absolute and a repository-relative path; refused outside the repository. */
export async function repoPath(root: string, path: string): Promise<{ full: string; path: string }> {
  insideRoot(root, path);
  const realRoot = await realpath(root);
  const target = await realTarget(resolve(root, path));
  const rel = relative(realRoot, target);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    throw environmentError(
      `Refusing to write '${path}': it leads through a symlink to ${target}, outside the repository. Nothing was written.`,
      {
        code: 'symlink-outside-repo',
        fix: `point the symlink at a file inside the repository (or replace it with the file itself), or change the path in shipwright.config.json`,
      },
    );
  }
  return { full: join(realRoot, rel), path: rel.split(sep).join('/') };
}

export async function applyWriteFile(step: WriteFileStep, context: StepEnvironment): Promise<StepResult> {
  const { full } = await repoPath(context.root, step.path);
  const mode =
    step.mode ??
    (await stat(full).then(
      (stats) => stats.mode & 0o777,
      () => undefined,
    ));
  await writeAtomically(full, step.content, mode);
  return {};
}
