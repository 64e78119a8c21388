// `release --publish` against verdaccio on 127.0.0.1: a release lands under `latest`, a prerelease
// under its id, checked with `npm view`; a publish that fails leaves the pushed tag and says how
// to retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { startVerdaccio, type Verdaccio } from '../helpers/verdaccio.js';

const track = removedAfterEach();
let registry: Verdaccio;
beforeAll(async () => {
  registry = await startVerdaccio();
}, 90_000);
afterAll(async () => {
  await registry?.stop();
});

const release = (dir: string, env: Record<string, string>, ...args: string[]) =>
  runShipwright(['release', ...args], { cwd: dir, env: { SOURCE_DATE_EPOCH: '1717200000', ...env } });

describe('release --publish (verdaccio)', () => {
  it('publishes a release under latest and a prerelease under its id; npm view shows both dist-tags', async () => {
    const { repo, remote } = await track(createReleaseRepo({ config: { publish: true } }));
    await repo.commit('chore: name the package', {
      path: 'package.json',
      content: '{\n  "name": "shipwright-publish-demo",\n  "version": "0.1.0"\n}\n',
    });
    await repo.git('push', '-q');
    const stable = await release(repo.dir, registry.env, '--yes');
    expect(stable.code, stable.stderr).toBe(0);
    expect(stable.stdout).toContain('npm publish 0.2.0 (dist-tag latest):');
    expect(stable.stdout).toContain('✓ published under the dist-tag latest');
    expect(await registry.distTags('shipwright-publish-demo')).toEqual({ latest: '0.2.0' });

    await repo.commit('feat: another widget');
    await repo.git('push', '-q');
    const rc = await release(repo.dir, registry.env, '--yes', '--preid', 'rc');
    expect(rc.code, rc.stderr).toBe(0);
    expect(rc.stdout).toContain('✓ published under the dist-tag rc');
    expect(await registry.distTags('shipwright-publish-demo')).toEqual({ latest: '0.2.0', rc: '0.3.0-rc.0' });
    expect(await remote.git('tag', '-l', 'v0.3.0-rc.0')).toBe('v0.3.0-rc.0');
  }, 120_000);

  it('a failed publish (that version is taken) exits 3 with the retry; the pushed tag stays', async () => {
    const { repo, remote } = await track(createReleaseRepo());
    await repo.commit('chore: name the package', {
      path: 'package.json',
      content: '{\n  "name": "shipwright-publish-taken",\n  "version": "0.1.0"\n}\n',
    });
    await repo.git('push', '-q');
    // 0.2.0 reaches the registry first, from elsewhere.
    const first = await track(createReleaseRepo());
    await first.repo.commit('chore: same name', {
      path: 'package.json',
      content: '{\n  "name": "shipwright-publish-taken",\n  "version": "0.1.0"\n}\n',
    });
    await first.repo.git('push', '-q');
    expect((await release(first.repo.dir, registry.env, '--yes', '--publish')).code).toBe(0);

    const result = await release(repo.dir, registry.env, '--yes', '--publish');
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('Released v0.2.0: main and v0.2.0 pushed to origin.');
    expect(result.stderr).toMatch(
      /✗ npm publish failed with exit code \d+ \(npm's message is above\)\. v0\.2\.0 is pushed and stays; nothing was rolled back\./,
    );
    expect(result.stderr).toContain('→ retry: npm publish --tag latest');
    expect(await remote.git('tag', '-l', 'v0.2.0')).toBe('v0.2.0');
  }, 120_000);

  it('--no-push publishes nothing and prints the command; a private package is never published', async () => {
    const { repo } = await track(createReleaseRepo());
    const notPushed = await release(repo.dir, registry.env, '--yes', '--no-push', '--publish');
    expect(notPushed.code, notPushed.stderr).toBe(0);
    expect(notPushed.stdout).toContain(
      'npm publish: v0.2.0 is not pushed, so nothing is published. Once the tag is pushed:\n  npm publish --tag latest\n',
    );

    const priv = await track(createReleaseRepo());
    await priv.repo.commit('chore: private', {
      path: 'package.json',
      content: '{\n  "name": "shipwright-private-demo",\n  "private": true,\n  "version": "0.1.0"\n}\n',
    });
    await priv.repo.git('push', '-q');
    const result = await release(priv.repo.dir, registry.env, '--yes', '--publish');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('npm publish: package.json is "private": true, so nothing is published');
  }, 120_000);
});
