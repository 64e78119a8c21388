// No package.json (Python): init and the hooks run through `npx --yes shipwright@RANGE` from the
// run's local registry. Needs `npm run build`.
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRegistryWork } from '../helpers/shared-registry.js';
import { writeFiles, type DoctorJson } from './support/install-by-name.js';

const work = useRegistryWork('shape-python', { managers: true });

describe('shipwright from a registry, on other shapes of repository', () => {
  it('no package.json (Python): init and the hooks run through npx --yes shipwright@RANGE', async () => {
    const dir = join(work().dir, 'shape-python');
    await mkdir(dir);
    await writeFiles(dir, {
      'pyproject.toml': '[project]\nname = "tool"\nversion = "0.1.0"\n',
      'src/tool/__init__.py': '__version__ = "0.1.0"\n',
    });
    expect((await work().run('git', ['init', '-q', '--initial-branch=main'], dir)).code).toBe(0);
    // npx keeps what it fetches in npm's cache: the run's (work().env), warm from the other files.
    const spec = `shipwright@${work().version}`;
    const init = await work().run('npx', ['--yes', spec, 'init', '--yes'], dir);
    expect(init.code, init.output).toBe(0);
    expect(existsSync(join(dir, 'package.json'))).toBe(false);
    expect(existsSync(join(dir, 'node_modules'))).toBe(false);
    expect(await readFile(join(dir, '.husky', 'commit-msg'), 'utf8')).toContain(
      `npx --yes 'shipwright@^${work().version}'`,
    );

    expect((await work().run('git', ['add', '-A'], dir)).code).toBe(0);
    const refused = await work().run('git', ['commit', '-m', 'added stuff'], dir);
    expect(refused.code, refused.output).not.toBe(0);
    expect(refused.output).toContain('shipwright: ');
    const landed = await work().run('git', ['commit', '-m', 'feat: first version'], dir);
    expect(landed.code, landed.output).toBe(0);

    const doctor = JSON.parse((await work().run('npx', ['--yes', spec, 'doctor', '--json'], dir)).output) as DoctorJson;
    expect(doctor.checks.filter((check) => check.status === 'fail')).toEqual([]);
    expect(doctor.checks.find((check) => check.id === 'local-binary')?.summary).toContain(
      `the hooks run npx --yes shipwright@^${work().version}`,
    );
    expect((await work().run('npx', ['--yes', spec, 'init', '--yes'], dir)).output).toContain('nothing to do');
  }, 600_000);
});
