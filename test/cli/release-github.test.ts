// `release --github-release` with a recording stand-in for gh on PATH: created after the push with
// the notes (prereleases marked), the exact command printed when gh is missing or logged out, and
// a failing gh reported with the retry while the pushed tag stays.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeGh, type FakeGh } from '../helpers/fake-gh.js';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function fakeGh(options?: Parameters<typeof createFakeGh>[0]): Promise<FakeGh> {
  const gh = await createFakeGh(options);
  cleanups.push(() => gh.remove());
  return gh;
}

/** PATH with git and node but no gh. */
async function pathWithoutGh(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-no-gh-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const git = (await execa('sh', ['-c', 'command -v git'])).stdout.trim();
  return [dir, dirname(git), dirname(process.execPath)].join(delimiter);
}

const release = (dir: string, path: string, ...args: string[]) =>
  runShipwright(['release', ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1717200000', PATH: path } });

describe('release --github-release', () => {
  it('after the push, gh release create TAG --title TAG --notes-file with the release notes', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const gh = await fakeGh();
    const result = await release(repo.dir, gh.path, '--yes', '--github-release');
    expect(result.code, result.stderr).toBe(0);
    const calls = await gh.calls();
    expect(calls[0]).toEqual(['auth', 'status']);
    expect(calls[1]?.slice(0, 6)).toEqual(['release', 'create', 'v0.2.0', '--title', 'v0.2.0', '--notes-file']);
    expect(calls[1]).toHaveLength(7);
    const notes = await gh.notes();
    expect(notes).toContain('### Features');
    expect(notes).toContain('add the widget');
    expect(notes).not.toContain('## 0.2.0');
    expect(result.stdout).toContain('GitHub release v0.2.0:\n');
    expect(result.stdout).toContain('https://github.com/acme/widget/releases/tag/v0.2.0');
    expect(result.stdout).toContain('✓ created with the release notes');
    expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
  });

  it('config githubRelease: true; a prerelease is marked --prerelease', async () => {
    const { repo } = await track(createReleaseRepo({ config: { githubRelease: true } }));
    const gh = await fakeGh();
    const result = await release(repo.dir, gh.path, '--yes', '--preid', 'rc');
    expect(result.code, result.stderr).toBe(0);
    expect((await gh.calls())[1]).toEqual(expect.arrayContaining(['release', 'create', 'v0.2.0-rc.0', '--prerelease']));
    expect(result.stdout).toContain('GitHub release v0.2.0-rc.0 (prerelease):');
  });

  it('gh missing or logged out: the exact commands are printed, the release succeeds', async () => {
    const missing = await track(createReleaseRepo());
    const noGh = await release(missing.repo.dir, await pathWithoutGh(), '--yes', '--github-release');
    expect(noGh.code, noGh.stderr).toBe(0);
    expect(noGh.stdout).toContain(
      '· not created: gh (the GitHub CLI) is not installed here (https://cli.github.com). Create it with:\n  npx shipwright changelog --release-notes 0.2.0 > release-notes.md && gh release create v0.2.0 --title v0.2.0 --notes-file release-notes.md\n',
    );

    const loggedOut = await track(createReleaseRepo());
    const gh = await fakeGh({ authExitCode: 1 });
    const result = await release(loggedOut.repo.dir, gh.path, '--yes', '--github-release');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      '· not created: gh is not logged in here (gh auth login, or GH_TOKEN in CI). Create it with:',
    );
    expect(await gh.calls()).toEqual([['auth', 'status']]);
  });

  it('gh fails: exit 3 with the retry command; the pushed tag stays', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    const gh = await fakeGh({ runExitCode: 1 });
    const result = await release(repo.dir, gh.path, '--yes', '--github-release');
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Released v0.2.0: main and v0.2.0 pushed to origin.');
    expect(result.stderr).toContain('fake gh: HTTP 422: Validation Failed');
    expect(result.stderr).toContain(
      "✗ gh release create failed with exit code 1 (gh's message is above). v0.2.0 is pushed and stays; nothing was rolled back.",
    );
    expect(result.stderr).toContain(
      '→ retry: npx shipwright changelog --release-notes 0.2.0 > release-notes.md && gh release create v0.2.0 --title v0.2.0 --notes-file release-notes.md',
    );
    expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
    expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
  });

  it('--no-push: nothing is created; the command is printed for after the push', async () => {
    const { repo } = await track(createReleaseRepo());
    const gh = await fakeGh();
    const result = await release(repo.dir, gh.path, '--yes', '--no-push', '--github-release');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'GitHub release: v0.2.0 is not pushed, so it is not created. Once the tag is pushed:\n  npx shipwright changelog --release-notes 0.2.0 > release-notes.md && gh release create v0.2.0',
    );
    expect(await gh.calls()).toEqual([]);
  });

  it('--json: one github-release line after the result', async () => {
    const { repo } = await track(createReleaseRepo());
    const gh = await fakeGh();
    const result = await release(repo.dir, gh.path, '--yes', '--json', '--github-release');
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.at(-2)).toMatchObject({ type: 'result', ok: true });
    expect(lines.at(-1)).toMatchObject({
      type: 'github-release',
      ran: true,
      ok: true,
      command: expect.stringContaining('gh release create v0.2.0'),
    });
    expect(result.stderr).toContain('https://github.com/acme/widget/releases/tag/v0.2.0');
  });
});
