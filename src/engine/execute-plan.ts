// The engine: the only code that writes to a repository. Runs a Plan step by step and, if a
// step fails, puts back what the earlier steps changed before reporting the failure.
import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { environmentError } from '../core/errors.js';
import type { Plan, PlanStep } from '../core/plan/plan.js';

export type EngineEvent =
  | { type: 'step-started'; index: number; step: PlanStep }
  | { type: 'step-done'; index: number; step: PlanStep }
  | { type: 'step-failed'; index: number; step: PlanStep; error: string }
  | { type: 'rolled-back'; restored: string[] };

export interface ExecuteOptions {
  onEvent?: (event: EngineEvent) => void;
}

interface Undo {
  label: string;
  run: () => Promise<void>;
}

function insideRoot(root: string, path: string): string {
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (rel.startsWith('..') || rel.split(sep).includes('..') || resolve(full) === resolve(root)) {
    throw environmentError(`Refusing to write '${path}': it is outside the repository.`, { code: 'path-outside-repo', fix: 'use a path inside the repository in shipwright.config.json' });
  }
  return full;
}

/** Write to a temporary file beside the target, then rename: readers never see half a file. */
async function writeAtomically(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${randomBytes(6).toString('hex')}.shipwright.tmp`);
  await writeFile(temp, content);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function applyStep(root: string, step: PlanStep): Promise<Undo> {
  switch (step.kind) {
    case 'write-file': {
      const full = insideRoot(root, step.path);
      const before = await readFile(full).catch(() => null);
      await writeAtomically(full, step.content);
      return {
        label: step.path,
        run: () => (before === null ? rm(full, { force: true }) : writeAtomically(full, before.toString('utf8'))),
      };
    }
  }
}

export async function executePlan(root: string, plan: Plan, options: ExecuteOptions = {}): Promise<void> {
  const emit = options.onEvent ?? (() => undefined);
  const done: Undo[] = [];
  for (const [index, step] of plan.steps.entries()) {
    emit({ type: 'step-started', index, step });
    try {
      done.push(await applyStep(root, step));
      emit({ type: 'step-done', index, step });
    } catch (error) {
      emit({ type: 'step-failed', index, step, error: (error as Error).message });
      const restored: string[] = [];
      const undoFailures: string[] = [];
      for (const undo of done.reverse()) {
        try {
          await undo.run();
          restored.push(undo.label);
        } catch (undoError) {
          undoFailures.push(`${undo.label}: ${(undoError as Error).message}`);
        }
      }
      emit({ type: 'rolled-back', restored });
      throw environmentError(
        `${step.description} failed: ${(error as Error).message}${restored.length ? `\nRestored: ${restored.join(', ')}.` : ''}${undoFailures.length ? `\nCould not restore: ${undoFailures.join('; ')}` : ''}`,
        { code: 'step-failed', fix: 'fix the cause above (permissions, disk space) and run the command again', cause: error },
      );
    }
  }
}
