// `shipwright version` against real repositories.
import { afterEach, describe, expect, it } from 'vitest';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('shipwright version', () => {
  it('bumps minor for a feature since the last tag and explains why in JSON', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    await repo.tag('v1.0.0');
    await repo.commit('fix: a bug');
    await repo.commit('feat(api): add export');
    const plain = await runShipwright(['version'], { cwd: repo.dir });
    expect(plain).toMatchObject({ code: 0, stdout: '1.1.0\n' });
    const json = await runShipwright(['version', '--json'], { cwd: repo.dir });
    const parsed = JSON.parse(json.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({ version: '1.1.0', current: '1.0.0', bump: 'minor', tag: 'v1.1.0' });
    expect(parsed.reason).toContain('feat(api): add export');
  });

  it('refuses with exit 1 when nothing releasable happened, naming --bump', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: first');
    await repo.tag('v1.0.0');
    await repo.commit('docs: readme');
    const result = await runShipwright(['version'], { cwd: repo.dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--bump patch');
  });

  it('reports a shallow clone with the fetch that fixes it', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: one');
    await repo.commit('feat: two');
    const clone = await createTempRepo({ prefix: 'shipwright-clone-' });
    await clone.remove();
    const { execa } = await import('execa');
    await execa('git', ['clone', '-q', '--depth', '1', `file://${repo.dir}`, clone.dir]);
    const result = await runShipwright(['version'], { cwd: clone.dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('git fetch --unshallow --tags');
    await clone.remove();
  });

  it('is a usage error (2) for a bad --bump value', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: one');
    const result = await runShipwright(['version', '--bump', 'huge'], { cwd: repo.dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--bump must be one of major, minor, patch');
  });

  it('fails outside a repository with exit 3 and the fix', async () => {
    const { mkdtemp } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'shipwright-norepo-'));
    const result = await runShipwright(['version'], { cwd: dir });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/not inside a git repository/);
    expect(result.stderr).toContain('fix:');
  });
});
