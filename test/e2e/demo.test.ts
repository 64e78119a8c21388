// `npm run demo` without a terminal must not hang: it makes the repository, prints where it is,
// how to remove it and the status report, and exits 0. The repository is what the README promises.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/demo-repo.mjs';
import { ensureBuiltCli } from './support/built-cli.js';

interface DemoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the demo script with pipes for stdin and stdout, killing it if it outlives `timeoutMs`. */
function runDemo(timeoutMs: number): Promise<DemoRun> {
  return new Promise((resolve, reject) => {
    const { CI: _ci, ...env } = process.env;
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'demo.mjs')], {
      cwd: PROJECT_ROOT,
      env: { ...env, SHIPWRIGHT_DEMO_NO_BUILD: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`npm run demo did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

let run: DemoRun;
let root: string | undefined;
let repo: string;
const git = (...args: string[]) =>
  spawnSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
const read = (...args: string[]) => git(...args).stdout.trim();

beforeAll(async () => {
  await ensureBuiltCli();
  run = await runDemo(90_000);
  root = run.stdout.match(/rm -rf '([^']+)'/)?.[1];
  repo = join(root ?? '/nonexistent', 'repo');
}, 120_000);

afterAll(() => {
  if (root?.includes('shipwright-demo-')) rmSync(root, { recursive: true, force: true });
});

describe('npm run demo without a terminal', () => {
  it('prints where the repository is, how to remove it, and the status; exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(root).toMatch(/shipwright-demo-/);
    expect(run.stdout).toContain(`Demo repository: ${repo}`);
    expect(run.stdout).toContain('No terminal here, so instead of the TUI: shipwright status');
    expect(run.stdout).toContain('on dev (gitflow: feature → dev → release → main)');
    expect(run.stdout).toMatch(/Next version\s+1\.3\.0/);
  });
});

describe('the demo repository', () => {
  it('has about 60 commits with fixed dates and identity, and ends on dev with a clean tree', () => {
    const count = Number(read('rev-list', '--all', '--count'));
    expect(count).toBeGreaterThanOrEqual(55);
    expect(count).toBeLessThanOrEqual(70);
    expect(read('rev-parse', '--abbrev-ref', 'HEAD')).toBe('dev');
    expect(read('status', '--porcelain')).toBe('');
    expect(new Set(read('log', '--all', '--format=%an <%ae>|%cn <%ce>').split('\n'))).toEqual(
      new Set(['Grace Hopper <grace@example.com>|Grace Hopper <grace@example.com>']),
    );
    expect(read('log', '-1', '--format=%ad', '--date=iso-strict', 'v1.0.0')).toMatch(/^2024-03-/);
  });

  it('has main, dev, an open release/1.3.0 and a feature in progress; merged topics are gone', () => {
    expect(read('for-each-ref', '--format=%(refname:short)', 'refs/heads').split('\n').sort()).toEqual([
      'dev',
      'feature/27-audit-log',
      'main',
      'release/1.3.0',
    ]);
    expect(read('log', '--merges', '--format=%s', 'dev')).toContain("Merge branch 'feature/7-search' into dev");
    // release/1.3.0 was cut from dev and has a stabilising fix of its own.
    expect(git('merge-base', '--is-ancestor', 'release/1.3.0', 'dev').status).toBe(1);
    expect(read('log', '--format=%s', 'dev..release/1.3.0')).toBe('fix(api): retry webhook deliveries that time out');
  });

  it('has annotated release tags on main with release commits and a CHANGELOG written by shipwright', () => {
    expect(read('tag', '--list').split('\n')).toEqual(['v1.0.0', 'v1.1.0', 'v1.2.0']);
    for (const version of ['1.0.0', '1.1.0', '1.2.0']) {
      expect(read('cat-file', '-t', `v${version}`)).toBe('tag');
      expect(git('merge-base', '--is-ancestor', `v${version}`, 'main').status).toBe(0);
      expect(read('log', '--format=%s', 'main')).toContain(`chore(release): v${version}`);
    }
    const changelog = read('show', 'v1.2.0:CHANGELOG.md');
    expect(changelog).toContain('## [1.2.0](https://github.com/acme/taskboard/compare/v1.1.0...v1.2.0) (2024-03-');
    expect(changelog).toContain('## 1.0.0 (2024-03-');
    expect(changelog).toContain('(https://github.com/acme/taskboard/commit/');
    expect(JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'))).toMatchObject({
      version: '1.2.0',
      repository: { url: 'git+https://github.com/acme/taskboard.git' },
    });
  });

  it('has a hotfix on main that dev does not have, and unreleased work on dev', () => {
    expect(read('log', '--no-merges', '--format=%s', 'dev..main')).toBe('fix(export): keep leading zeros in CSV cells');
    const unreleased = read('log', '--no-merges', '--format=%s', 'v1.2.0..dev');
    for (const type of ['feat(', 'fix(', 'perf(']) expect(unreleased).toContain(type);
  });

  it('has a bare origin with every branch and tag', () => {
    const url = read('config', 'remote.origin.url');
    expect(url).toBe(`file://${join(root ?? '', 'origin.git')}`);
    const remote = read('ls-remote', '--heads', '--tags', 'origin');
    for (const ref of ['refs/heads/main', 'refs/heads/dev', 'refs/heads/release/1.3.0', 'refs/tags/v1.2.0'])
      expect(remote).toContain(ref);
    expect(read('rev-parse', 'dev')).toBe(read('rev-parse', 'origin/dev'));
  });

  it('is set up by shipwright init, with hooks that work offline', () => {
    expect(read('log', '-1', '--format=%s', 'dev')).toBe(
      'chore: set up shipwright hooks, commit rules and lint-staged',
    );
    expect(read('config', 'core.hooksPath')).toBe('.husky/_');
    expect(read('check-ignore', 'node_modules/.bin/shipwright')).toBe('node_modules/.bin/shipwright');
    // dev is protected: the pre-commit hook refuses a direct commit, through the linked shipwright.
    const onDev = git('commit', '--allow-empty', '-m', 'docs: straight onto dev');
    expect(onDev.status).toBe(1);
    expect(onDev.stderr).toContain('direct commits on dev are not allowed');
  });
});
