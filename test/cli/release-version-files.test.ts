// `shipwright release` with version files beyond package.json (a JSON path, a regex), on real
// repositories with a real bare remote: planned, written, and refused before any write.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createReleaseRepo, type ReleaseRepo } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const repos: ReleaseRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((entry) => entry.remove()));
});

const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const release = (dir: string, ...args: string[]) => runShipwright(['release', ...args], { cwd: dir, env: ENV });

const VERSION_TS = "// the version shown by --version\nexport const VERSION = '0.1.0';\n";
const MANIFEST = '{\n\t"name": "demo",\n\t"app": { "version": "0.1.0" }\n}\n';

/** A released v0.1.0 with a feature since, whose config lists the given version files (committed and pushed). */
async function releaseRepo(versionFiles: unknown[], files: Record<string, string>): Promise<ReleaseRepo> {
  const entry = await createReleaseRepo({ config: { versionFiles } });
  repos.push(entry);
  for (const [path, content] of Object.entries(files)) await entry.repo.write(path, content);
  await entry.repo.git('add', '.');
  await entry.repo.commit('chore: version files', { allowEmpty: true });
  await entry.repo.git('push', '-q');
  return entry;
}

const SPECS = [
  'package.json',
  { path: 'app/manifest.json', jsonPath: 'app.version' },
  { path: 'src/version.ts', pattern: "^export const VERSION = '([^']*)'" },
];

describe('shipwright release: version files by JSON path and by regex', () => {
  it('--dry-run plans one write per file and writes nothing; the release then bumps each', async () => {
    const { repo } = await releaseRepo(SPECS, { 'app/manifest.json': MANIFEST, 'src/version.ts': VERSION_TS });
    const before = await snapshotRepo(repo);
    const dry = await release(repo.dir, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('set version 0.2.0 in package.json');
    expect(dry.stdout).toContain('set version 0.2.0 in app/manifest.json');
    expect(dry.stdout).toContain('set version 0.2.0 in src/version.ts');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(await snapshotRepo(repo)).toEqual(before);

    const result = await release(repo.dir, '--yes', '--no-push');
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(join(repo.dir, 'src/version.ts'), 'utf8')).toBe(VERSION_TS.replace("'0.1.0'", "'0.2.0'"));
    expect(JSON.parse(await readFile(join(repo.dir, 'app/manifest.json'), 'utf8'))).toEqual({
      name: 'demo',
      app: { version: '0.2.0' },
    });
    expect(await repo.git('show', '--name-only', '--format=', 'HEAD')).toBe(
      ['CHANGELOG.md', 'app/manifest.json', 'package.json', 'src/version.ts'].join('\n'),
    );
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('a regex that matches nothing refuses the release (exit 1) before anything is written', async () => {
    const entry = await releaseRepo(SPECS, {
      'app/manifest.json': MANIFEST,
      'src/version.ts': 'export const version = "0.1.0";\n',
    });
    const before = await snapshotRepo(entry.repo);
    for (const args of [['--dry-run'], ['--yes']]) {
      const result = await release(entry.repo.dir, ...args);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(
        `The pattern "^export const VERSION = '([^']*)'" matches nothing in src/version.ts`,
      );
      expect(result.stderr).toMatch(/correct the pattern for src\/version\.ts in versionFiles/);
    }
    expect(await snapshotRepo(entry.repo)).toEqual(before);
  });

  it('a JSON path that is not there refuses the release, naming the file and the path', async () => {
    const entry = await releaseRepo(SPECS, {
      'app/manifest.json': '{ "name": "demo" }\n',
      'src/version.ts': VERSION_TS,
    });
    const result = await release(entry.repo.dir, '--yes');
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('app/manifest.json has nothing at jsonPath "app.version"');
  });

  it('a catastrophic pattern is refused within the deadline, naming it, before anything is written', async () => {
    const pattern = '^version = ((a+)+)$';
    const entry = await releaseRepo(['package.json', { path: 'VERSION.txt', pattern }], {
      'VERSION.txt': `version = ${'a'.repeat(40)}!\n`,
    });
    const before = await snapshotRepo(entry.repo);
    for (const args of [['--dry-run'], ['--yes', '--no-push']]) {
      const result = await release(entry.repo.dir, ...args);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain(`The pattern "^version = ((a+)+)$" for VERSION.txt did not finish within 2 s`);
      expect(result.stderr).toContain('fix: rewrite the pattern for VERSION.txt in versionFiles');
      expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    }
    expect(await snapshotRepo(entry.repo)).toEqual(before);
  });

  it('a non-JSON path is refused when the config loads, naming the forms to write instead', async () => {
    const entry = await releaseRepo(['package.json', 'src/version.ts'], { 'src/version.ts': VERSION_TS });
    const result = await release(entry.repo.dir, '--dry-run');
    expect(result.code).toBe(2); // a config problem is a usage error (CLI.md: 2 usage or config error)
    expect(result.stderr).toContain('versionFiles[1]: expected a .json path, { "path": "src/version.ts", "pattern":');
  });
});
