// `shipwright changelog` writing CHANGELOG.md: below the header, idempotent, hand edits kept,
// a stale draft of the upcoming release replaced when its version changes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ISOLATED_GIT_ENV } from './support/conventional-changelog.js';

let repo: TempRepo | undefined;
beforeAll(() => {
  // 2025-01-01: the date of every upcoming section.
  Object.assign(process.env, ISOLATED_GIT_ENV, { SOURCE_DATE_EPOCH: '1735689600' });
});
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

const changelog = async (dir: string, ...args: string[]) => {
  const result = await runShipwright(['changelog', ...args], { cwd: dir });
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
};
const readChangelog = (dir: string) => readFile(join(dir, 'CHANGELOG.md'), 'utf8');
const headings = (text: string) => text.split('\n').filter((line) => /^#{1,3} /.test(line));

/** v1.0.0 released, its section written by shipwright and committed, then `messages` on top. */
async function releasedRepo(messages: string[]): Promise<TempRepo> {
  const created = await createTempRepo();
  await created.git('remote', 'add', 'origin', 'https://github.com/acme/app.git');
  await created.commit('feat: initial');
  await changelog(created.dir);
  await created.git('add', 'CHANGELOG.md');
  await created.commit('chore(release): 1.0.0', { allowEmpty: true });
  await created.tag('v1.0.0');
  for (const message of messages) await created.commit(message);
  return created;
}

describe('shipwright changelog (writing CHANGELOG.md)', () => {
  it('creates the file with a title when there is none', async () => {
    repo = await createTempRepo();
    await repo.commit('feat: initial');
    const stdout = await changelog(repo.dir);
    expect(stdout).toBe('Created CHANGELOG.md: 1.0.0.\n');
    expect(await readChangelog(repo.dir)).toBe(`# Changelog\n\n${await changelog(repo.dir, '--stdout')}`);
  });

  it('puts the new section below the existing header and above the older sections', async () => {
    repo = await releasedRepo(['fix: a crash', 'feat: search']);
    const before = await readChangelog(repo.dir);
    await repo.write(
      'CHANGELOG.md',
      before.replace('# Changelog\n', '# Changelog\n\nAll notable changes to this project.\n'),
    );
    const older = (await readChangelog(repo.dir)).slice(
      '# Changelog\n\nAll notable changes to this project.\n\n'.length,
    );

    expect(await changelog(repo.dir)).toBe('Updated CHANGELOG.md: 1.1.0 since v1.0.0.\n');
    const section = await changelog(repo.dir, '--stdout');
    expect(section).toMatch(
      /^## \[1\.1\.0\]\(https:\/\/github\.com\/acme\/app\/compare\/v1\.0\.0\.\.\.v1\.1\.0\) \(2025-01-01\)\n/,
    );
    expect(await readChangelog(repo.dir)).toBe(
      `# Changelog\n\nAll notable changes to this project.\n\n${section}\n${older}`,
    );
  });

  it('never duplicates a section when run twice', async () => {
    repo = await releasedRepo(['feat: search']);
    await changelog(repo.dir);
    const once = await readChangelog(repo.dir);
    expect(await changelog(repo.dir)).toBe('CHANGELOG.md is up to date (1.1.0).\n');
    expect(await readChangelog(repo.dir)).toBe(once);
    expect(headings(once).filter((line) => line.includes('1.1.0'))).toHaveLength(1);
  });

  it('keeps hand edits to older sections byte for byte', async () => {
    repo = await releasedRepo(['fix: a crash']);
    const edited = (await readChangelog(repo.dir)).replace(
      '* initial (',
      '* initial — see the *migration guide* <!-- edited by hand --> (',
    );
    await repo.write('CHANGELOG.md', edited);
    await changelog(repo.dir);
    const after = await readChangelog(repo.dir);
    expect(after).toContain(edited.slice('# Changelog\n\n'.length));
    expect(headings(after)).toEqual([
      '# Changelog',
      '## [1.0.1](https://github.com/acme/app/compare/v1.0.0...v1.0.1) (2025-01-01)',
      '### Bug Fixes',
      '## 1.0.0 (2025-01-01)',
      '### Features',
    ]);
  });

  it('replaces a stale draft when the upcoming version changes (1.0.1 → 1.1.0 after a feat)', async () => {
    repo = await releasedRepo(['fix: a crash']);
    await changelog(repo.dir);
    expect(headings(await readChangelog(repo.dir))[1]).toMatch(/^## \[1\.0\.1\]/);

    await repo.commit('feat: search');
    expect(await changelog(repo.dir)).toBe('Updated CHANGELOG.md: 1.1.0 since v1.0.0.\n');
    const after = await readChangelog(repo.dir);
    expect(after).not.toContain('1.0.1');
    expect(headings(after)).toEqual([
      '# Changelog',
      '## [1.1.0](https://github.com/acme/app/compare/v1.0.0...v1.1.0) (2025-01-01)',
      '### Features',
      '### Bug Fixes',
      '## 1.0.0 (2025-01-01)',
      '### Features',
    ]);
    expect(after).toContain('* a crash (');
  });

  it('regenerates every section with --release-count 0, keeping the text above the first section', async () => {
    repo = await releasedRepo(['feat: search']);
    await repo.write('CHANGELOG.md', '# Changelog\n\nIntro kept.\n\n## [1.0.0](old) (2020-01-01)\n\n* stale text\n');
    await changelog(repo.dir, '--release-count', '0');
    expect(await readChangelog(repo.dir)).toBe(
      `# Changelog\n\nIntro kept.\n\n${await changelog(repo.dir, '--stdout', '--release-count', '0')}`,
    );
  });

  it('changes nothing with --dry-run', async () => {
    repo = await releasedRepo(['feat: search']);
    const before = await readChangelog(repo.dir);
    const stdout = await changelog(repo.dir, '--dry-run');
    expect(stdout).toContain('update CHANGELOG.md with 1.1.0');
    expect(stdout).toContain('## [1.1.0]');
    expect(await readChangelog(repo.dir)).toBe(before);
  });
});
