// `shipwright hotfix` on real repositories with divergent branches and a real bare remote: from the
// production tag and from an old one (maintenance), fanned out to dev and two release branches,
// a conflict on the second with continue or abort, --skip, and the JSON lines.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGitflowRepo, type ReleaseRepo } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const repos: ReleaseRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((entry) => entry.remove()));
});

const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const shipwright = (dir: string, ...args: string[]) => runShipwright(args, { cwd: dir, env: ENV });

/**
 * v0.1.0 on main; dev ahead with a feature; release/0.2.0 and release/0.3.0 open. With `conflict`,
 * release/0.3.0 rewrote the line the hotfix fixes in widget.txt.
 */
async function divergentRepo(options: { conflict?: boolean } = {}): Promise<ReleaseRepo> {
  const entry = await createGitflowRepo();
  repos.push(entry);
  const { repo } = entry;
  await repo.git('switch', '-q', 'main');
  await repo.commit('chore: the widget file', { path: 'widget.txt', content: 'widget: broken\n' });
  await repo.git('tag', '-d', 'v0.1.0');
  await repo.tag('v0.1.0', { message: 'v0.1.0' });
  await repo.git('switch', '-q', 'dev');
  await repo.git('merge', '-q', '--no-edit', 'main');
  await repo.git('switch', '-q', '-c', 'release/0.2.0');
  await repo.git('switch', '-q', '-c', 'release/0.3.0');
  if (options.conflict)
    await repo.commit('chore: widget wording', { path: 'widget.txt', content: 'widget: rewritten here\n' });
  await repo.git('switch', '-q', 'main');
  await repo.git('push', '-q', '-f', '--tags', 'origin', 'main', 'dev', 'release/0.2.0', 'release/0.3.0');
  return entry;
}

async function startAndFix(entry: ReleaseRepo, ...startArgs: string[]): Promise<void> {
  const started = await shipwright(entry.repo.dir, 'hotfix', 'start', '--yes', ...startArgs);
  expect(started.code, started.stderr).toBe(0);
  await entry.repo.commit('fix(widget): stop the crash', { path: 'widget.txt', content: 'widget: fixed\n' });
}

const fileOn = (entry: ReleaseRepo, ref: string, path: string) => entry.repo.git('show', `${ref}:${path}`);

describe('shipwright hotfix start', () => {
  it('branches hotfix/0.1.1-NAME from the newest release tag', async () => {
    const entry = await divergentRepo();
    const result = await shipwright(entry.repo.dir, 'hotfix', 'start', 'login-crash', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('create hotfix/0.1.1-login-crash from v0.1.0');
    expect(await entry.repo.git('branch', '--show-current')).toBe('hotfix/0.1.1-login-crash');
    expect(await entry.repo.git('rev-parse', 'HEAD')).toBe(await entry.repo.git('rev-parse', 'v0.1.0^{commit}'));
  });

  it('lists an open hotfix instead of starting a second one', async () => {
    const entry = await divergentRepo();
    await startAndFix(entry);
    await entry.repo.git('switch', '-q', 'main');
    const result = await shipwright(entry.repo.dir, 'hotfix', 'start', 'other', '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('A hotfix is already open: hotfix/0.1.1');
    expect(result.stderr).toContain('git switch hotfix/0.1.1 && shipwright hotfix finish');
  });

  it('refuses a name that is not words joined by dashes, and an unknown --from', async () => {
    const entry = await divergentRepo();
    const badName = await shipwright(entry.repo.dir, 'hotfix', 'start', '--yes', '$(touch x)');
    expect(badName.code).toBe(2);
    const badTag = await shipwright(entry.repo.dir, 'hotfix', 'start', '--yes', '--from', 'v9.9.9');
    expect(badTag.code).toBe(1);
    expect(badTag.stderr).toContain('pass one of: v0.1.0');
  });
});

describe('shipwright hotfix finish', () => {
  it('tags the hotfix line, merges into main, fans out to dev and both release branches, pushes atomically', async () => {
    const entry = await divergentRepo();
    const { repo, remote } = entry;
    await startAndFix(entry);
    const result = await shipwright(repo.dir, 'hotfix', 'finish', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Released v0.1.1, pushed to origin.');
    expect(result.stdout).toContain('The fix is on: dev, release/0.2.0, release/0.3.0.');

    const tagged = await repo.git('rev-parse', 'v0.1.1^{commit}');
    expect(await repo.git('log', '-1', '--format=%s', tagged)).toBe('chore(release): v0.1.1');
    for (const branch of ['main', 'dev', 'release/0.2.0', 'release/0.3.0']) {
      expect(await fileOn(entry, branch, 'widget.txt')).toBe('widget: fixed');
      await repo.git('merge-base', '--is-ancestor', tagged, branch);
      expect(await remote.git('rev-parse', `refs/heads/${branch}`)).toBe(await repo.git('rev-parse', branch));
    }
    expect(await remote.git('rev-parse', 'v0.1.1^{commit}')).toBe(tagged);
    expect(await fileOn(entry, 'main', 'CHANGELOG.md')).toContain('stop the crash');
    expect(await repo.git('branch', '--list', 'hotfix/*')).toBe('');
    expect(await repo.git('branch', '--show-current')).toBe('main');
    expect(existsSync(join(repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('from an old tag main has moved past: a maintenance release, the fix carried forward by cherry-pick', async () => {
    const entry = await divergentRepo();
    const { repo } = entry;
    // v0.2.0 is released on main after v0.1.0.
    await repo.commit('feat: something new', { path: 'new.txt' });
    await repo.tag('v0.2.0', { message: 'v0.2.0' });
    await repo.git('push', '-q', '--tags', 'origin', 'main');
    await startAndFix(entry, '--from', 'v0.1.0');
    expect(await repo.git('branch', '--show-current')).toBe('hotfix/0.1.1');
    const mainBefore = await repo.git('rev-parse', 'main');

    const result = await shipwright(repo.dir, 'hotfix', 'finish', '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Released v0.1.1 (maintenance release)');
    const tagged = await repo.git('rev-parse', 'v0.1.1^{commit}');
    // The tag stays on the old line; main got the fix as a -x pick, not a merge of the old line.
    await expect(repo.git('merge-base', '--is-ancestor', tagged, 'main')).rejects.toThrow();
    expect(await repo.git('rev-parse', 'main~1')).toBe(mainBefore);
    expect(await repo.git('log', '-1', '--format=%B', 'main')).toContain('(cherry picked from commit');
    expect(await fileOn(entry, 'main', 'widget.txt')).toBe('widget: fixed');
    expect(JSON.parse(await fileOn(entry, 'main', 'package.json')).version).toBe('0.1.0');
    expect(await fileOn(entry, 'dev', 'widget.txt')).toBe('widget: fixed');
  });

  it('a conflict on the second release branch pauses; continue after resolving finishes the rest', async () => {
    const entry = await divergentRepo({ conflict: true });
    const { repo, remote } = entry;
    await startAndFix(entry);
    const remoteBefore = await remote.git('for-each-ref');
    const paused = await shipwright(repo.dir, 'hotfix', 'finish', '--yes');
    expect(paused.code).toBe(1);
    expect(paused.stderr).toMatch(
      /merge hotfix\/0\.1\.1 into release\/0\.3\.0 \(--no-ff\): stopped on conflicts in\n {2}widget\.txt/,
    );
    expect(paused.stdout).toContain('✓ merge hotfix/0.1.1 into release/0.2.0');
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);

    await repo.write('widget.txt', 'widget: fixed\n');
    await repo.git('add', 'widget.txt');
    const resumed = await shipwright(repo.dir, 'continue');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await fileOn(entry, 'release/0.3.0', 'widget.txt')).toBe('widget: fixed');
    expect(await remote.git('rev-parse', 'refs/heads/release/0.3.0')).toBe(
      await repo.git('rev-parse', 'release/0.3.0'),
    );
    expect(await remote.git('rev-parse', 'v0.1.1^{commit}')).toBe(await repo.git('rev-parse', 'v0.1.1^{commit}'));
  });

  it('abort after that conflict restores every branch, the tag and the files', async () => {
    const entry = await divergentRepo({ conflict: true });
    await startAndFix(entry);
    const before = await snapshotRepo(entry.repo);
    expect((await shipwright(entry.repo.dir, 'hotfix', 'finish', '--yes')).code).toBe(1);
    const aborted = await shipwright(entry.repo.dir, 'abort');
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(await snapshotRepo(entry.repo)).toEqual(before);
  });

  it('--skip leaves a target for later and says so; continue --skip does the same mid-run', async () => {
    const entry = await divergentRepo({ conflict: true });
    const { repo, remote } = entry;
    await startAndFix(entry);
    const before = await repo.git('rev-parse', 'release/0.3.0');
    const skipped = await shipwright(repo.dir, 'hotfix', 'finish', '--yes', '--skip', 'release/0.3.0');
    expect(skipped.code, skipped.stderr).toBe(0);
    expect(skipped.stdout).toContain('Left for later: release/0.3.0');
    expect(await repo.git('rev-parse', 'release/0.3.0')).toBe(before);
    expect(await remote.git('rev-parse', 'refs/heads/release/0.3.0')).toBe(before);
    expect(await fileOn(entry, 'dev', 'widget.txt')).toBe('widget: fixed');
  });

  it('continue --skip after the conflict puts the target back and pushes the others', async () => {
    const entry = await divergentRepo({ conflict: true });
    const { repo, remote } = entry;
    await startAndFix(entry);
    const before = await repo.git('rev-parse', 'release/0.3.0');
    expect((await shipwright(repo.dir, 'hotfix', 'finish', '--yes')).code).toBe(1);
    const resumed = await shipwright(repo.dir, 'continue', '--skip');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toContain('Left for later: release/0.3.0');
    expect(await repo.git('rev-parse', 'release/0.3.0')).toBe(before);
    expect(await remote.git('rev-parse', 'refs/heads/release/0.3.0')).toBe(before);
    expect(await remote.git('rev-parse', 'refs/heads/release/0.2.0')).toBe(
      await repo.git('rev-parse', 'release/0.2.0'),
    );
    expect(await repo.git('status', '--porcelain')).toBe('');
  });

  it('--json prints the plan, the events and the result as JSON lines', async () => {
    const entry = await divergentRepo();
    await startAndFix(entry);
    const result = await shipwright(entry.repo.dir, 'hotfix', 'finish', '--yes', '--json');
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines[0]).toMatchObject({
      type: 'plan',
      tag: 'v0.1.1',
      maintenance: false,
      targets: ['dev', 'release/0.2.0', 'release/0.3.0'],
    });
    expect(lines.filter((line) => line.type === 'step-done').length).toBeGreaterThan(8);
    expect(lines.at(-1)).toMatchObject({ type: 'result', ok: true, tag: 'v0.1.1', pushed: true });
  });

  it('refuses off a hotfix branch, naming the branch to switch to', async () => {
    const entry = await divergentRepo();
    const result = await shipwright(entry.repo.dir, 'hotfix', 'finish', '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('git switch hotfix/<version>');
  });
});

describe('the user keeps their work', () => {
  it('a dirty tree is refused before anything moves', async () => {
    const entry = await divergentRepo();
    await startAndFix(entry);
    await entry.repo.write('notes.txt', 'unsaved\n');
    const before = await snapshotRepo(entry.repo);
    const result = await shipwright(entry.repo.dir, 'hotfix', 'finish', '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('git stash push --include-untracked');
    expect(await snapshotRepo(entry.repo)).toEqual(before);
    expect(await readFile(join(entry.repo.dir, 'notes.txt'), 'utf8')).toBe('unsaved\n');
  });
});
