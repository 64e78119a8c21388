// `shipwright backport --list` on real repositories: patch-aware and cherry-pick-line-aware presence.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitCalls } from '../helpers/git-calls.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

interface Matrix {
  source: string;
  targets: string[];
  types: string[];
  rows: {
    sha: string;
    shortSha: string;
    type: string;
    scope: string | null;
    subject: string;
    present: Record<string, boolean>;
  }[];
}

interface Fixes {
  repo: TempRepo;
  perf: string;
  auth: string;
  api: string;
}

/**
 * main: v1.0.0, then a perf hotfix merged into main and dev, then two fixes.
 * dev has the auth fix picked with -x and then amended (another patch), and the api fix picked
 * without -x (same patch). release/1.2 was cut before any of it, then got the auth fix picked
 * without -x and amended: neither the patch nor a line links it, so it is missing there.
 * 1.x is a maintenance line from v1.0.0 with none of them.
 */
async function gitflowWithFixes(): Promise<Fixes> {
  const r = await createTempRepo();
  await r.commit('feat: first');
  await r.tag('v1.0.0', { message: 'v1.0.0' });
  await r.git('branch', '1.x');
  await r.git('checkout', '-q', '-b', 'dev');
  await r.commit('feat(api): new endpoint', { path: 'api.txt' });
  await r.git('branch', 'release/1.2');
  await r.git('checkout', '-q', '-b', 'hotfix/cache', 'main');
  const perf = await r.commit('perf(cache): keep hot entries', { path: 'cache.txt' });
  await r.git('checkout', '-q', 'main');
  await r.git('merge', '-q', '--no-ff', '-m', 'Merge hotfix/cache', 'hotfix/cache');
  await r.git('checkout', '-q', 'dev');
  await r.git('merge', '-q', '--no-ff', '-m', 'Merge hotfix/cache into dev', 'hotfix/cache');
  await r.git('checkout', '-q', 'main');
  const auth = await r.commit('fix(auth): token expiry', { path: 'auth.txt', content: 'expiry = 1h\n' });
  const api = await r.commit('fix(api): null body', { path: 'body.txt' });
  await r.commit('feat: not a fix', { path: 'feat.txt' });
  await r.commit('docs: readme', { path: 'README.md' });

  await r.git('checkout', '-q', 'dev');
  await r.git('cherry-pick', '-x', auth);
  await r.write('auth.txt', 'expiry = 2h\n');
  await r.git('commit', '-q', '-a', '--amend', '--no-edit');
  await r.git('cherry-pick', api);

  await r.git('checkout', '-q', 'release/1.2');
  await r.git('cherry-pick', auth);
  await r.write('auth.txt', 'expiry = 3h\n');
  await r.git('commit', '-q', '-a', '--amend', '--no-edit');
  await r.git('checkout', '-q', 'main');
  return { repo: r, perf, auth, api };
}

const listJson = async (args: string[] = []): Promise<Matrix> => {
  const result = await runShipwright(['backport', '--list', '--json', ...args], { cwd: (repo as TempRepo).dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Matrix;
};

const short = (hash: string): string => hash.slice(0, 7);

describe('shipwright backport --list', () => {
  it('prints the matrix oldest first, a count per target and the next command', async () => {
    const fixes = await gitflowWithFixes();
    repo = fixes.repo;
    const result = await runShipwright(['backport', '--list'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Fixes on main that some branch lacks (✓ present  · missing)',
        '',
        '  dev  release/1.2  1.x  commit',
        `  ✓    ·            ·    ${short(fixes.perf)} perf(cache): keep hot entries`,
        `  ✓    ·            ·    ${short(fixes.auth)} fix(auth): token expiry`,
        `  ✓    ·            ·    ${short(fixes.api)} fix(api): null body`,
        '',
        '0 fixes missing on dev',
        '3 fixes missing on release/1.2',
        '3 fixes missing on 1.x',
        '',
        `Next, oldest first: shipwright backport ${short(fixes.perf)} --to release/1.2 --to 1.x`,
        '',
      ].join('\n'),
    );
  });

  it('counts a merged fix, a -x pick with another patch and a pick with the same patch as present; --json', async () => {
    const fixes = await gitflowWithFixes();
    repo = fixes.repo;
    let matrix: Matrix | undefined;
    const calls = await gitCalls(async () => (matrix = await listJson()));
    // Two logs per target: main's commits all sit on the whole history each target shares with it.
    expect(calls.filter((argv) => argv[0] === 'log' && argv.some((arg) => arg.startsWith('refs/heads/')))).toHaveLength(
      6,
    );
    expect(calls.filter((argv) => argv[0] === 'merge-base')).toEqual([]);
    expect(matrix).toEqual({
      source: 'main',
      targets: ['dev', 'release/1.2', '1.x'],
      remoteOnly: [],
      since: null,
      types: ['fix', 'perf', 'revert'],
      rows: [
        {
          sha: fixes.perf,
          shortSha: short(fixes.perf),
          type: 'perf',
          scope: 'cache',
          subject: 'keep hot entries',
          present: { dev: true, 'release/1.2': false, '1.x': false },
        },
        {
          sha: fixes.auth,
          shortSha: short(fixes.auth),
          type: 'fix',
          scope: 'auth',
          subject: 'token expiry',
          present: { dev: true, 'release/1.2': false, '1.x': false },
        },
        {
          sha: fixes.api,
          shortSha: short(fixes.api),
          type: 'fix',
          scope: 'api',
          subject: 'null body',
          present: { dev: true, 'release/1.2': false, '1.x': false },
        },
      ],
    });
  });

  it('agrees with status, which counts the amended -x pick on dev as present too', async () => {
    const fixes = await gitflowWithFixes();
    repo = fixes.repo;
    const status = JSON.parse((await runShipwright(['status', '--json'], { cwd: repo.dir })).stdout) as {
      missingFixes: { target: string; commits: { hash: string }[] }[];
    };
    expect(
      status.missingFixes.map((missing) => [missing.target, missing.commits.map((commit) => commit.hash)]),
    ).toEqual([
      ['release/1.2', [fixes.perf, fixes.auth, fixes.api]],
      ['1.x', [fixes.perf, fixes.auth, fixes.api]],
    ]);
  });

  it('narrows to --to branches, takes another source with --from and other types with --type', async () => {
    const fixes = await gitflowWithFixes();
    repo = fixes.repo;
    expect((await listJson(['--to', '1.x'])).targets).toEqual(['1.x']);
    const fromDev = await listJson(['--from', 'dev', '--to', '1.x', '--type', 'feat']);
    expect(fromDev).toMatchObject({ source: 'dev', targets: ['1.x'], types: ['feat'] });
    expect(fromDev.rows.map((row) => row.subject)).toEqual(['new endpoint']);
    const all = await runShipwright(['backport', '--list', '--to', 'dev'], { cwd: repo.dir });
    expect(all.stdout).toBe('Every fix on main is on dev: nothing to backport.\n');
  });

  it('handles branches whose names look like options or shell code, without a shell', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    const base = await repo.git('rev-parse', 'HEAD');
    // git branch refuses a leading dash; update-ref writes such a ref all the same.
    await repo.git('update-ref', 'refs/heads/-x', base);
    await repo.git('branch', 'release/-y');
    const shelly = 'release/$(touch${IFS}pwned)';
    await repo.git('branch', shelly);
    const fix = await repo.commit('fix: on main only', { path: 'fix.txt' });

    const matrix = await listJson();
    expect(matrix.targets).toEqual([shelly, 'release/-y']);
    expect(matrix.rows).toMatchObject([{ sha: fix, present: { [shelly]: false, 'release/-y': false } }]);
    const dashed = await listJson(['--to=-x']);
    expect(dashed.rows).toMatchObject([{ sha: fix, present: { '-x': false } }]);

    const plain = await runShipwright(['backport', '--list', '--to=-x', '--to', shelly], { cwd: repo.dir });
    expect(plain.stdout).toContain(`shipwright backport ${short(fix)} --to=-x --to 'release/$(touch${'${IFS}'}pwned)'`);
    expect(existsSync(join(repo.dir, 'pwned'))).toBe(false);
    expect(existsSync(join(process.cwd(), 'pwned'))).toBe(false);
  });

  it('finds maintenance lines such as 1.x, 1.4.x, v2.x and v6 but not other branches', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    for (const name of ['1.x', '1.4.x', 'v2.x', 'v6', 'feature/1.x', 'version']) await repo.git('branch', name);
    await repo.commit('fix: later', { path: 'fix.txt' });
    expect((await listJson()).targets).toEqual(['v6', 'v2.x', '1.x', '1.4.x']);
  });

  it('says when there is nothing to compare, and refuses branches that do not exist', async () => {
    repo = await createTempRepo();
    await repo.commit('fix: alone');
    const none = await runShipwright(['backport', '--list'], { cwd: repo.dir });
    expect(none).toMatchObject({ code: 0, stderr: '' });
    expect(none.stdout).toContain('No branch to compare main with');
    expect(none.stdout).toContain('shipwright backport --list --to BRANCH');

    const unknown = await runShipwright(['backport', '--list', '--to', 'release/9.9'], { cwd: repo.dir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--to release/9.9: there is no branch 'release/9.9' here or on origin.");
    expect(unknown.stderr).toContain('fix: name a branch (main), or fetch it first: git fetch origin release/9.9');

    await repo.git('branch', '-m', 'main', 'trunk');
    const noMain = await runShipwright(['backport', '--list', '--json'], { cwd: repo.dir });
    expect(noMain.code).toBe(3);
    expect(JSON.parse(noMain.stdout)).toMatchObject({ ok: false, error: { code: 'no-source-branch' } });
  });
});

interface Released {
  repo: TempRepo;
  /** On main, picked to dev with -x and amended there (another patch): only the -x line links them. */
  hotfix: string;
  /** On main, picked to dev without -x: only the patch links them. */
  samePatch: string;
  /** On main, picked with -x from a fix made on dev, amended (another patch). */
  forward: string;
  /** On main after the release: missing on dev. */
  later: string;
}

/**
 * Hotfixes land on main and are picked to dev; a fix made on dev is picked to main; then a release
 * merges dev into main with no back-merge since, so main's history holds dev's picks (and the fix
 * they name) too: `dev ^main` no longer lists them. `devMovesOn`: dev gets a commit after the
 * release was cut (else dev is an ancestor of main).
 */
async function releasedWithoutBackMerge(devMovesOn: boolean): Promise<Released> {
  const r = await createTempRepo();
  await r.commit('feat: first');
  await r.tag('v1.0.0', { message: 'v1.0.0' });
  await r.git('branch', 'dev');
  const hotfix = await r.commit('fix(auth): token expiry', { path: 'auth.txt', content: 'expiry = 1h\n' });
  const samePatch = await r.commit('fix(api): null body', { path: 'body.txt', content: 'body\n' });
  await r.git('checkout', '-q', 'dev');
  await r.commit('feat(api): new endpoint', { path: 'api.txt' });
  const devFix = await r.commit('fix(cli): exit code', { path: 'cli.txt', content: 'exit 1\n' });
  await r.git('cherry-pick', '-x', hotfix);
  await r.write('auth-note.txt', 'picked to dev\n');
  await r.git('add', 'auth-note.txt');
  await r.git('commit', '-q', '--amend', '--no-edit');
  await r.git('cherry-pick', samePatch);
  await r.git('checkout', '-q', 'main');
  await r.git('cherry-pick', '-x', devFix);
  await r.write('cli-note.txt', 'picked to main\n');
  await r.git('add', 'cli-note.txt');
  await r.git('commit', '-q', '--amend', '--no-edit');
  const forward = await r.git('rev-parse', 'HEAD');
  await r.git('checkout', '-q', '-b', 'release/1.1', 'dev');
  await r.commit('chore(release): 1.1.0', { path: 'CHANGELOG.md' });
  await r.git('checkout', '-q', 'main');
  await r.git('merge', '-q', '--no-ff', '-m', 'Merge release/1.1', 'release/1.1');
  await r.git('branch', '-q', '-D', 'release/1.1');
  if (devMovesOn) {
    await r.git('checkout', '-q', 'dev');
    await r.commit('feat: next thing', { path: 'next.txt' });
    await r.git('checkout', '-q', 'main');
  }
  const later = await r.commit('fix(ui): later', { path: 'ui.txt' });
  return { repo: r, hotfix, samePatch, forward, later };
}

describe('shipwright backport --list after a release merged dev into main, before any back-merge', () => {
  for (const devMovesOn of [false, true]) {
    it(`counts dev's picks, which main's history now holds too, as present${devMovesOn ? ' (dev moved on since)' : ''}`, async () => {
      const fixes = await releasedWithoutBackMerge(devMovesOn);
      repo = fixes.repo;
      let matrix: Matrix | undefined;
      const calls = await gitCalls(async () => (matrix = await listJson(['--to', 'dev'])));
      expect(matrix?.rows.map((row) => [row.subject, row.present])).toEqual([['later', { dev: false }]]);
      // Still per target, not per commit: the two logs, the common base of where main's commits
      // hang off dev's history, and the two logs again from there.
      const logs = calls.filter((argv) => argv[0] === 'log' && argv.some((arg) => arg.startsWith('refs/heads/dev')));
      expect(logs.map((argv) => argv.includes('--cherry-mark')).sort()).toEqual([false, false, true, true]);
      expect(calls.filter((argv) => argv[0] === 'merge-base' && argv.includes('--octopus'))).toHaveLength(1);

      const status = JSON.parse((await runShipwright(['status', '--json'], { cwd: repo.dir })).stdout) as {
        missingFixes: { target: string; commits: { hash: string }[] }[];
      };
      expect(
        status.missingFixes.map((missing) => [missing.target, missing.commits.map((commit) => commit.hash)]),
      ).toEqual([['dev', [fixes.later]]]);

      // backport, which the TUI runs on the matrix's rows, agrees: only the later fix is picked.
      const dry = await runShipwright(
        ['backport', fixes.hotfix, fixes.samePatch, fixes.forward, fixes.later, '--to', 'dev', '--dry-run', '--json'],
        { cwd: repo.dir },
      );
      expect(dry.code, dry.stderr).toBe(0);
      const planned = JSON.parse(dry.stdout.trim().split('\n')[0] as string) as {
        results: { target: string; picked: string[]; present: string[] }[];
      };
      expect(planned.results).toMatchObject([
        { target: 'dev', picked: [fixes.later], present: [fixes.hotfix, fixes.samePatch, fixes.forward] },
      ]);
    });
  }
});

describe('shipwright backport: the two forms', () => {
  it('refuses --from and --type, which belong to --list', async () => {
    repo = await createTempRepo();
    await repo.commit('fix: a');
    const result = await runShipwright(['backport', 'HEAD', '--to', 'dev', '--from', 'main', '--yes'], {
      cwd: repo.dir,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--from, --since and --type belong to --list');
  });

  it('describes both forms in --help', async () => {
    const result = await runShipwright(['backport', '--help'], { cwd: process.cwd() });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Usage: shipwright backport SHA... --to BRANCH... [--package NAME] [--dry-run] [--yes] [--json]',
    );
    expect(result.stdout).toContain(
      'shipwright backport --list [--from BRANCH] [--to BRANCH]... [--package NAME] [--since TAG] [--type TYPE]... [--json]',
    );
    expect(result.stdout).toMatch(/--to BRANCH\s+a target branch, local or only on origin/);
  });
});
