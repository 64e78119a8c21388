// Commands printed for pasting, with branch names, paths and arguments an attacker chose: each is
// pasted into `sh -c` as printed, in a real repository, and must do exactly what it says while the
// command substitution, backticks or `;` in the names never run.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/demo-repo.mjs';
import { ensureBuiltCli } from '../e2e/support/built-cli.js';
import { HOSTILE_BRANCHES } from '../helpers/hostile-corpus.js';
import { createGitflowRepo, createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const track = removedAfterEach();

beforeAll(async () => {
  await ensureBuiltCli();
}, 120_000);

/** Runs one pasted line in `sh -c` (with `shipwright` the built CLI), as a person would in `cwd`. */
async function paste(line: string, cwd: string) {
  const shipwright = `shipwright() { node ${JSON.stringify(join(PROJECT_ROOT, 'bin', 'shipwright.js'))} "$@"; }`;
  return execa('sh', ['-c', `${shipwright}\n${line}`], { cwd, reject: false, env: { ...ENV, NO_COLOR: '1' } });
}

/** The command printed after `marker` on its line, up to the three spaces that start a note. */
function commandAfter(text: string, marker: string): string {
  const at = text.indexOf(marker);
  expect(at, `"${marker}" in:\n${text}`).toBeGreaterThanOrEqual(0);
  const line = text.slice(at + marker.length).split('\n')[0] ?? '';
  return line.split('   ')[0]?.trim() ?? '';
}

const pwned = (...dirs: string[]) => dirs.some((dir) => existsSync(join(dir, 'pwned')));

describe.each(HOSTILE_BRANCHES)('branch %s', (branch) => {
  it('the push-later line pushes that branch and the tag, and nothing else runs', async () => {
    const entry = await track(createReleaseRepo({ branch, config: { branches: { production: branch } } }));
    const { repo, remote } = entry;
    const released = await runShipwright(['release', '--yes', '--no-push'], { cwd: repo.dir, env: ENV });
    expect(released.code, released.stderr).toBe(0);
    const line = commandAfter(released.stdout, 'push later with ');
    expect(line).toMatch(/^git push --atomic origin '.*' v0\.2\.0$/);
    const pushed = await paste(line, repo.dir);
    expect(pushed.exitCode, pushed.stderr).toBe(0);
    expect(await remote.git('rev-parse', `refs/heads/${branch}`)).toBe(await repo.git('rev-parse', 'HEAD'));
    expect(await remote.git('rev-parse', 'refs/tags/v0.2.0^{commit}')).toBe(await repo.git('rev-parse', 'HEAD'));
    expect(pwned(repo.dir, remote.dir)).toBe(false);
  });

  it('the wrong-branch fix switches to exactly that branch', async () => {
    const entry = await track(createReleaseRepo({ branch, config: { branches: { production: branch } } }));
    const { repo } = entry;
    await repo.git('switch', '-q', '-c', 'feature/other');
    const refused = await runShipwright(['release', '--yes', '--no-push'], { cwd: repo.dir, env: ENV });
    expect(refused.code).toBe(1);
    const line = commandAfter(refused.stderr, 'fix: ');
    expect(line.startsWith('git switch ')).toBe(true);
    const switched = await paste(line, repo.dir);
    expect(switched.exitCode, switched.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe(branch);
    expect(pwned(repo.dir)).toBe(false);
  });

  it('the behind-upstream fix switches and pulls exactly that branch', async () => {
    const entry = await track(createReleaseRepo({ branch, config: { branches: { production: branch } } }));
    const { repo, remote } = entry;
    // Someone else pushed to the branch; here it is behind.
    const other = await createTempRepo();
    try {
      await other.git('fetch', '-q', `file://${remote.dir}`, `refs/heads/${branch}:refs/heads/theirs`);
      await other.git('switch', '-q', 'theirs');
      await other.commit('fix: theirs');
      await other.git('push', '-q', `file://${remote.dir}`, `theirs:refs/heads/${branch}`);
    } finally {
      await other.remove();
    }
    await repo.git('switch', '-q', '-c', 'elsewhere');
    await repo.git('switch', '-q', branch);
    const refused = await runShipwright(['release', '--yes'], { cwd: repo.dir, env: ENV });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('behind origin');
    const line = commandAfter(refused.stderr, 'fix: ');
    await repo.git('switch', '-q', 'elsewhere');
    const pulled = await paste(line, repo.dir);
    expect(pulled.exitCode, pulled.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe(branch);
    expect(await repo.git('rev-parse', 'HEAD')).toBe(await remote.git('rev-parse', `refs/heads/${branch}`));
    expect(pwned(repo.dir)).toBe(false);
  });
});

describe('hotfix finish --skip of a release branch with a hostile name', () => {
  it('the later `backport --list --to` line lists what that branch lacks', async () => {
    const entry = await track(createGitflowRepo());
    const { repo } = entry;
    const skipped = 'release/0.3.0$(touch${IFS}pwned)';
    await repo.git('switch', '-q', 'dev');
    await repo.git('switch', '-q', '-c', skipped);
    await repo.git('switch', '-q', 'main');
    await repo.git('push', '-q', 'origin', skipped);
    const started = await runShipwright(['hotfix', 'start', '--yes'], { cwd: repo.dir, env: ENV });
    expect(started.code, started.stderr).toBe(0);
    await repo.commit('fix(widget): stop the crash', { path: 'widget.txt', content: 'fixed\n' });
    const finished = await runShipwright(['hotfix', 'finish', '--yes', '--skip', skipped], {
      cwd: repo.dir,
      env: ENV,
    });
    expect(finished.code, finished.stderr).toBe(0);
    const later = /\((shipwright backport --list .*) shows what it lacks\)/.exec(finished.stdout)?.[1] ?? '';
    expect(later).toBe("shipwright backport --list --to 'release/0.3.0$(touch${IFS}pwned)'");
    const listed = await paste(later, repo.dir);
    expect(listed.exitCode, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(skipped);
    expect(listed.stdout).toContain('stop the crash');
    expect(pwned(repo.dir)).toBe(false);
  });
});

describe('a checklist command with hostile arguments', () => {
  it('the "run it yourself" line runs the same argv, word for word', async () => {
    const record = 'require("fs").writeFileSync("argv.json", JSON.stringify(process.argv.slice(1))); process.exit(3)';
    const argv = ['node', '-e', record, 'two words', '$(touch pwned)', "it's", '`touch pwned`;touch pwned'];
    const entry = await track(createReleaseRepo({ config: { preRelease: argv } }));
    const { repo } = entry;
    const refused = await runShipwright(['release', '--yes', '--no-push'], { cwd: repo.dir, env: ENV });
    expect(refused.code).toBe(1);
    const line = /run `(.*)` yourself/.exec(refused.stderr)?.[1] ?? '';
    const expected = await readFile(join(repo.dir, 'argv.json'), 'utf8');
    await writeFile(join(repo.dir, 'argv.json'), '');
    const again = await paste(line, repo.dir);
    expect(again.exitCode).toBe(3);
    expect(await readFile(join(repo.dir, 'argv.json'), 'utf8')).toBe(expected);
    expect(JSON.parse(expected)).toEqual(argv.slice(3));
    expect(pwned(repo.dir)).toBe(false);
  });
});

describe('a repository in a folder with a hostile name', () => {
  const folders: TempRepo[] = [];
  it('the stale index.lock fix removes that lock and nothing else', async () => {
    const repo = await createTempRepo({ prefix: "shipwright-it's $(touch pwned) `touch pwned`-" });
    folders.push(repo);
    try {
      await repo.commit('feat: first');
      await writeFile(join(repo.dir, 'a.txt'), 'a\n');
      await repo.git('add', 'a.txt');
      const lock = join(repo.dir, '.git', 'index.lock');
      await writeFile(lock, '');
      const refused = await runShipwright(['commit', '-t', 'feat', '-m', 'add a', '--yes'], { cwd: repo.dir });
      expect(refused.code, refused.stderr).toBe(3);
      expect(refused.stderr).toContain(`${lock} exists`);
      const line = commandAfter(refused.stderr, 'delete it: ');
      const removed = await paste(line, repo.dir);
      expect(removed.exitCode, removed.stderr).toBe(0);
      expect(existsSync(lock)).toBe(false);
      expect(existsSync(join(repo.dir, 'a.txt'))).toBe(true);
      expect(pwned(repo.dir, join(repo.dir, '..'))).toBe(false);
    } finally {
      await Promise.all(folders.splice(0).map((folder) => folder.remove()));
    }
  });
});
