// Looks at a repository the way `shipwright init` needs: package manager, tools, existing configs.
import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { initCandidatePaths } from '../core/init/plan-init.js';
import {
  HOOK_NAMES,
  type HookName,
  type InitTemplates,
  type LintStagedConfigFile,
  type PackageManager,
  type ProjectFacts,
} from '../core/init/project-facts.js';
import { COMMITLINT_FILES } from '../config/commitlint-files.js';
import { LINT_STAGED_FILES } from '../config/lint-staged-files.js';
import { readConfigValue } from '../git/read-config.js';
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
  const hooks = {} as Record<HookName, string>;
  for (const hook of HOOK_NAMES) hooks[hook] = await readFile(join(root, 'hooks', hook), 'utf8');
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
  return { hooks, github };
}

function packageManagerOf(root: string, pkg: Record<string, unknown> | null): PackageManager {
  const declared = typeof pkg?.packageManager === 'string' ? pkg.packageManager.split('@')[0] : undefined;
  if (declared === 'pnpm' || declared === 'yarn' || declared === 'npm') return declared;
  if (existsSync(join(root, 'pnpm-lock.yaml'))) return 'pnpm';
  if (existsSync(join(root, 'yarn.lock'))) return 'yarn';
  return 'npm';
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

export async function readProjectFacts(root: string): Promise<{ facts: ProjectFacts; templates: InitTemplates }> {
  const templates = await readTemplates();
  const packageJsonText = await readText(join(root, 'package.json'));
  const pkg = parseJsonObject(packageJsonText);
  const deps = { ...((pkg?.dependencies ?? {}) as object), ...((pkg?.devDependencies ?? {}) as object) } as Record<
    string,
    unknown
  >;
  const has = (files: string[]) => files.some((file) => existsSync(join(root, file)));

  const lintStagedFile = LINT_STAGED_FILES.find(([file]) => existsSync(join(root, file)));
  const lintStagedConfig: LintStagedConfigFile | null = lintStagedFile
    ? { path: lintStagedFile[0], format: lintStagedFile[1] }
    : pkg && 'lint-staged' in pkg
      ? { path: 'package.json', format: 'package.json' }
      : null;
  const commitlintFile = COMMITLINT_FILES.find((file) => existsSync(join(root, file)));
  const paths = [
    ...initCandidatePaths(templates),
    ...(lintStagedConfig && lintStagedConfig.format === 'json' ? [lintStagedConfig.path] : []),
  ];
  const files: Record<string, string | null> = {};
  for (const path of paths) files[path] = await readText(join(root, path));

  return {
    templates,
    facts: {
      packageManager: packageManagerOf(root, pkg),
      packageJsonText,
      files,
      commitlintConfig: commitlintFile ?? (pkg && 'commitlint' in pkg ? 'package.json#commitlint' : null),
      lintStagedConfig,
      tools: {
        eslint: 'eslint' in deps || has(ESLINT_FILES),
        prettier: 'prettier' in deps || has(PRETTIER_FILES) || (pkg !== null && 'prettier' in pkg),
        biome: '@biomejs/biome' in deps || has(BIOME_FILES),
        typescript: existsSync(join(root, 'tsconfig.json')),
      },
      hooksPath: await readConfigValue(root, 'core.hooksPath'),
      huskyInternalExists: existsSync(join(root, '.husky', '_', 'h')),
      dependencySpecs: dependencySpecs(),
      folderName: basename(root)
        .toLowerCase()
        .replace(/[^a-z0-9-._~]/g, '-'),
    },
  };
}
