// Looks at a repository the way `shipwright init` needs: where its package is (the root, a
// subfolder, or none), its package manager, tools, existing configs, hooks and branch names.
import { constants, existsSync } from 'node:fs';
import { access, readFile, readdir } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { initCandidatePaths } from '../core/init/plan-init.js';
import {
  inPackage,
  type InitTemplates,
  type LintStagedConfigFile,
  type PackageManager,
  type ProjectFacts,
} from '../core/init/project-facts.js';
import { COMMITLINT_FILES } from '../config/commitlint-files.js';
import { LINT_STAGED_FILES } from '../config/lint-staged-files.js';
import type { TeamHooks } from '../core/init/chain-hooks.js';
import { HUSKY4_FILES } from '../core/init/husky-legacy.js';
import { readConfigValue, readHooksFolder } from '../git/read-config.js';
import { readManifestDirs, readTrackedPaths } from '../git/read-index.js';
import { readBranchNames } from '../git/read-refs.js';
import { packageRoot } from './package-root.js';

const ESLINT_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  '.eslintrc',
  '.eslintrc.js',
  '.eslintrc.cjs',
  '.eslintrc.json',
  '.eslintrc.yml',
  '.eslintrc.yaml',
];
const PRETTIER_FILES = [
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yml',
  '.prettierrc.yaml',
  '.prettierrc.js',
  '.prettierrc.cjs',
  '.prettierrc.mjs',
  'prettier.config.js',
  'prettier.config.cjs',
  'prettier.config.mjs',
  '.prettierrc.toml',
];
const BIOME_FILES = ['biome.json', 'biome.jsonc'];
const XO_FILES = [
  '.xo-config',
  '.xo-config.json',
  '.xo-config.js',
  '.xo-config.cjs',
  'xo.config.js',
  'xo.config.cjs',
  'xo.config.mjs',
  'xo.config.ts',
];

const readText = (path: string): Promise<string | null> => readFile(path, 'utf8').catch(() => null);

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

async function readTemplates(): Promise<InitTemplates> {
  const root = packageRoot();
  const github: Record<string, string> = {};
  const base = join(root, 'templates', 'github');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else github[`.github/${relative(base, full).split('\\').join('/')}`] = await readFile(full, 'utf8');
    }
  };
  await walk(base);
  return { github };
}

function packageManagerOf(root: string, topLevel: string, pkg: Record<string, unknown> | null): PackageManager {
  const declared = typeof pkg?.packageManager === 'string' ? pkg.packageManager.split('@')[0] : undefined;
  if (declared === 'pnpm' || declared === 'yarn' || declared === 'npm' || declared === 'bun') return declared;
  // The package's folder first, then the repository root (a workspace's lockfile sits there).
  for (const dir of [root, ...(topLevel === root ? [] : [topLevel])]) {
    if (existsSync(join(dir, 'pnpm-lock.yaml'))) return 'pnpm';
    if (existsSync(join(dir, 'yarn.lock'))) return 'yarn';
    if (existsSync(join(dir, 'bun.lock')) || existsSync(join(dir, 'bun.lockb'))) return 'bun';
    if (existsSync(join(dir, 'package-lock.json'))) return 'npm';
  }
  return 'npm';
}

/** The version of a package installed in the project's own node_modules, or null. */
async function readInstalledVersion(root: string, name: string): Promise<string | null> {
  const pkg = parseJsonObject(await readText(join(root, 'node_modules', name, 'package.json')));
  return typeof pkg?.version === 'string' ? pkg.version : null;
}

function dependencySpecs(): Record<string, string> {
  const deps = packageJson.dependencies as Record<string, string>;
  // shipwright lints with @commitlint/lint and never runs commitlint's CLI; the CLI is a
  // devDependency (tests compare verdicts with it) kept only for the range a team installs.
  const devDeps = packageJson.devDependencies as Record<string, string>;
  // The range of the shipwright that runs init, never a path: a `file:` spec would only resolve on
  // this machine and break every other clone and CI.
  const shipwright = `^${packageJson.version}`;
  return {
    husky: deps.husky as string,
    'lint-staged': deps['lint-staged'] as string,
    '@commitlint/cli': devDeps['@commitlint/cli'] as string,
    '@commitlint/config-conventional': deps['@commitlint/config-conventional'] as string,
    shipwright,
  };
}

/** The hooks git knows (githooks(5)); anything else in a hooks folder never runs. */
const GIT_HOOK_NAMES = new Set([
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-auto-gc',
  'post-rewrite',
  'reference-transaction',
  'push-to-checkout',
]);
/** husky 4 wrote runner scripts into .git/hooks; they run its config, which init migrates. */
const HUSKY4_RUNNER = /^# husky$|husky\.sh|Created by Husky/m;

const isExecutable = (path: string) =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

/** Hook files in .husky/ other than husky's own `_` folder and dotfiles. */
async function readHuskyHookNames(root: string): Promise<string[]> {
  const entries = await readdir(join(root, '.husky'), { withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && GIT_HOOK_NAMES.has(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** The team's hooks in the folder git runs them from today, unless that is husky's. */
async function readTeamHooks(root: string, hooksPath: string | null): Promise<TeamHooks | null> {
  const normalized = hooksPath?.replace(/^\.\//, '').replace(/\/+$/, '') ?? null;
  if (normalized === '.husky/_' || normalized === '.husky') return null;
  const folder = await readHooksFolder(root);
  const rel = relative(root, folder).split(sep).join('/');
  const inRepo = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) && rel !== '.git' && !rel.startsWith('.git/');
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const tracked = inRepo ? await readTrackedPaths(root, rel) : new Set<string>();
  const hooks: TeamHooks['hooks'] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !GIT_HOOK_NAMES.has(entry.name)) continue;
    const full = join(folder, entry.name);
    // git skips a hook without the x bit, so it never ran.
    if (!(await isExecutable(full))) continue;
    const text = await readText(full);
    if (text !== null && HUSKY4_RUNNER.test(text)) continue;
    const path = inRepo ? `${rel}/${entry.name}` : full;
    hooks.push({ name: entry.name, path, text, tracked: tracked.has(path) });
  }
  if (hooks.length === 0) return null;
  hooks.sort((a, b) => a.name.localeCompare(b.name));
  return { dir: inRepo ? rel : hooksPath === null ? folder : hooksPath, inRepo, hooks };
}

/**
 * The package whose tools the hooks run: the root's, else the nearest one above `cwd`, else the
 * only package.json in the repository; null with the candidates when there are several or none.
 */
export async function findPackageDir(root: string, cwd: string): Promise<{ dir: string | null; others: string[] }> {
  if (existsSync(join(root, 'package.json'))) return { dir: '', others: [] };
  for (let dir = cwd; dir.startsWith(`${root}${sep}`); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && !dir.split(sep).includes('node_modules'))
      return { dir: relative(root, dir).split(sep).join('/'), others: [] };
  }
  const found = (await readManifestDirs(root)).filter((dir) => dir !== '');
  return found.length === 1 ? { dir: found[0] as string, others: [] } : { dir: null, others: found.slice(0, 10) };
}

export async function readProjectFacts(
  root: string,
  cwd: string = root,
): Promise<{ facts: ProjectFacts; templates: InitTemplates }> {
  const templates = await readTemplates();
  const located = await findPackageDir(root, cwd);
  const packageDir = located.dir;
  const folder = packageDir === null ? root : join(root, packageDir);
  const packageJsonText = packageDir === null ? null : await readText(join(folder, 'package.json'));
  const pkg = parseJsonObject(packageJsonText);
  const deps = { ...((pkg?.dependencies ?? {}) as object), ...((pkg?.devDependencies ?? {}) as object) } as Record<
    string,
    unknown
  >;
  const has = (files: string[]) => files.some((file) => existsSync(join(folder, file)));
  const at = (file: string) => inPackage(packageDir ?? '', file);

  const lintStagedFile = LINT_STAGED_FILES.find(([file]) => existsSync(join(folder, file)));
  const lintStagedConfig: LintStagedConfigFile | null = lintStagedFile
    ? { path: at(lintStagedFile[0]), format: lintStagedFile[1] }
    : pkg && 'lint-staged' in pkg
      ? { path: at('package.json'), format: 'package.json' }
      : null;
  const commitlintFile = COMMITLINT_FILES.find((file) => existsSync(join(folder, file)));
  const huskyHookNames = await readHuskyHookNames(root);
  const paths = [
    ...initCandidatePaths(templates, packageDir),
    ...HUSKY4_FILES,
    ...huskyHookNames.map((name) => `.husky/${name}`),
    ...(lintStagedConfig && lintStagedConfig.format !== 'package.json' ? [lintStagedConfig.path] : []),
    ...(commitlintFile ? [at(commitlintFile)] : []),
  ];
  const files: Record<string, string | null> = {};
  for (const path of paths) files[path] = await readText(join(root, path));
  const hooksPath = await readConfigValue(root, 'core.hooksPath');

  return {
    templates,
    facts: {
      packageManager: packageManagerOf(folder, root, pkg),
      packageDir,
      otherPackageDirs: located.others,
      packageJsonText,
      files,
      commitlintConfig: commitlintFile
        ? at(commitlintFile)
        : pkg && 'commitlint' in pkg
          ? 'package.json#commitlint'
          : null,
      lintStagedConfig,
      tools: {
        eslint: 'eslint' in deps || has(ESLINT_FILES),
        prettier: 'prettier' in deps || has(PRETTIER_FILES) || (pkg !== null && 'prettier' in pkg),
        biome: '@biomejs/biome' in deps || has(BIOME_FILES),
        xo: 'xo' in deps || has(XO_FILES) || (pkg !== null && 'xo' in pkg),
        typescript: existsSync(join(folder, 'tsconfig.json')),
      },
      branchNames: await readBranchNames(root),
      hooksPath,
      huskyHookNames,
      huskyInstalled: await readInstalledVersion(folder, 'husky'),
      teamHooks: await readTeamHooks(root, hooksPath),
      huskyInternalExists: existsSync(join(root, '.husky', '_', 'h')),
      dependencySpecs: dependencySpecs(),
      folderName: basename(folder)
        .toLowerCase()
        .replace(/[^a-z0-9-._~]/g, '-'),
    },
  };
}
