// A husky 6 project (real husky 6 from the registry, `husky install` in prepare, lint-staged's own
// repository's hook shape) installs shipwright by name: init moves it to husky 9 and the team's hook
// commands keep running. Checks shared with registry-adopt-githooks: support/adopt.ts.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRegistryWork } from '../helpers/shared-registry.js';
import { hooksWork, must, project, record } from './support/adopt.js';

const work = useRegistryWork('adopt-husky6');

describe('shipwright installed by name into an adopted setup', () => {
  it('a husky 6 project: init moves it to husky 9 and its own hook commands keep running', async () => {
    const dir = await project(
      work(),
      'husky6',
      {
        scripts: { prepare: 'husky install', test: record('tests-ran') },
        devDependencies: { husky: '6.0.0' },
      },
      {
        '.husky/.gitignore': '_\n',
        '.husky/pre-commit': `#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\nnpx lint-staged\n${record('own-ran')}\n`,
        '.husky/pre-push': '#!/bin/sh\n. "$(dirname "$0")/_/husky.sh"\n\nnpm test\n',
        '.lintstagedrc.json': '{ "*.txt": "node count.mjs" }\n',
      },
    );
    // husky 6 as the team has it: its prepare pointed core.hooksPath at .husky.
    await must(work(), 'npm', ['install'], dir);
    expect((await must(work(), 'git', ['config', 'core.hooksPath'], dir)).trim()).toBe('.husky');
    expect(existsSync(join(dir, '.husky', '_', 'husky.sh'))).toBe(true);
    await must(work(), 'npm', ['install', '--save-dev', 'shipwright'], dir);

    const bin = join(dir, 'node_modules', '.bin', 'shipwright');
    const dry = await must(work(), bin, ['init', '--dry-run'], dir);
    expect(dry).toContain('~ devDependencies.husky: 6.0.0 → ^9');
    expect(dry).toContain('~ scripts.prepare: husky install → husky');
    expect(dry).toContain('- npx lint-staged   (replaced: by `shipwright hook pre-commit`');
    expect(dry).toContain('= npm test   (kept: your command; it still runs)');
    const init = await must(work(), bin, ['init', '--yes'], dir);
    expect(init).toContain('npm install');
    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.prepare).toBe('husky');
    expect(pkg.devDependencies.husky).toMatch(/^\^9\./);
    const installed = JSON.parse(await readFile(join(dir, 'node_modules', 'husky', 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(installed.version).toMatch(/^9\./);
    expect((await must(work(), 'git', ['config', 'core.hooksPath'], dir)).trim()).toBe('.husky/_');

    await hooksWork(work(), dir, ['own-ran', 'tests-ran']);
  }, 600_000);
});
