// What the `shipwright init` tests share: hooked repositories removed after each test, files read
// back, hook commands that leave a trace, doctor's JSON, and the "a second init is a no-op" check.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, expect } from 'vitest';
import { createHookedRepo, type HookedRepo, type HookedRepoOptions } from './hooked-repo.js';

/**
 * Call once at the top of a test file: returns createHookedRepo whose repositories are removed
 * after each test. `defaults` go under every call's options.
 */
export function useHookedRepos(defaults: HookedRepoOptions = {}): (options?: HookedRepoOptions) => Promise<HookedRepo> {
  const repos: HookedRepo[] = [];
  afterEach(async () => {
    await Promise.all(repos.splice(0).map((repo) => repo.remove()));
  });
  return async (options = {}) => {
    const repo = await createHookedRepo({ ...defaults, ...options });
    repos.push(repo);
    return repo;
  };
}

export const readRepoText = (repo: HookedRepo, path: string): Promise<string> => readFile(join(repo.dir, path), 'utf8');

/** A shell command (for a hook or an npm script) that appends a line to .git/FILE: proof it ran, and how often. */
export const recordRun = (file: string): string => `node -e "require('fs').appendFileSync('.git/${file}', 'x\\n')"`;

/** count.mjs: a lint-staged task that appends how many files it got to .git/lint-ran, to count its runs. */
export const COUNT_TASK =
  "import { appendFileSync } from 'node:fs';\nappendFileSync('.git/lint-ran', `${process.argv.length - 2}\\n`);\n";

export interface DoctorJson {
  ok: boolean;
  checks: { id: string; status: string; summary: string; fix?: string }[];
}

export const readDoctor = async (repo: HookedRepo, env: Record<string, string> = {}): Promise<DoctorJson> =>
  JSON.parse((await repo.shipwright(['doctor', '--json'], { env })).stdout) as DoctorJson;

export const doctorCheck = (report: DoctorJson, id: string): DoctorJson['checks'][number] | undefined =>
  report.checks.find((item) => item.id === id);

/** `shipwright init ARGS` once more: it says there is nothing to do and changes no file. */
export async function expectSecondInitNoop(
  repo: HookedRepo,
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<void> {
  const before = await repo.snapshot();
  const again = await repo.shipwright(['init', ...(options.args ?? ['--yes', '--no-install'])], {
    env: options.env ?? {},
  });
  expect(again.code, again.stderr).toBe(0);
  expect(again.stdout).toContain('nothing to do');
  expect((await repo.snapshot()).files).toEqual(before.files);
}
