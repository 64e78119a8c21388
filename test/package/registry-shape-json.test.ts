// A JSON lint-staged config and husky 9 hooks, shipwright installed by name from the run's local
// registry: init merges per tool and each task runs once per commit. Needs `npm run build`.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRegistryWork } from '../helpers/shared-registry.js';
import { RECORDER, ranLines, writeFiles, type DoctorJson } from './support/install-by-name.js';

const work = useRegistryWork('shape-json', { managers: true });

describe('shipwright from a registry, on other shapes of repository', () => {
  it('a JSON lint-staged config and husky 9 hooks: merged per tool, each task runs once per commit', async () => {
    const dir = join(work().dir, 'shape-json');
    await mkdir(dir);
    await writeFiles(dir, {
      'package.json': `${JSON.stringify({ name: 'shape-json', version: '1.0.0', scripts: { prepare: 'husky' } }, null, 2)}\n`,
      '.lintstagedrc.json': `${JSON.stringify({ '*.js': 'node record.mjs lint' }, null, 2)}\n`,
      'record.mjs': RECORDER,
      '.husky/pre-commit': 'npx lint-staged\n',
      'index.js': 'console.log("hello");\n',
    });
    expect((await work().run('git', ['init', '-q', '--initial-branch=main'], dir)).code).toBe(0);
    const installed = await work().run('npm', ['install', '--save-dev', 'shipwright', 'husky'], dir);
    expect(installed.code, installed.output).toBe(0);
    const bin = join(dir, 'node_modules', '.bin', 'shipwright');

    const dry = await work().run(bin, ['init', '--dry-run'], dir);
    expect(dry.code, dry.output).toBe(0);
    expect(dry.output).toContain('- npx lint-staged   (replaced: by `shipwright hook pre-commit`');
    expect(dry.output).toMatch(/\+ devDependencies\.lint-staged: "\^/);
    const init = await work().run(bin, ['init', '--yes'], dir);
    expect(init.code, init.output).toBe(0);
    expect(JSON.parse(await readFile(join(dir, '.lintstagedrc.json'), 'utf8'))).toEqual({
      '*.js': 'node record.mjs lint',
    });

    expect((await work().run('git', ['add', '-A'], dir)).code).toBe(0);
    const refused = await work().run('git', ['commit', '-m', 'added stuff'], dir);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('shipwright: ');
    const landed = await work().run('git', ['commit', '-m', 'feat: start'], dir);
    expect(landed.code, landed.output).toBe(0);
    // Once per commit attempt (the refused one included: pre-commit runs before the message check).
    expect(await ranLines(dir, 'lint')).toHaveLength(2);

    const doctor = JSON.parse((await work().run(bin, ['doctor', '--json'], dir)).output) as DoctorJson;
    expect(doctor.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect((await work().run(bin, ['init', '--yes'], dir)).output).toContain('nothing to do');
  }, 600_000);
});
