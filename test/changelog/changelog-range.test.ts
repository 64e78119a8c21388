// `shipwright changelog --from A --to B` prints the releases between two refs, newest first, the
// releases git-cliff lists for A..B; `--to TAG` alone prints that release; an empty or reversed
// range is exit 1 with the range that works.
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ISOLATED_GIT_ENV } from './support/conventional-changelog.js';

const GIT_CLIFF = fileURLToPath(new URL('../../node_modules/.bin/git-cliff', import.meta.url));

let repo: TempRepo;
beforeAll(async () => {
  Object.assign(process.env, ISOLATED_GIT_ENV, { SOURCE_DATE_EPOCH: '1735689600' });
  repo = await createTempRepo();
  await repo.git('remote', 'add', 'origin', 'https://github.com/acme/app.git');
  for (const [message, tag] of [
    ['feat: first', 'v1.0.0'],
    ['feat: search', 'v1.1.0'],
    ['fix: search crash', 'v1.1.1'],
    ['feat: export', 'v1.2.0'],
    ['feat: import', 'v1.3.0'],
  ]) {
    await repo.commit(message as string);
    await repo.tag(tag as string, { message: tag as string });
  }
  await repo.commit('fix: late fix');
});
afterAll(() => repo.remove());

const changelog = (...args: string[]) => runShipwright(['changelog', '--stdout', ...args], { cwd: repo.dir });
const headings = (text: string) =>
  text
    .split('\n')
    .filter((line) => /^#{1,2} /.test(line))
    .map((line) => /\[?(\d+\.\d+\.\d+)/.exec(line)?.[1]);

/** The releases git-cliff lists for the range (null: its unreleased group), newest first. */
async function gitCliffReleases(range: string): Promise<(string | null)[]> {
  const { stdout } = await execa(GIT_CLIFF, [range, '--context'], { cwd: repo.dir, env: ISOLATED_GIT_ENV });
  return (JSON.parse(stdout) as { version: string | null }[]).map(
    (release) => release.version?.replace(/^v/, '') ?? null,
  );
}

/** One release's section as the whole regenerated history has it. */
async function sectionOf(version: string): Promise<string> {
  const lines = (await changelog('--release-count', '0')).stdout.split('\n');
  const isHeading = (line: string) => /^#{1,2} \[?\d/.test(line);
  const start = lines.findIndex((line) => isHeading(line) && line.includes(`${version}]`));
  const end = lines.findIndex((line, index) => index > start && isHeading(line));
  return `${lines.slice(start, end < 0 ? undefined : end).join('\n')}\n`;
}

describe('shipwright changelog --from/--to', () => {
  it('--from A --to B prints the releases between them, newest first, as git-cliff A..B lists them', async () => {
    const result = await changelog('--from', 'v1.0.0', '--to', 'v1.3.0');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(headings(result.stdout)).toEqual(['1.3.0', '1.2.0', '1.1.1', '1.1.0']);
    expect(headings(result.stdout)).toEqual(await gitCliffReleases('v1.0.0..v1.3.0'));
    const sections = await Promise.all(['1.3.0', '1.2.0', '1.1.1', '1.1.0'].map(sectionOf));
    expect(`${result.stdout.trimEnd()}\n`).toBe(`${sections.join('').trimEnd()}\n`);
  });

  it('--from A alone runs to HEAD: the upcoming release first', async () => {
    const result = await changelog('--from', 'v1.2.0');
    expect(result.code).toBe(0);
    expect(headings(result.stdout)).toEqual(['1.3.1', '1.3.0']);
    expect((await gitCliffReleases('v1.2.0..')).slice(1)).toEqual(['1.3.0']);
  });

  it('--to TAG alone prints that release, as the whole history has it', async () => {
    const result = await changelog('--to', 'v1.2.0');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${(await sectionOf('1.2.0')).trimEnd()}\n`);
    expect(headings(result.stdout)).toEqual(['1.2.0']);
  });

  it('an empty range is exit 1 with a message', async () => {
    const result = await changelog('--from', 'v1.2.0', '--to', 'v1.2.0');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/range v1\.2\.0\.\.v1\.2\.0 is empty/);
  });

  it('a reversed range is exit 1 with the range that works', async () => {
    const result = await changelog('--from', 'v1.3.0', '--to', 'v1.1.0');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/reversed: v1\.1\.0 is older than v1\.3\.0/);
    expect(result.stderr).toMatch(/fix: shipwright changelog --from v1\.1\.0 --to v1\.3\.0/);
  });

  it('a ref that does not exist is a usage error naming it', async () => {
    const result = await changelog('--from', 'v9.9.9');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--from v9\.9\.9 is not a commit here/);
  });
});
