// Golden changelog fixtures: one folder per case with commits.sh, optional config.json and package.json.
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ISOLATED_GIT_ENV } from './conventional-changelog.js';

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** config.json: everything optional. */
export interface FixtureConfig {
  /** Flags for `shipwright changelog --stdout`, e.g. ["--release-count", "0"]. */
  args?: string[];
  /** conventionalcommits (default) or angular; passed to both tools. */
  preset?: 'conventionalcommits' | 'angular';
  /** Written to shipwright.config.json in the repository. */
  shipwright?: Record<string, unknown>;
  /**
   * Why shipwright's output deliberately differs from conventional-changelog's here (see
   * docs/changelog.md). When set, c-c's output is kept in conventional-changelog.md for review.
   */
  differs?: string;
}

export interface FixtureCase {
  name: string;
  dir: string;
  config: FixtureConfig;
}

export async function listFixtureCases(): Promise<FixtureCase[]> {
  const entries = await readdir(FIXTURES_DIR, { withFileTypes: true });
  const cases: FixtureCase[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = join(FIXTURES_DIR, entry.name);
    const configPath = join(dir, 'config.json');
    const config = existsSync(configPath) ? (JSON.parse(await readFile(configPath, 'utf8')) as FixtureConfig) : {};
    cases.push({ name: entry.name, dir, config });
  }
  return cases;
}

/** Runs commits.sh in a fresh temp dir, then adds the case's package.json and shipwright config. */
export async function buildFixtureRepo(fixture: FixtureCase): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `shipwright-golden-${fixture.name}-`));
  await execa('bash', [join(fixture.dir, 'commits.sh')], { cwd: dir, env: ISOLATED_GIT_ENV });
  if (existsSync(join(fixture.dir, 'package.json')))
    await copyFile(join(fixture.dir, 'package.json'), join(dir, 'package.json'));
  if (fixture.config.shipwright)
    await writeFile(join(dir, 'shipwright.config.json'), `${JSON.stringify(fixture.config.shipwright, null, 2)}\n`);
  return dir;
}

/** The value of `--name N` in args, or the fallback. */
export function flagValue(args: readonly string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** 2025-01-01T00:00:00Z: the date of every upcoming section, for both tools. */
export const SOURCE_DATE_EPOCH = 1_735_689_600;

type RunShipwright = (
  args: string[],
  options: { cwd: string },
) => Promise<{ code: number; stdout: string; stderr: string }>;

/** `shipwright changelog --stdout` with the case's flags and preset. */
export function runFixtureChangelog(run: RunShipwright, dir: string, fixture: FixtureCase): ReturnType<RunShipwright> {
  const preset = fixture.config.preset ? ['--preset', fixture.config.preset] : [];
  return run(['changelog', '--stdout', ...(fixture.config.args ?? []), ...preset], { cwd: dir });
}
