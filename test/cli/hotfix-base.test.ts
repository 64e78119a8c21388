// Hotfixes start only from the newest release of a line: v1.4.0 when v1.4.1 exists is refused with
// the reason (v1.4.2 would ship without v1.4.1's fix), in `hotfix start --from`, the wizard's list,
// and the branch wizard, whose hotfix/<name> is the hotfix flow's hotfix/X.Y.Z-name.
import { afterEach, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { openRepo } from '../../src/app/open-repo.js';
import { createHotfixBackportServices } from '../../src/app/tui-hotfix-backport-services.js';
import { hotfixBranchName, newestOfEachLine, supersededBy } from '../../src/core/hotfix/hotfix-version.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

/** Trunk: v1.3.0, v1.4.0, then v1.4.1 (a hotfix merged back), v1.5.0-rc.1 on main. */
async function releasedLines(): Promise<TempRepo> {
  const r = await createTempRepo();
  await r.write('package.json', '{\n  "name": "lines",\n  "version": "1.5.0-rc.1"\n}\n');
  await r.git('add', '.');
  await r.commit('feat: first');
  await r.tag('v1.3.0', { message: 'v1.3.0' });
  await r.commit('feat: more', { path: 'more.txt' });
  await r.tag('v1.4.0', { message: 'v1.4.0' });
  await r.commit('fix: the first hotfix', { path: 'hot.txt' });
  await r.tag('v1.4.1', { message: 'v1.4.1' });
  await r.commit('feat: next', { path: 'next.txt' });
  await r.tag('v1.5.0-rc.1', { message: 'v1.5.0-rc.1' });
  return r;
}

const tag = (name: string, version: string, isPrerelease = false) => ({ name, version, isPrerelease });

describe('the newest release of each line', () => {
  it('is the only one a hotfix may start from', () => {
    const tags = [
      tag('v1.5.0-rc.1', '1.5.0-rc.1', true),
      tag('v1.4.1', '1.4.1'),
      tag('v1.4.0', '1.4.0'),
      tag('v1.3.0', '1.3.0'),
      tag('v0.9.2', '0.9.2'),
      tag('v0.9.10', '0.9.10'),
    ];
    expect(newestOfEachLine(tags).map((t) => t.name)).toEqual(['v1.4.1', 'v1.3.0', 'v0.9.10']);
    expect(supersededBy('1.4.0', tags)?.name).toBe('v1.4.1');
    expect(supersededBy('1.4.1', tags)).toBeNull();
    expect(supersededBy('0.9.2', tags)?.name).toBe('v0.9.10');
    expect(hotfixBranchName('hotfix/', '1.4.2', 'login')).toBe('hotfix/1.4.2-login');
  });
});

describe('hotfix start --from', () => {
  it('refuses a superseded tag with the reason and the tag to use; the newest of the line works', async () => {
    repo = await releasedLines();
    const refused = await runShipwright(['hotfix', 'start', '--from', 'v1.4.0', '--yes'], { cwd: repo.dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'v1.4.0 is superseded by v1.4.1 on the same 1.4 line: a hotfix from v1.4.0 would be tagged v1.4.2 without what v1.4.1 fixed.',
    );
    expect(refused.stderr).toContain('shipwright hotfix start --from v1.4.1');
    expect(await repo.git('branch', '--list', 'hotfix/*')).toBe('');

    const older = await runShipwright(['hotfix', 'start', '--from', 'v1.3.0', '--yes'], { cwd: repo.dir });
    expect(older.code, older.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe('hotfix/1.3.1');
  });

  it('an unknown tag is answered with the newest of each line only', async () => {
    repo = await releasedLines();
    const unknown = await runShipwright(['hotfix', 'start', '--from', 'v9.9.9', '--yes'], { cwd: repo.dir });
    expect(unknown.stderr).toContain('pass one of: v1.4.1, v1.3.0   e.g. shipwright hotfix start --from v1.4.1');
  });
});

describe('the hotfix wizard', () => {
  it('offers the newest release of each line, never a superseded one or a prerelease', async () => {
    repo = await releasedLines();
    const services = createHotfixBackportServices(async () => openRepo((repo as TempRepo).dir));
    const outlook = await services.readHotfixOutlook();
    expect(outlook.ok).toBe(true);
    if (!outlook.ok) return;
    expect(outlook.value.releases).toEqual([
      { tag: 'v1.4.1', version: '1.4.1', next: '1.4.2' },
      { tag: 'v1.3.0', version: '1.3.0', next: '1.3.1' },
    ]);
    expect(outlook.value.productionTag).toBe('v1.4.1');
  });
});

describe('shipwright branch hotfix NAME', () => {
  it('is the hotfix flow: hotfix/X.Y.Z-NAME from the production release, which hotfix finish can tag', async () => {
    repo = await releasedLines();
    const result = await runShipwright(['branch', 'hotfix', 'login crash', '--yes'], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('create hotfix/1.4.2-login-crash from v1.4.1');
    expect(await repo.git('branch', '--show-current')).toBe('hotfix/1.4.2-login-crash');
    expect(await repo.git('rev-parse', 'HEAD')).toBe(await repo.git('rev-parse', 'v1.4.1^{commit}'));
  });

  it('a version as the name must be the one the flow gives; the fix never proposes an existing tag', async () => {
    repo = await releasedLines();
    const taken = await runShipwright(['branch', 'hotfix', '1.4.1', '--yes'], { cwd: repo.dir });
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('hotfix/1.4.1 is not the hotfix of v1.4.1: its next free patch is 1.4.2');
    expect(taken.stderr).toContain('shipwright hotfix start   (creates hotfix/1.4.2 from v1.4.1)');
    const right = await runShipwright(['branch', 'hotfix', '1.4.2', '--yes'], { cwd: repo.dir });
    expect(right.code, right.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe('hotfix/1.4.2');
  });

  it('a hotfix branch named without a version is refused at finish with a name that is free', async () => {
    repo = await releasedLines();
    await repo.git('switch', '-q', '-c', 'hotfix/login', 'v1.4.1');
    await repo.commit('fix: login', { path: 'login.txt' });
    const result = await runShipwright(['hotfix', 'finish', '--no-push', '--yes'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('does not name a version');
    expect(result.stderr).toContain('git branch -m hotfix/1.4.2');
    expect(result.stderr).not.toContain('hotfix/1.4.1');
  });
});

describe('hotfix finish with a newer tag the production branch lacks', () => {
  it('is a normal hotfix of production, merged into main, not a maintenance release', async () => {
    repo = await createTempRepo();
    await repo.write('package.json', '{\n  "name": "lines",\n  "version": "1.0.0"\n}\n');
    await repo.git('add', '.');
    await repo.commit('feat: first');
    await repo.tag('v1.0.0', { message: 'v1.0.0' });
    // v1.1.0 tagged on its release branch, never merged: status says production is v1.0.0.
    await repo.git('switch', '-q', '-c', 'release/1.1.0');
    await repo.commit('feat: release work', { path: 'rel.txt' });
    await repo.tag('v1.1.0', { message: 'v1.1.0' });
    await repo.git('switch', '-q', 'main');
    const status = await runShipwright(['status'], { cwd: repo.dir });
    expect(status.stdout).toMatch(/production\s+v1\.0\.0\s/);

    const started = await runShipwright(['hotfix', 'start', '--yes'], { cwd: repo.dir });
    expect(started.code, started.stderr).toBe(0);
    expect(await repo.git('branch', '--show-current')).toBe('hotfix/1.0.1');
    await repo.commit('fix: the crash', { path: 'crash.txt' });
    const finished = await runShipwright(['hotfix', 'finish', '--no-push', '--yes'], {
      cwd: repo.dir,
      env: { SOURCE_DATE_EPOCH: '1717200000' },
    });
    expect(finished.code, finished.stderr).toBe(0);
    expect(finished.stdout).not.toContain('maintenance release');
    await expect(repo.git('merge-base', '--is-ancestor', 'v1.0.1', 'main')).resolves.toBe('');
  });
});
