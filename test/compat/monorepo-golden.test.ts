// Golden per-package changelogs for a monorepo shaped like conventional-changelog's own (`npm run
// test:compat`; test/changelog/monorepo-golden.test.ts checks the stored texts alone): each
// package's upcoming section equals what `conventional-changelog -t <name>-v --commit-path <dir>
// -k <dir>/package.json` writes for it, unless config.json names why shipwright differs there.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { ISOLATED_GIT_ENV, normaliseTrailingNewline } from '../changelog/support/conventional-changelog.js';

const FIXTURE = fileURLToPath(new URL('../changelog/monorepo-fixtures/conventional-changelog/', import.meta.url));
const CLI = fileURLToPath(new URL('../../node_modules/conventional-changelog/dist/cli/index.js', import.meta.url));
const FIXED_CLOCK = pathToFileURL(fileURLToPath(new URL('../changelog/support/fixed-clock.mjs', import.meta.url))).href;
const SOURCE_DATE_EPOCH = 1_735_689_600;
const UPDATE = process.env.UPDATE_GOLDEN === '1';

interface MonorepoFixture {
  packages: string[];
  shipwright: Record<string, unknown>;
  differs: Record<string, string>;
}
const config = JSON.parse(await readFile(join(FIXTURE, 'config.json'), 'utf8')) as MonorepoFixture;
let dir = '';

beforeAll(async () => {
  Object.assign(process.env, ISOLATED_GIT_ENV, { SOURCE_DATE_EPOCH: String(SOURCE_DATE_EPOCH) });
  dir = await mkdtemp(join(tmpdir(), 'shipwright-golden-monorepo-'));
  await execa('bash', [join(FIXTURE, 'commits.sh')], { cwd: dir, env: ISOLATED_GIT_ENV });
  await writeFile(join(dir, 'shipwright.config.json'), `${JSON.stringify(config.shipwright, null, 2)}\n`);
  return () => rm(dir, { recursive: true, force: true });
});

/** c-c for one package, its package.json carrying the version shipwright would release. */
async function theirs(name: string, version: string): Promise<string> {
  const manifest = join(dir, 'packages', name, 'package.json');
  const original = await readFile(manifest, 'utf8');
  await writeFile(manifest, original.replace(/"version": "[^"]*"/, `"version": "${version}"`));
  try {
    const args = [
      '--import',
      FIXED_CLOCK,
      CLI,
      '-p',
      'conventionalcommits',
      '-r',
      '1',
      '--stdout',
      '-t',
      `${name}-v`,
      '--commit-path',
      `packages/${name}`,
      '-k',
      `packages/${name}/package.json`,
    ];
    const result = await execa(process.execPath, args, {
      cwd: dir,
      stripFinalNewline: false,
      env: { ...ISOLATED_GIT_ENV, SOURCE_DATE_EPOCH: String(SOURCE_DATE_EPOCH) },
    });
    return normaliseTrailingNewline(result.stdout);
  } finally {
    await writeFile(manifest, original);
  }
}

describe("per-package changelogs in conventional-changelog's repository shape", () => {
  it('lists the released packages and leaves the private website alone', async () => {
    const version = await runShipwright(['version'], { cwd: dir });
    expect(version.stdout).toBe(
      'conventional-changelog 3.1.25\nconventional-changelog-angular 5.1.0\nconventional-changelog-conventionalcommits 4.7.0\nconventional-commits-parser 4.0.0\n',
    );
  });

  it.each(config.packages.filter((name) => name !== 'website'))('%s', async (name) => {
    const ours = await runShipwright(['changelog', '--stdout', '--package', name], { cwd: dir });
    expect(ours.stderr).toBe('');
    expect(ours.code).toBe(0);
    const version = (await runShipwright(['version', '--package', name], { cwd: dir })).stdout.trim();
    const cc = await theirs(name, version);
    const expectedPath = join(FIXTURE, 'expected', `${name}.md`);
    const theirsPath = join(FIXTURE, 'expected', `${name}.conventional-changelog.md`);
    const differs = config.differs[name];
    if (UPDATE) {
      await writeFile(expectedPath, differs ? ours.stdout : cc);
      if (differs) await writeFile(theirsPath, cc);
      else await rm(theirsPath, { force: true });
    }
    expect(ours.stdout).toBe(await readFile(expectedPath, 'utf8'));
    if (differs) {
      expect(cc).toBe(await readFile(theirsPath, 'utf8'));
      expect(normaliseTrailingNewline(ours.stdout)).not.toBe(cc);
    } else {
      expect(existsSync(theirsPath)).toBe(false);
      expect(normaliseTrailingNewline(ours.stdout)).toBe(cc);
    }
  });

  it('the website has nothing to release (docs only)', async () => {
    const result = await runShipwright(['version', '--package', 'website'], { cwd: dir });
    expect(result.code).toBe(1);
  });
});
