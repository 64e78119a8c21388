// The engine's journal and lock with the built CLI in a real process: SIGINT rolls back, kill -9
// leaves a journal that blocks writes until `shipwright abort` restores the snapshot (and that
// `continue --skip` refuses: nothing paused); the lock holds for every worktree of the repository.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, waitFor } from '../helpers/hooked-repo.js';
import { createReleaseRepo, rejectPushes, type ReleaseRepo } from '../helpers/release-repo.js';
import { snapshotRepo } from '../helpers/repo-snapshot.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const repos: ReleaseRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((entry) => entry.remove()));
});

async function releaseRepo(): Promise<ReleaseRepo> {
  const created = await createReleaseRepo();
  repos.push(created);
  return created;
}

/** Release steps: 0 package.json, 1 CHANGELOG.md, 2 stage, 3 commit, 4 tag, 5 push. */
const runBuilt = (dir: string, args: string[], env: Record<string, string> = {}) =>
  execa(process.execPath, [join(PROJECT_ROOT, 'bin', 'shipwright.js'), ...args], {
    cwd: dir,
    env: { SOURCE_DATE_EPOCH: '1717200000', ...env },
    reject: false,
    stdin: 'ignore',
  });

const journal = (dir: string) => join(dir, '.git', 'shipwright', 'journal.json');
const readJournalFile = (dir: string): Promise<{ done: number[] } | null> =>
  readFile(journal(dir), 'utf8').then(
    (text) => JSON.parse(text) as { done: number[] },
    () => null,
  );

describe('engine journal', () => {
  it('SIGINT between the commit and the tag rolls back to the exact snapshot', async () => {
    const { repo, remote } = await releaseRepo();
    const before = await snapshotRepo(repo);
    const remoteBefore = await remote.git('for-each-ref');
    const result = await runBuilt(repo.dir, ['release', '--yes'], { SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '3:SIGINT' });
    expect(result.exitCode, result.stderr).toBe(3);
    expect(result.stderr).toContain('interrupted by SIGINT');
    expect(result.stderr).toMatch(/Restored: .*main back at \w{7}/);
    expect(await snapshotRepo(repo)).toEqual(before);
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);
  });

  it('a push that landed just before kill -9 (not yet recorded) is recognised: continue skips it, abort finishes the run', async () => {
    for (const command of ['continue', 'abort'] as const) {
      const { repo, remote } = await releaseRepo();
      const killed = await runBuilt(repo.dir, ['release', '--yes'], { SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '5:SIGKILL' });
      expect(killed.signal).toBe('SIGKILL');
      // As if the process died between the push and writing it down.
      const recorded = JSON.parse(await readFile(journal(repo.dir), 'utf8'));
      await writeFile(
        journal(repo.dir),
        JSON.stringify({ ...recorded, done: recorded.done.filter((index: number) => index !== 5) }),
      );
      const result = await runShipwright([command], { cwd: repo.dir });
      if (command === 'continue') {
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain('origin already has it');
      } else {
        // Once the remote has the release, abort cannot undo it: it finishes the run as continue
        // would and names the commands that take it back (docs/recovery.md).
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain('origin already has v0.2.0, so abort cannot undo it');
        expect(result.stdout).toContain('git push origin --delete refs/tags/v0.2.0');
      }
      expect(existsSync(journal(repo.dir))).toBe(false);
      expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
      expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
    }
  });

  it('kill -9 after the tag leaves a journal; writes are refused until `shipwright abort` restores everything', async () => {
    const { repo, remote } = await releaseRepo();
    const before = await snapshotRepo(repo);
    const remoteBefore = await remote.git('for-each-ref');
    const killed = await runBuilt(repo.dir, ['release', '--yes'], { SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '4:SIGKILL' });
    expect(killed.signal).toBe('SIGKILL');
    expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');

    const recorded = JSON.parse(await readFile(journal(repo.dir), 'utf8'));
    expect(recorded).toMatchObject({
      command: 'shipwright release --yes',
      done: [0, 1, 2, 3, 4],
      head: { branch: 'main' },
    });
    expect(Object.keys(recorded.refs)).toEqual(['refs/heads/main', 'refs/tags/v0.2.0']);
    expect(recorded.refs['refs/tags/v0.2.0']).toEqual({ before: null, last: await repo.git('rev-parse', 'v0.2.0') });
    expect(Buffer.from(recorded.files[0].content, 'base64').toString()).toContain('"version": "0.1.0"');

    for (const args of [
      ['release', '--yes'],
      ['branch', 'feature', 'next', '--yes'],
    ]) {
      const refused = await runShipwright(args, { cwd: repo.dir });
      expect(refused.code, refused.stderr).toBe(1);
      expect(refused.stderr).toContain(
        'An earlier shipwright run (`shipwright release --yes`) has not finished (it was interrupted, or stopped on a conflict)',
      );
      expect(refused.stderr).toContain('shipwright abort');
      expect(refused.stderr).toContain('shipwright continue');
    }

    const aborted = await runShipwright(['abort'], { cwd: repo.dir });
    expect(aborted.code, aborted.stderr).toBe(0);
    expect(aborted.stdout).toContain('Undid `shipwright release --yes`');
    expect(aborted.stdout).toContain('tag v0.2.0 deleted');
    expect(await snapshotRepo(repo)).toEqual(before);
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);

    const again = await runShipwright(['release', '--yes'], {
      cwd: repo.dir,
      env: { SOURCE_DATE_EPOCH: '1717200000' },
    });
    expect(again.code, again.stderr).toBe(0);
  });

  it('`shipwright continue` after kill -9 finishes the release; a step done but not recorded is not repeated', async () => {
    const { repo, remote } = await releaseRepo();
    const killed = await runBuilt(repo.dir, ['release', '--yes'], { SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '4:SIGKILL' });
    expect(killed.signal).toBe('SIGKILL');
    // As if the process died after git created the tag but before the journal recorded it.
    const recorded = JSON.parse(await readFile(journal(repo.dir), 'utf8'));
    await writeFile(journal(repo.dir), JSON.stringify({ ...recorded, done: [0, 1, 2, 3] }));

    const continued = await runShipwright(['continue'], { cwd: repo.dir });
    expect(continued.code, continued.stderr).toBe(0);
    expect(continued.stdout).toContain('(tag v0.2.0 already on HEAD)');
    expect(continued.stdout).toContain('✓ push main and v0.2.0 to origin');
    expect(continued.stdout).toContain('Finished `shipwright release --yes`.');
    const head = await repo.git('rev-parse', 'HEAD');
    expect(await remote.git('rev-parse', 'refs/heads/main')).toBe(head);
    expect(await remote.git('rev-parse', 'v0.2.0^{commit}')).toBe(head);
    expect(existsSync(join(repo.dir, '.git', 'shipwright'))).toBe(false);
  });

  it('`continue --skip` after kill -9 is refused: the run was interrupted, not paused, so there is nothing to skip', async () => {
    const { repo, remote } = await releaseRepo();
    const killed = await runBuilt(repo.dir, ['release', '--yes'], { SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '4:SIGKILL' });
    expect(killed.signal).toBe('SIGKILL');
    const recorded = await readFile(journal(repo.dir), 'utf8');
    const [refsBefore, remoteBefore] = await Promise.all([repo.git('for-each-ref'), remote.git('for-each-ref')]);

    const skipped = await runShipwright(['continue', '--skip'], { cwd: repo.dir });
    expect(skipped.code, skipped.stderr).toBe(2);
    expect(skipped.stderr).toContain(
      'The last run (`shipwright release --yes`) was interrupted, not paused on a conflict: there is nothing to skip.',
    );
    expect(skipped.stderr).toContain('fix: shipwright continue   (finish it)   or   shipwright abort   (undo it)');
    expect(skipped.stdout).toBe('');
    const json = await runShipwright(['continue', '--skip', '--json'], { cwd: repo.dir });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout.trim().split('\n').at(-1) as string)).toMatchObject({
      ok: false,
      error: { code: 'nothing-to-skip', kind: 'usage' },
    });
    // Nothing ran and nothing was written: the journal, the refs and the remote are as the crash left them.
    expect(await readFile(journal(repo.dir), 'utf8')).toBe(recorded);
    expect(await repo.git('for-each-ref')).toBe(refsBefore);
    expect(await remote.git('for-each-ref')).toBe(remoteBefore);
    expect(existsSync(join(repo.dir, '.git', 'shipwright', 'engine.lock'))).toBe(false);

    // A rollback that could not finish is not a pause either: only abort finishes it.
    await writeFile(journal(repo.dir), JSON.stringify({ ...JSON.parse(recorded), restoreIncomplete: true }));
    const incomplete = await runShipwright(['continue', '--skip'], { cwd: repo.dir });
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain(
      '`shipwright release --yes` failed and could not put everything back; it is not paused on a conflict, so there is nothing to skip.',
    );
    expect(incomplete.stderr).toContain('fix: shipwright abort');
    await writeFile(journal(repo.dir), recorded);

    // The run still waits, and `continue` finishes it.
    const continued = await runShipwright(['continue'], { cwd: repo.dir });
    expect(continued.code, continued.stderr).toBe(0);
    expect(await remote.git('rev-parse', 'v0.2.0^{commit}')).toBe(await repo.git('rev-parse', 'HEAD'));
  });

  it('a `shipwright continue` whose push is rejected restores the snapshot from the journal', async () => {
    const { repo, remote } = await releaseRepo();
    const before = await snapshotRepo(repo);
    await runBuilt(repo.dir, ['release', '--yes'], { SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '4:SIGKILL' });
    await rejectPushes(remote);
    const continued = await runShipwright(['continue'], { cwd: repo.dir });
    expect(continued.code).toBe(3);
    expect(continued.stderr).toContain('rejected the push');
    expect(await snapshotRepo(repo)).toEqual(before);
  });

  it('refuses a second run while another holds the lock, naming it', async () => {
    const { repo } = await releaseRepo();
    await mkdir(join(repo.dir, '.git', 'shipwright'), { recursive: true });
    await writeFile(join(repo.dir, '.git', 'shipwright', 'engine.lock'), `${process.ppid} shipwright release --yes\n`);
    const result = await runShipwright(['release', '--yes'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Another shipwright run is changing this repository: \`shipwright release --yes\` (process ${process.ppid})`,
    );
  });

  it('the lock is per repository: while a run in the main worktree holds it, a linked worktree can start nothing', async () => {
    const { repo } = await releaseRepo();
    const linked = await repo.addWorktree({ branch: 'feature/side' });
    // A real run, stopped (SIGSTOP) after its first step with the lock held and its journal written.
    const holder = runBuilt(repo.dir, ['release', '--yes', '--no-push'], {
      SHIPWRIGHT_TEST_SIGNAL_AFTER_STEP: '0:SIGSTOP',
    });
    try {
      await waitFor(
        async () => ((await readJournalFile(repo.dir))?.done ?? []).includes(0),
        'the run to stop after its first step',
      );
      for (const args of [
        ['branch', 'fix', 'other', '--yes'],
        ['release', '--yes', '--no-push'],
        ['continue'],
        ['abort'],
      ]) {
        const refused = await runShipwright(args, { cwd: linked.dir });
        expect(refused.code, `${args.join(' ')}: ${refused.stderr}`).toBe(1);
        expect(refused.stderr).toContain(
          `Another shipwright run is changing this repository: \`shipwright release --yes --no-push\` (process ${holder.pid})`,
        );
      }
      expect(await linked.git('branch', '--list', 'fix/*')).toBe('');
      holder.kill('SIGCONT');
      const finished = await holder;
      expect(finished.exitCode, finished.stderr).toBe(0);
      expect(await repo.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('a lock left by a dead process without a journal is taken over', async () => {
    const { repo } = await releaseRepo();
    const exited = execa(process.execPath, ['-e', '']);
    const deadPid = exited.pid as number;
    await exited;
    await mkdir(join(repo.dir, '.git', 'shipwright'), { recursive: true });
    await writeFile(join(repo.dir, '.git', 'shipwright', 'engine.lock'), `${deadPid} shipwright release\n`);
    const result = await runShipwright(['release', '--yes', '--no-push'], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'shipwright', 'engine.lock'))).toBe(false);
  });

  it('abort with no interrupted run says so', async () => {
    const { repo } = await releaseRepo();
    const result = await runShipwright(['abort'], { cwd: repo.dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('nothing to abort');
  });
});
