// Finding the project's own lint-staged the way Node would from its root.
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { projectLintStaged, resolveProjectPackage } from '../../src/app/project-tools.js';
import { PROJECT_ROOT } from '../helpers/hooked-repo.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-tools-'));
  dirs.push(dir);
  await writeFile(join(dir, 'package.json'), '{ "name": "app" }\n');
  await mkdir(join(dir, 'node_modules'));
  return dir;
}

describe('projectLintStaged', () => {
  it("uses the project's installed lint-staged (ESM with exports), found from its root", async () => {
    const dir = await project();
    await symlink(join(PROJECT_ROOT, 'node_modules', 'lint-staged'), join(dir, 'node_modules', 'lint-staged'), 'dir');
    const found = projectLintStaged(dir);
    expect(found?.version).toMatch(/^16\./);
    expect(found?.entry).toMatch(/lint-staged\/lib\/index\.js$/);
    const { default: lintStaged } = (await import(found?.entry ?? '')) as { default: unknown };
    expect(typeof lintStaged).toBe('function');
  });

  it('none installed, or one older than the API it calls: null (shipwright runs its own)', async () => {
    expect(projectLintStaged(await project())).toBeNull();
    // (Node caches what it did not find per folder, so the old one goes into another project.)
    const dir = await project();
    // lint-staged 11's layout: CommonJS, "main", no exports.
    await mkdir(join(dir, 'node_modules', 'lint-staged', 'lib'), { recursive: true });
    await writeFile(
      join(dir, 'node_modules', 'lint-staged', 'package.json'),
      '{ "name": "lint-staged", "version": "11.2.6", "main": "./lib/index.js" }\n',
    );
    await writeFile(join(dir, 'node_modules', 'lint-staged', 'lib', 'index.js'), 'module.exports = () => true;\n');
    expect(resolveProjectPackage(dir, 'lint-staged')?.version).toBe('11.2.6');
    expect(projectLintStaged(dir)).toBeNull();
  });
});
