// A package in a subfolder (no root package.json), shipwright installed by name from the run's
// local registry: its tools run from its folder and a type error there is refused. Needs `npm run build`.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRegistryWork } from '../helpers/shared-registry.js';
import { RECORDER, ranLines, writeFiles, type DoctorJson } from './support/install-by-name.js';

const work = useRegistryWork('shape-subfolder', { managers: true });

describe('shipwright from a registry, on other shapes of repository', () => {
  it('a package in a subfolder (no root package.json): its tools run from its folder, a type error there is refused', async () => {
    const dir = join(work().dir, 'shape-subfolder');
    const app = join(dir, 'packages', 'app');
    await mkdir(app, { recursive: true });
    await writeFiles(app, {
      'package.json': `${JSON.stringify({ name: 'app', version: '1.0.0', private: true }, null, 2)}\n`,
      'tsconfig.json': `${JSON.stringify({ compilerOptions: { strict: true, noEmit: true }, include: ['src'] })}\n`,
      'src/index.ts': 'export const answer: number = 42;\n',
      '.lintstagedrc.json': `${JSON.stringify({ '*.ts': 'node record.mjs lint' }, null, 2)}\n`,
      'record.mjs': RECORDER,
    });
    expect((await work().run('git', ['init', '-q', '--initial-branch=main'], dir)).code).toBe(0);
    const installed = await work().run('npm', ['install', '--save-dev', 'shipwright', 'typescript'], app);
    expect(installed.code, installed.output).toBe(0);
    const bin = join(app, 'node_modules', '.bin', 'shipwright');

    const init = await work().run(bin, ['init', '--yes'], app);
    expect(init.code, init.output).toBe(0);
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    expect(existsSync(join(dir, '.husky', '_', 'h'))).toBe(true);
    expect(JSON.parse(await readFile(join(app, '.lintstagedrc.json'), 'utf8'))).toEqual({
      '*.ts': 'node record.mjs lint',
      '*.{ts,tsx,mts,cts}': 'shipwright hook typecheck',
    });

    await writeFile(join(app, 'src', 'index.ts'), "export const answer: number = 'forty-two';\n");
    expect((await work().run('git', ['add', '-A'], dir)).code).toBe(0);
    const typeError = await work().run('git', ['commit', '-m', 'feat: answer in words'], dir);
    expect(typeError.code, typeError.output).not.toBe(0);
    expect(typeError.output).toContain('TS2322');
    await writeFile(join(app, 'src', 'index.ts'), 'export const answer: number = 42;\n');
    expect((await work().run('git', ['add', '-A'], dir)).code).toBe(0);
    const refused = await work().run('git', ['commit', '-m', 'added stuff'], dir);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('shipwright: ');
    const landed = await work().run('git', ['commit', '-m', 'feat: start the app'], dir);
    expect(landed.code, landed.output).toBe(0);
    // Three commit attempts, the task once each (on src/index.ts and the commitlint.config.ts init
    // wrote), always in the package's folder.
    expect(await ranLines(dir, 'lint')).toEqual([`${app} 2`, `${app} 2`, `${app} 2`]);

    const doctor = JSON.parse((await work().run(bin, ['doctor', '--json'], app)).output) as DoctorJson;
    expect(doctor.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect(doctor.checks.find((check) => check.id === 'local-binary')?.summary).toBe(
      'the hooks run packages/app/node_modules/.bin/shipwright',
    );
    expect((await work().run(bin, ['init', '--yes'], app)).output).toContain('nothing to do');
  }, 600_000);
});
