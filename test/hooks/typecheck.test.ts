// `shipwright hook typecheck`: the project's tsc, run once from its own node_modules, exit code
// passed through; a project without TypeScript is told how to install it.
import { mkdir, symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

async function typescriptProject(source: string): Promise<TempRepo> {
  repo = await createTempRepo();
  await repo.write('tsconfig.json', '{ "compilerOptions": { "strict": true, "noEmit": true }, "include": ["src"] }\n');
  await repo.write('src/index.ts', source);
  await mkdir(join(repo.dir, 'node_modules'), { recursive: true });
  await symlink(resolve('node_modules/typescript'), join(repo.dir, 'node_modules', 'typescript'));
  return repo;
}

describe('shipwright hook typecheck', () => {
  it('passes a project that type-checks, ignoring the file names lint-staged appends', async () => {
    const project = await typescriptProject('export const answer: number = 42;\n');
    const result = await runShipwright(['hook', 'typecheck', 'src/index.ts'], { cwd: project.dir });
    expect(result.code, result.stderr).toBe(0);
  });

  it("fails with tsc's exit code on a type error", async () => {
    const project = await typescriptProject('export const answer: number = "forty-two";\n');
    const result = await runShipwright(['hook', 'typecheck'], { cwd: project.dir });
    expect(result.code).not.toBe(0);
  });

  it('names the fix when TypeScript is not installed', async () => {
    repo = await createTempRepo();
    const result = await runShipwright(['hook', 'typecheck'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('fix: npm install -D typescript');
  });
});
