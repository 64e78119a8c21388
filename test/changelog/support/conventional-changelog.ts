// Runs the real conventional-changelog CLI (the devDependency) on a repository, as a user would.
import { execa } from 'execa';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI = fileURLToPath(new URL('../../../node_modules/conventional-changelog/dist/cli/index.js', import.meta.url));
const FIXED_CLOCK = pathToFileURL(fileURLToPath(new URL('./fixed-clock.mjs', import.meta.url))).href;

/** Git without the machine's global or system config, so every run sees the same repository. */
export const ISOLATED_GIT_ENV: Record<string, string> = {
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  LANG: 'C',
  TZ: 'UTC',
};

export interface ConventionalChangelogRun {
  preset: string;
  releaseCount: number;
  tagPrefix?: string;
  /** Pins the CLI's clock (the upcoming section's date) to this SOURCE_DATE_EPOCH; default: the real today. */
  sourceDateEpoch?: number;
  /** The conventionalcommits preset's `types` option, given to the CLI through a `--config` script. */
  types?: unknown[];
}

const PRESET = pathToFileURL(
  fileURLToPath(
    new URL('../../../node_modules/conventional-changelog-conventionalcommits/src/index.js', import.meta.url),
  ),
).href;

/** A `-n` config script: the preset's writer options built with `types`, as a user of c-c would write it. */
async function writeTypesConfig(types: unknown[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-cc-config-'));
  const path = join(dir, 'changelog.config.mjs');
  await writeFile(
    path,
    `import createPreset from ${JSON.stringify(PRESET)};\nexport default { writer: createPreset({ types: ${JSON.stringify(types)} }).writer };\n`,
  );
  return path;
}

/**
 * `conventional-changelog -p PRESET -r N --stdout` in `dir`. It takes the upcoming version from
 * package.json, so `version` is written there for the run and the file restored afterwards.
 */
export async function runConventionalChangelog(
  dir: string,
  version: string,
  run: ConventionalChangelogRun,
): Promise<string> {
  const packagePath = join(dir, 'package.json');
  const original = await readFile(packagePath, 'utf8').catch(() => null);
  const packageJson =
    original === null ? { name: 'fixture', private: true } : (JSON.parse(original) as Record<string, unknown>);
  await writeFile(packagePath, `${JSON.stringify({ ...packageJson, version }, null, 2)}\n`);
  const config = run.types ? await writeTypesConfig(run.types) : null;
  try {
    const args = [
      '-p',
      run.preset,
      '-r',
      String(run.releaseCount),
      '--stdout',
      ...(run.tagPrefix ? ['-t', run.tagPrefix] : []),
      ...(config ? ['-n', config] : []),
    ];
    const node = run.sourceDateEpoch === undefined ? [CLI] : ['--import', FIXED_CLOCK, CLI];
    const result = await execa(process.execPath, [...node, ...args], {
      cwd: dir,
      stripFinalNewline: false,
      env: {
        ...ISOLATED_GIT_ENV,
        ...(run.sourceDateEpoch === undefined ? {} : { SOURCE_DATE_EPOCH: String(run.sourceDateEpoch) }),
      },
    });
    return result.stdout;
  } finally {
    if (config) await rm(dirname(config), { recursive: true, force: true });
    if (original === null) await rm(packagePath);
    else await writeFile(packagePath, original);
  }
}

/** The tools end their output with different numbers of newlines; compare up to one final newline. */
export const normaliseTrailingNewline = (text: string): string => `${text.replace(/\n+$/, '')}\n`;
