// Installing shipwright by name into projects whose hooks came from elsewhere, as those teams would:
// a husky 6 project (real husky 6 from the registry, `husky install` in prepare, lint-staged's own
// repository's hook shape) and a project with its own committed core.hooksPath (.githooks). The
// packed package is published to a local verdaccio on 127.0.0.1 (proxying the rest to the
// configured registry). Afterwards a bad message is refused by shipwright, a good commit lands,
// each lint-staged task runs once, the team's commands still run, a second init is a no-op and
// doctor agrees. Needs `npm run build`.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBareRemote, isolatedGitEnv, PROJECT_ROOT } from '../helpers/hooked-repo.js';
import { startVerdaccio, type Verdaccio } from '../helpers/verdaccio.js';

const own = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

let registry: Verdaccio;
let work: string;
let env: Record<string, string>;

const run = async (command: string, args: string[], cwd: string) => {
  const result = await execa(command, args, { cwd, env, extendEnv: false, reject: false, stdin: 'ignore', all: true });
  return { code: result.exitCode ?? -1, output: String(result.all ?? '') };
};
const must = async (command: string, args: string[], cwd: string) => {
  const result = await run(command, args, cwd);
  expect(result.code, `${command} ${args.join(' ')}\n${result.output}`).toBe(0);
  return result.output;
};

beforeAll(async () => {
  registry = await startVerdaccio({ upstream: true, localOnly: ['shipwright'] });
  work = await mkdtemp(join(tmpdir(), 'shipwright-adopt-'));
  const home = join(work, 'home');
  await mkdir(home);
  env = { ...isolatedGitEnv(home), ...registry.env };
  await must('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], PROJECT_ROOT);
  await must('npm', ['publish', join(work, `shipwright-${own.version}.tgz`), '--ignore-scripts'], work);
}, 180_000);

afterAll(async () => {
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const record = (file: string) => `node -e "require('fs').appendFileSync('.git/${file}', 'x\\n')"`;
const COUNT =
  "import { appendFileSync } from 'node:fs';\nappendFileSync('.git/lint-ran', `${process.argv.length - 2}\\n`);\n";

async function project(name: string, pkg: Record<string, unknown>, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir);
  await writeFile(join(dir, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', ...pkg }, null, 2)}\n`);
  for (const [path, text] of Object.entries({ ...files, 'count.mjs': COUNT, '.gitignore': 'node_modules/\n' })) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
    if (/^\.(husky|githooks)\/[a-z-]+$/.test(path)) await chmod(join(dir, path), 0o755);
  }
  await must('git', ['init', '-q', '--initial-branch=main'], dir);
  return dir;
}

/** The checks every shape must pass once shipwright is installed and init ran. */
async function hooksWork(dir: string, teamMarks: string[]): Promise<void> {
  const bin = join(dir, 'node_modules', '.bin', 'shipwright');
  await writeFile(join(dir, 'notes.txt'), 'one\n');
  await must('git', ['add', '-A'], dir);
  const refused = await run('git', ['commit', '-m', 'added stuff'], dir);
  expect(refused.code, refused.output).not.toBe(0);
  expect(refused.output).toContain('shipwright: ');
  expect(refused.output).toMatch(/type-empty|subject-empty/);
  const landed = await run('git', ['commit', '-m', 'feat: start the app'], dir);
  expect(landed.code, landed.output).toBe(0);
  expect(landed.output).not.toContain('DEPRECATED');
  expect((await must('git', ['log', '-1', '--format=%s'], dir)).trim()).toBe('feat: start the app');
  // One lint-staged run per commit attempt, each task on the one staged .txt file.
  expect(await readFile(join(dir, '.git', 'lint-ran'), 'utf8')).toBe('1\n1\n');

  const remote = await createBareRemote();
  try {
    await must('git', ['remote', 'add', 'origin', remote.url], dir);
    await must('git', ['push', '-q', 'origin', 'main'], dir);
  } finally {
    await remote.remove();
  }
  for (const mark of teamMarks) expect(existsSync(join(dir, '.git', mark)), `${mark} ran`).toBe(true);

  const doctor = await run(bin, ['doctor'], dir);
  expect(doctor.code, doctor.output).toBe(0);
  const again = await run(bin, ['init', '--yes'], dir);
  expect(again.code, again.output).toBe(0);
  expect(again.output).toContain('nothing to do');
}

describe('shipwright installed by name into an adopted setup', () => {
  it('a husky 6 project: init moves it to husky 9 and its own hook commands keep running', async () => {
    const dir = await project(
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
    await must('npm', ['install'], dir);
    expect((await must('git', ['config', 'core.hooksPath'], dir)).trim()).toBe('.husky');
    expect(existsSync(join(dir, '.husky', '_', 'husky.sh'))).toBe(true);
    await must('npm', ['install', '--save-dev', 'shipwright'], dir);

    const bin = join(dir, 'node_modules', '.bin', 'shipwright');
    const dry = await must(bin, ['init', '--dry-run'], dir);
    expect(dry).toContain('~ devDependencies.husky: 6.0.0 → ^9');
    expect(dry).toContain('~ scripts.prepare: husky install → husky');
    expect(dry).toContain('- npx lint-staged   (replaced: by `shipwright hook pre-commit`');
    expect(dry).toContain('= npm test   (kept: your command; it still runs)');
    const init = await must(bin, ['init', '--yes'], dir);
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
    expect((await must('git', ['config', 'core.hooksPath'], dir)).trim()).toBe('.husky/_');

    await hooksWork(dir, ['own-ran', 'tests-ran']);
  }, 600_000);

  it('a project with its own core.hooksPath: init chains the team’s hooks', async () => {
    const dir = await project(
      'githooks',
      {},
      {
        '.githooks/pre-commit': `#!/bin/sh\n${record('team-pre-commit-ran')}\n`,
        '.githooks/pre-push': `#!/bin/sh\ncat > .git/team-push-stdin\n${record('team-pre-push-ran')}\n`,
        '.lintstagedrc.json': '{ "*.txt": "node count.mjs" }\n',
      },
    );
    await must('git', ['config', 'core.hooksPath', '.githooks'], dir);
    await must('git', ['add', '.githooks'], dir);
    await must('npm', ['install', '--save-dev', 'shipwright'], dir);
    const bin = join(dir, 'node_modules', '.bin', 'shipwright');
    const dry = await must(bin, ['init', '--dry-run'], dir);
    expect(dry).toContain('+ ./.githooks/pre-push "$@"   (added: runs your .githooks/pre-push first');
    expect(dry).toContain('(was .githooks; the hooks of .githooks run first from .husky/pre-commit, .husky/pre-push)');
    await must(bin, ['init', '--yes'], dir);

    await hooksWork(dir, ['team-pre-commit-ran', 'team-pre-push-ran']);
    expect(await readFile(join(dir, '.git', 'team-push-stdin'), 'utf8')).toMatch(/^refs\/heads\/main [0-9a-f]{40} /);
    const doctor = await must(bin, ['doctor'], dir);
    expect(doctor).toContain('.husky/pre-push runs your .githooks/pre-push first (chained by shipwright init)');
  }, 600_000);
});
