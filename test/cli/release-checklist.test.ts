// The release checklist on real repositories with a real bare remote: before commands run (argv,
// never a shell) and must pass, confirmations come from a person, --yes or --confirm, the tag
// records what was checked, and after items run once the release is pushed.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();
const ENV = { SOURCE_DATE_EPOCH: '1717200000' };
const release = (dir: string, ...args: string[]) => runShipwright(['release', ...args], { cwd: dir, env: ENV });

/** A node one-liner as argv: appends NAME to .git/checklist.log (outside the work tree), then exits with CODE. */
const step = (dir: string, name: string, code = 0, say = '') => [
  process.execPath,
  '-e',
  `require('fs').appendFileSync(${JSON.stringify(join(dir, '.git', 'checklist.log'))}, ${JSON.stringify(`${name}\n`)}); ${say ? `console.error(${JSON.stringify(say)}); ` : ''}process.exit(${code})`,
];
const ran = async (dir: string) =>
  (await readFile(join(dir, '.git', 'checklist.log'), 'utf8').catch(() => '')).split('\n').filter(Boolean);

async function repoWithChecklist(checklist: (dir: string) => Record<string, unknown>) {
  const entry = await track(createReleaseRepo());
  await entry.repo.commit('chore: release checklist', {
    path: 'shipwright.config.json',
    content: `${JSON.stringify({ checklist: checklist(entry.repo.dir) })}\n`,
  });
  await entry.repo.git('push', '-q');
  return entry;
}

describe('release checklist: before', () => {
  it('runs the commands, takes the confirmation from --confirm, and records every item in the tag', async () => {
    const { repo, remote } = await repoWithChecklist((dir) => ({
      before: [
        { name: 'tests', run: step(dir, 'tests') },
        { name: 'migrations tested', confirm: true },
        { name: 'lint', run: step(dir, 'lint') },
      ],
    }));
    const result = await release(repo.dir, '--yes', '--confirm', 'migrations tested');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('✓ checklist: tests (');
    expect(result.stdout).toContain('✓ checklist: lint (');
    expect(await ran(repo.dir)).toEqual(['tests', 'lint']);
    const message = await repo.git('tag', '-l', '--format=%(contents)', 'v0.2.0');
    expect(message).toContain('### Features');
    expect(message.trimEnd().split('\n').at(-1)).toBe(
      'Checklist: tests ✓, migrations tested ✓ (confirmed by Ada Lovelace), lint ✓',
    );
    expect(await remote.git('tag', '-l', '--format=%(contents)', 'v0.2.0')).toBe(message);
  });

  it('a failing command stops the release with nothing written (exit 1); later commands do not run', async () => {
    const { repo, remote } = await repoWithChecklist((dir) => ({
      before: [
        { name: 'tests', run: step(dir, 'tests', 3, '2 tests failed') },
        { name: 'lint', run: step(dir, 'lint') },
      ],
    }));
    const before = await snapshotRepo(repo);
    const remoteBefore = await remote.git('for-each-ref');
    const result = await release(repo.dir, '--yes');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2 tests failed');
    expect(result.stderr).toMatch(/failed with exit code 3/);
    expect(result.stderr).toContain('Nothing had been changed yet.');
    expect(await ran(repo.dir)).toEqual(['tests']);
    expect(await snapshotRepo(repo)).toEqual(before);
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);
  });

  it('without a terminal, a confirmation needs --confirm NAME or --yes: refused before anything runs', async () => {
    const { repo } = await repoWithChecklist((dir) => ({
      before: [
        { name: 'tests', run: step(dir, 'tests') },
        { name: 'migrations tested', confirm: true },
      ],
    }));
    const before = await snapshotRepo(repo);
    const json = await release(repo.dir, '--json', '--yes', '--confirm', 'migrations');
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('--confirm migrations names no confirmation of the checklist.');
    expect(json.stderr).toContain("the checklist asks to confirm: 'migrations tested'");
    // --yes confirms every item; a plain run without it names the flag to add.
    const plain = await runShipwright(['release', '--no-push'], { cwd: repo.dir, env: ENV });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toContain(
      'needs a person to confirm "migrations tested", but there is no terminal to ask on. Nothing was written.',
    );
    expect(plain.stderr).toContain(
      "shipwright release --no-push --confirm 'migrations tested'   (or --yes to confirm every item)",
    );
    expect(await ran(repo.dir)).toEqual([]);
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('--dry-run runs nothing and shows the checklist steps, the confirmation and the tag record', async () => {
    const { repo } = await repoWithChecklist((dir) => ({
      before: [
        { name: 'tests', run: step(dir, 'tests') },
        { name: 'docs updated', confirm: true },
      ],
    }));
    const dry = await release(repo.dir, '--dry-run');
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/ {2}1\. checklist: tests \(/);
    expect(dry.stdout).toContain(`· checklist: "docs updated" is confirmed before anything is written`);
    expect(dry.stdout).toContain('Checklist: tests ✓, docs updated ✓ (confirmed by Ada Lovelace)');
    expect(await ran(repo.dir)).toEqual([]);
  });

  it('the older preRelease key is the first before item', async () => {
    const entry = await track(createReleaseRepo());
    const { repo } = entry;
    await repo.commit('chore: config', {
      path: 'shipwright.config.json',
      content: `${JSON.stringify({ preRelease: step(repo.dir, 'old'), checklist: { before: [{ name: 'tests', run: step(repo.dir, 'tests') }] } })}\n`,
    });
    await repo.git('push', '-q');
    const result = await release(repo.dir, '--yes');
    expect(result.code, result.stderr).toBe(0);
    expect(await ran(repo.dir)).toEqual(['old', 'tests']);
    expect(await repo.git('tag', '-l', '--format=%(contents)', 'v0.2.0')).toContain('Checklist: preRelease ✓, tests ✓');
  });
});

describe('release checklist: after', () => {
  it('runs after the push, every item even after one fails; a failure is exit 1 and the release stays', async () => {
    const { repo, remote } = await repoWithChecklist((dir) => ({
      after: [
        { name: 'health check', run: step(dir, 'health', 1, 'HTTP 503 from /health') },
        { name: 'customer notification', confirm: true },
        { name: 'metrics', run: step(dir, 'metrics') },
      ],
    }));
    const result = await release(repo.dir, '--yes');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Released v0.2.0: main and v0.2.0 pushed to origin.');
    expect(result.stdout).toContain('· customer notification: to do by hand');
    expect(result.stdout).toContain('✓ metrics');
    expect(result.stderr).toContain('✗ health check failed with exit code 1');
    expect(result.stderr).toContain('    HTTP 503 from /health');
    expect(result.stderr).toContain('v0.2.0 is released and pushed, and stays so');
    expect(result.stderr).toMatch(/→ fix it and run it again: .*node.* -e /);
    expect(result.stderr).toContain('→ or redeploy the previous release: shipwright rollback');
    expect(await ran(repo.dir)).toEqual(['health', 'metrics']);
    expect(await remote.git('rev-parse', 'v0.2.0^{commit}')).toBe(await repo.git('rev-parse', 'HEAD'));
  });

  it('with --no-push they are printed for later (CI), not run', async () => {
    const { repo } = await repoWithChecklist(() => ({
      after: [
        { name: 'health check', run: ['shipwright', 'verify', '--url', 'https://example.test/health'] },
        { name: 'customer notification', confirm: true },
      ],
    }));
    const result = await release(repo.dir, '--yes', '--no-push');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(
      'v0.2.0 is not pushed. Once it is, the release checklist asks for:\n  health check: shipwright verify --url https://example.test/health\n  customer notification: confirm by hand\n',
    );
    expect(await ran(repo.dir)).toEqual([]);
  });
});
