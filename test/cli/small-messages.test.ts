// The smaller messages of issue 13: each failure names what actually happened and a fix that works.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { toGitError } from '../../src/git/git-error.js';
import { runGit } from '../../src/git/run-git.js';
import { pausedRelease } from '../helpers/paused-release.js';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const temps: TempRepo[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((repo) => repo.remove()));
});
const track = removedAfterEach();

async function repoWithCommit(): Promise<TempRepo> {
  const repo = await createTempRepo();
  temps.push(repo);
  await repo.commit('feat: first');
  return repo;
}

describe('a --cwd that does not exist', () => {
  it('is named as such, not as git missing (exit 2)', async () => {
    const repo = await repoWithCommit();
    const missing = join(repo.dir, 'no-such-folder');
    const result = await runShipwright(['status', '--cwd', missing], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`there is no folder ${missing}`);
    expect(result.stderr).not.toMatch(/git is not installed/);
  });

  it('a file passed as --cwd is named as a file', async () => {
    const repo = await repoWithCommit();
    await writeFile(join(repo.dir, 'notes.txt'), 'x\n');
    const result = await runShipwright(['version', '--cwd', 'notes.txt'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is a file, not a folder');
  });

  it('git started in a folder that is gone reports the folder (exit 3, folder-missing)', async () => {
    const repo = await repoWithCommit();
    const gone = join(repo.dir, 'gone');
    const error = await runGit(gone, ['status']).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: 'environment', code: 'folder-missing' });
    expect((error as Error).message).toContain(`The folder ${gone} does not exist`);
  });
});

describe('status during a paused merge', () => {
  it('names the paused run and how to finish it, not package.json’s JSON', async () => {
    const { ran } = await pausedRelease('main', track);
    const result = await runShipwright(['status'], { cwd: ran.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`shipwright release finish --yes` is paused on conflicts');
    expect(result.stderr).toContain('  package.json');
    expect(result.stderr).toMatch(/then: shipwright continue {3}\(or shipwright abort/);
    expect(result.stderr).not.toMatch(/not valid JSON/);
  });

  it('a plain git merge stopped on package.json is named too', async () => {
    const repo = await repoWithCommit();
    await repo.commit('chore: package', { path: 'package.json', content: '{\n  "version": "1.0.0"\n}\n' });
    await repo.git('switch', '-q', '-c', 'side');
    await repo.commit('chore: side', { path: 'package.json', content: '{\n  "version": "1.1.0"\n}\n' });
    await repo.git('switch', '-q', 'main');
    await repo.commit('chore: main', { path: 'package.json', content: '{\n  "version": "2.0.0"\n}\n' });
    await execa('git', ['merge', 'side'], { cwd: repo.dir, reject: false });
    const result = await runShipwright(['status'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('A git merge or cherry-pick is in progress here');
    expect(result.stderr).toContain('git merge --abort');
  });
});

describe('a checklist program that is not installed', () => {
  it('preRelease: says the program is not on PATH, with the fix (nothing written)', async () => {
    const entry = await track(createReleaseRepo({ config: { preRelease: ['no-such-tool-x', 'build'] } }));
    const head = await entry.repo.git('rev-parse', 'HEAD');
    const result = await runShipwright(['release', '--yes', '--no-push'], { cwd: entry.repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('`no-such-tool-x build` did not start: program no-such-tool-x not found on PATH.');
    expect(result.stderr).toContain('fix: install no-such-tool-x or put its folder on PATH');
    expect(await entry.repo.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('checklist.after: says the program is not on PATH, the release stays', async () => {
    const entry = await track(
      createReleaseRepo({ config: { checklist: { after: [{ name: 'smoke', run: ['no-such-tool-y'] }] } } }),
    );
    const result = await runShipwright(['release', '--yes'], { cwd: entry.repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('did not start: program no-such-tool-y not found on PATH');
    expect(result.stderr).toContain('install no-such-tool-y or put its folder on PATH');
    expect(await entry.remote.git('tag', '--list')).toContain('v0.2.0');
  });
});

describe('an unknown revision', () => {
  it('shows the name as typed, never the ^NAME git was given, and how to list tags', () => {
    const error = toGitError(
      ['rev-list', 'HEAD', '^BAD'],
      "fatal: ambiguous argument '^BAD': unknown revision or path not in the working tree.\n",
      128,
    );
    expect(error.message).toBe("git does not know the revision 'BAD'.");
    expect(error.fix).toContain('git tag --list');
    expect(toGitError(['log'], "fatal: bad revision 'BAD^@'\n", 128).message).toContain("'BAD'");
  });

  it('with real git: an excluded range end', async () => {
    const repo = await repoWithCommit();
    const error = await runGit(repo.dir, ['rev-list', 'HEAD', '^BAD', '--']).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'unknown-revision' });
    expect((error as Error).message).toBe("git does not know the revision 'BAD'.");
  });

  it('changelog --from BAD names BAD and how to list the tags', async () => {
    const repo = await repoWithCommit();
    const result = await runShipwright(['changelog', '--from', 'BAD', '--to', 'HEAD'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--from BAD is not a commit here.');
    expect(result.stderr).toContain('git tag --list');
    expect(result.stderr).not.toContain('^BAD');
  });
});

describe('a stale git .lock file', () => {
  it('index.lock: named with its path and the fix', async () => {
    const repo = await repoWithCommit();
    const lock = join(repo.dir, '.git', 'index.lock');
    await writeFile(lock, '');
    await writeFile(join(repo.dir, 'new.txt'), 'x\n');
    const error = await runGit(repo.dir, ['add', 'new.txt']).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'environment', code: 'git-lock-exists' });
    expect((error as Error).message).toContain(`${lock} exists`);
    const fix = (error as { fix: string }).fix;
    expect(fix).toContain('if no git process is running (check: pgrep -a git), the lock is stale');
    // The printed rm removes exactly that file.
    const rm = /rm (\S+)/.exec(fix)?.[1] ?? '';
    await execa('sh', ['-c', `rm ${rm}`]);
    expect(existsSync(lock)).toBe(false);
  });

  it('a ref lock: `shipwright branch` names it with its path (exit 3)', async () => {
    const repo = await repoWithCommit();
    await repo.git('branch', 'feature/x', 'HEAD');
    await repo.git('branch', '-D', 'feature/x');
    const lock = join(repo.dir, '.git', 'refs', 'heads', 'feature', 'x.lock');
    await execa('mkdir', ['-p', join(repo.dir, '.git', 'refs', 'heads', 'feature')]);
    await writeFile(lock, '');
    const result = await runShipwright(['branch', 'feature', 'x', '--yes'], { cwd: repo.dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`git could not lock the repository: ${lock} exists`);
    expect(result.stderr).toContain(`rm ${lock}`);
  });
});
