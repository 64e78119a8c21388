// write-file: atomic write (temp file + rename) inside the repository; undo restores the bytes.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { environmentError } from '../../core/errors.js';
import type { WriteFileStep } from '../../core/plan/plan.js';
import type { StepEnvironment, Undo } from './step-handler.js';

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

/** The outermost missing folder above `full`, which writing it would create (null if none). */
function firstMissingFolder(root: string, full: string): string | null {
  let missing: string | null = null;
  for (let dir = dirname(full); dir.length > root.length && !existsSync(dir); dir = dirname(dir)) missing = dir;
  return missing;
}

/** Snapshot of a file (or its absence, and the folders writing it creates) that can be put back exactly. */
export async function snapshotFile(full: string, label: string, root = dirname(full)): Promise<Undo> {
  const before = await readFile(full).catch(() => null);
  const mode = before === null ? undefined : (await stat(full)).mode & 0o777;
  const createdFolder = before === null ? firstMissingFolder(root, full) : null;
  return {
    label,
    run: async () => {
      if (before !== null) return writeAtomically(full, before, mode);
      await rm(full, { force: true });
      if (createdFolder) await rm(createdFolder, { recursive: true, force: true });
    },
  };
}

export async function applyWriteFile(step: WriteFileStep, context: StepEnvironment): Promise<Undo> {
  const full = insideRoot(context.root, step.path);
  const undo = await snapshotFile(full, step.path, context.root);
  await writeAtomically(full, step.content, step.mode);
  return undo;
}
