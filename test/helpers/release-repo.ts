// A trunk repository with a released v0.1.0, a feature and a fix since, and a real bare remote.
import { chmod, writeFile } from 'node:fs/promises';
import { afterEach } from 'vitest';
import { join } from 'node:path';
import { runShipwright } from './run-shipwright.js';
import { createTempRepo, type TempRepo } from './temp-repo.js';

export interface ReleaseRepo {
  repo: TempRepo;
  remote: TempRepo;
  remove(): Promise<void>;
}

export const PACKAGE_JSON = '{\n  "name": "demo",\n  "version": "0.1.0"\n}\n';

export async function createReleaseRepo(
  options: { branch?: string; config?: Record<string, unknown> } = {},
): Promise<ReleaseRepo> {
  const branch = options.branch ?? 'main';
  const remote = await createTempRepo({ bare: true, branch, prefix: 'shipwright-remote-' });
  const repo = await createTempRepo({ branch });
  await repo.write('package.json', PACKAGE_JSON);
  if (options.config) await repo.write('shipwright.config.json', `${JSON.stringify(options.config, null, 2)}\n`);
  await repo.git('add', '.');
  await repo.commit('chore: initial commit');
  await repo.tag(`${(options.config?.tagPrefix as string | undefined) ?? 'v'}0.1.0`, { message: 'first' });
  await repo.commit('feat: add the widget');
  await repo.commit('fix(widget): handle empty input');
  await repo.git('remote', 'add', 'origin', `file://${remote.dir}`);
  await repo.git('push', '-q', '--follow-tags', '-u', 'origin', branch);
  return { repo, remote, remove: async () => void (await Promise.all([repo.remove(), remote.remove()])) };
}

/** The remote refuses every push from now on, as a protected branch or a failing server check would. */
export async function rejectPushes(remote: TempRepo): Promise<void> {
  const hook = join(remote.dir, 'hooks', 'pre-receive');
  await writeFile(hook, '#!/bin/sh\necho "pushes are frozen" >&2\nexit 1\n');
  await chmod(hook, 0o755);
}

/**
 * A gitflow repository: v0.1.0 on main, dev with a feature and a fix since, both branches pushed
 * to a real bare remote with upstreams.
 */
export async function createGitflowRepo(): Promise<ReleaseRepo> {
  const remote = await createTempRepo({ bare: true, branch: 'main', prefix: 'shipwright-remote-' });
  const repo = await createTempRepo({ branch: 'main' });
  await repo.write('package.json', PACKAGE_JSON);
  await repo.git('add', '.');
  await repo.commit('chore: initial commit');
  await repo.tag('v0.1.0', { message: 'first' });
  await repo.git('switch', '-q', '-c', 'dev');
  await repo.commit('feat: add the widget');
  await repo.commit('fix(widget): handle empty input');
  await repo.git('remote', 'add', 'origin', `file://${remote.dir}`);
  await repo.git('push', '-q', '--follow-tags', '-u', 'origin', 'main', 'dev');
  return { repo, remote, remove: async () => void (await Promise.all([repo.remove(), remote.remove()])) };
}

/**
 * `release start` on a gitflow repository, then dev moves on touching the version line (pushed), so
 * `release finish` pauses on the back-merge into dev. Leaves release/0.2.0 checked out.
 */
export async function startReleaseWithConflictingDev({ repo }: ReleaseRepo): Promise<void> {
  const started = await runShipwright(['release', 'start', '--yes'], {
    cwd: repo.dir,
    env: { SOURCE_DATE_EPOCH: '1717200000' },
  });
  if (started.code !== 0) throw new Error(`release start failed: ${started.stderr}`);
  await repo.git('switch', '-q', 'dev');
  await repo.commit('chore: mark dev builds', {
    path: 'package.json',
    content: '{\n  "name": "demo",\n  "version": "0.2.0-dev"\n}\n',
  });
  await repo.git('push', '-q');
  await repo.git('switch', '-q', 'release/0.2.0');
}

/**
 * For a test file: `track(createReleaseRepo())` keeps the repository and its remote until the
 * test ends, then removes both.
 */
export function removedAfterEach(): (created: Promise<ReleaseRepo>) => Promise<ReleaseRepo> {
  const repos: ReleaseRepo[] = [];
  afterEach(async () => {
    await Promise.all(repos.splice(0).map((entry) => entry.remove()));
  });
  return async (created) => {
    const entry = await created;
    repos.push(entry);
    return entry;
  };
}
