// CHANGELOG.md keeps its history and its bytes on repositories of real shapes: a lerna-written file
// (commitlint's: `# Change Log` intro, sections four blank lines apart, a "Version bump only"
// release, an old untagged release), cloned without tags or with them; a CRLF file.
import { execa } from 'execa';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ISOLATED_GIT_ENV } from './support/conventional-changelog.js';

const cleanups: (() => Promise<unknown>)[] = [];
beforeAll(() => {
  Object.assign(process.env, ISOLATED_GIT_ENV, { SOURCE_DATE_EPOCH: '1735689600' });
});
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

const LERNA_CHANGELOG = [
  '# Change Log',
  '',
  'All notable changes to this project will be documented in this file.',
  'See [Conventional Commits](https://conventionalcommits.org) for commit guidelines.',
  '',
  '## [2.1.1](https://github.com/acme/lint/compare/v2.1.0...v2.1.1) (2024-01-01)',
  '',
  '**Note:** Version bump only for package @acme/root',
  '',
  '',
  '',
  '',
  '',
  '# [2.1.0](https://github.com/acme/lint/compare/v2.0.0...v2.1.0) (2024-01-01)',
  '',
  '',
  '### Features',
  '',
  '* **cli:** add --strict ([1111111](https://github.com/acme/lint/commit/1111111))',
  '* hand-edited: see the *migration guide*',
  '',
  '',
  '',
  '',
  '',
  '# [2.0.0](https://github.com/acme/lint/compare/v1.0.0...v2.0.0) (2024-01-01)',
  '',
  '### Features',
  '',
  '* the first major',
  '',
  '',
  '',
  '',
  '',
  '## 0.9.0 (2023-06-01)',
  '',
  '* from before tags were made (commitlint has 7.6.2 like this)',
  '',
].join('\n');

interface Published {
  origin: TempRepo;
  remote: TempRepo;
}

/** A lerna-shaped project pushed with its tags to a bare remote: v1.0.0 … v2.1.1, then a fix on top. */
async function publishedProject(changelog = LERNA_CHANGELOG): Promise<Published> {
  const remote = await createTempRepo({ bare: true, prefix: 'shipwright-remote-' });
  const origin = await createTempRepo();
  cleanups.push(
    () => remote.remove(),
    () => origin.remove(),
  );
  await origin.write('package.json', '{\n  "name": "@acme/root",\n  "private": true,\n  "version": "1.0.0"\n}\n');
  await origin.write('lerna.json', '{\n  "version": "2.1.1"\n}\n');
  await origin.git('add', '.');
  await origin.commit('feat: the first version');
  await origin.tag('v1.0.0', { message: 'v1.0.0' });
  await origin.commit('feat!: the first major');
  await origin.tag('v2.0.0', { message: 'v2.0.0' });
  await origin.commit('feat(cli): add --strict');
  await origin.tag('v2.1.0', { message: 'v2.1.0' });
  await origin.commit('chore: bump dependencies');
  await origin.write('CHANGELOG.md', changelog);
  await origin.git('add', 'CHANGELOG.md');
  await origin.commit('chore(release): publish', { allowEmpty: true });
  await origin.tag('v2.1.1', { message: 'v2.1.1' });
  await origin.commit('fix(cli): a crash on empty input');
  await origin.git('remote', 'add', 'origin', `file://${remote.dir}`);
  await origin.git('push', '-q', '--follow-tags', '-u', 'origin', 'main');
  return { origin, remote };
}

/** `git clone [--no-tags]` of the remote, as a new contributor or a CI checkout makes it. */
async function cloneOf(remote: TempRepo, ...flags: string[]): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), 'shipwright-clone-'));
  cleanups.push(() => rm(parent, { recursive: true, force: true }));
  await execa('git', ['clone', '-q', ...flags, `file://${remote.dir}`, 'work'], { cwd: parent, env: ISOLATED_GIT_ENV });
  const dir = join(parent, 'work');
  for (const [key, value] of [
    ['user.name', 'Ada Lovelace'],
    ['user.email', 'ada@example.com'],
    ['commit.gpgsign', 'false'],
    ['tag.gpgsign', 'false'],
  ]) {
    await execa('git', ['config', key as string, value as string], { cwd: dir });
  }
  return dir;
}

const readChangelog = (dir: string) => readFile(join(dir, 'CHANGELOG.md'), 'utf8');
const git = async (dir: string, ...args: string[]) =>
  (await execa('git', args, { cwd: dir, env: ISOLATED_GIT_ENV })).stdout;

describe('a clone without tags never rewrites history', () => {
  it('shipwright changelog refuses with exit 1 and the fix, and writes nothing', async () => {
    const { remote } = await publishedProject();
    const dir = await cloneOf(remote, '--no-tags');
    const result = await runShipwright(['changelog'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /origin has release tags that are not here \(v2\.1\.1, v2\.1\.0, v2\.0\.0, v1\.0\.0\)/,
    );
    expect(result.stderr).toMatch(/fix: git fetch --tags origin/);
    expect(await readChangelog(dir)).toBe(LERNA_CHANGELOG);
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  it('refuses from the files alone when the remote cannot say (sections and lerna.json above every tag here)', async () => {
    const { remote } = await publishedProject();
    const dir = await cloneOf(remote, '--no-tags');
    await git(dir, 'remote', 'remove', 'origin');
    const result = await runShipwright(['changelog'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /CHANGELOG\.md names releases 2\.1\.1, 2\.1\.0, 2\.0\.0, 0\.9\.0; lerna\.json names release 2\.1\.1, but there is no release tag here/,
    );
    expect(result.stderr).toMatch(/fix: git fetch --tags/);
    expect(await readChangelog(dir)).toBe(LERNA_CHANGELOG);
  });

  it('release --yes refuses before writing, naming the missing tags and the fix', async () => {
    const { remote } = await publishedProject();
    const dir = await cloneOf(remote, '--no-tags');
    const head = await git(dir, 'rev-parse', 'HEAD');
    const result = await runShipwright(['release', '--yes'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/origin has release tags that are not here/);
    expect(result.stderr).toMatch(/fix: git fetch --tags origin/);
    expect(await git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(await git(dir, 'tag')).toBe('');
    expect(await readChangelog(dir)).toBe(LERNA_CHANGELOG);
  });

  it('release --yes --no-push refuses from the files alone, before writing', async () => {
    const { remote } = await publishedProject();
    const dir = await cloneOf(remote, '--no-tags');
    const result = await runShipwright(['release', '--yes', '--no-push'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /CHANGELOG\.md names releases 2\.1\.1, 2\.1\.0, 2\.0\.0, 0\.9\.0.*there is no release tag here/,
    );
    expect(result.stderr).toMatch(/fix: git fetch --tags origin/);
    expect(await git(dir, 'tag')).toBe('');
    expect(await git(dir, 'status', '--porcelain')).toBe('');
  });

  it('after git fetch --tags, the update adds the new section and nothing else, in the file’s spacing', async () => {
    const { remote } = await publishedProject();
    const dir = await cloneOf(remote, '--no-tags');
    await git(dir, 'fetch', '-q', '--tags', 'origin');
    const result = await runShipwright(['changelog'], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Updated CHANGELOG.md: 2.1.2 since v2.1.1.\n');
    const section = (await runShipwright(['changelog', '--stdout'], { cwd: dir })).stdout;
    const intro = LERNA_CHANGELOG.slice(0, LERNA_CHANGELOG.indexOf('## [2.1.1]'));
    expect(await readChangelog(dir)).toBe(`${intro}${section}\n\n\n\n\n${LERNA_CHANGELOG.slice(intro.length)}`);
    const diff = await git(dir, 'diff', '--numstat');
    expect(diff).toBe(`${section.split('\n').length - 1 + 5}\t0\tCHANGELOG.md`);
  });
});

describe('old sections keep their bytes', () => {
  it('a CRLF file stays CRLF, the new section included, and its diff is the new section only', async () => {
    const crlf = LERNA_CHANGELOG.replace(/\n/g, '\r\n');
    const { origin } = await publishedProject(crlf);
    await runShipwright(['changelog'], { cwd: origin.dir }).then((result) => expect(result.stderr).toBe(''));
    const after = await readChangelog(origin.dir);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after.endsWith(crlf.slice(crlf.indexOf('## [2.1.1]')))).toBe(true);
    expect(await git(origin.dir, 'diff', '--numstat')).toMatch(/^\d+\t0\tCHANGELOG\.md$/);
  });
});
