// Generated workspaces (npm, yarn, pnpm, lerna) in real temporary repositories: packages with
// manifests, internal dependencies, and each package tagged `<name>@<version>` at the start.
import { rmSync } from 'node:fs';
import { createTempRepo, type TempRepo } from './temp-repo.js';

export type WorkspaceKind = 'npm' | 'yarn' | 'pnpm' | 'lerna';

export interface PackageSpec {
  name: string;
  dir: string;
  version: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface WorkspaceSpec {
  kind: WorkspaceKind;
  packages: PackageSpec[];
  /** shipwright.config.json, when given. */
  config?: Record<string, unknown>;
  /** Tag every package at its version after the first commit (default true). */
  tagged?: boolean;
}

export const manifestText = (pkg: PackageSpec): string =>
  `${JSON.stringify({ name: pkg.name, version: pkg.version, ...(pkg.dependencies ? { dependencies: pkg.dependencies } : {}), ...(pkg.devDependencies ? { devDependencies: pkg.devDependencies } : {}) }, null, 2)}\n`;

async function buildWorkspaceRepo(spec: WorkspaceSpec): Promise<TempRepo> {
  const repo = await createTempRepo({ prefix: 'shipwright-workspace-template-' });
  const globs = ['packages/*'];
  const root: Record<string, unknown> = { name: 'workspace-root', private: true };
  if (spec.kind === 'npm') root.workspaces = globs;
  if (spec.kind === 'yarn') root.workspaces = { packages: globs, nohoist: [] };
  await repo.write('package.json', `${JSON.stringify(root, null, 2)}\n`);
  if (spec.kind === 'pnpm')
    await repo.write('pnpm-workspace.yaml', `packages:\n${globs.map((glob) => `  - '${glob}'`).join('\n')}\n`);
  if (spec.kind === 'lerna')
    await repo.write('lerna.json', `${JSON.stringify({ packages: globs, version: 'independent' }, null, 2)}\n`);
  if (spec.config) await repo.write('shipwright.config.json', `${JSON.stringify(spec.config, null, 2)}\n`);
  for (const pkg of spec.packages) {
    await repo.write(`${pkg.dir}/package.json`, manifestText(pkg));
    await repo.write(`${pkg.dir}/index.js`, `export const name = ${JSON.stringify(pkg.name)};\n`);
  }
  await repo.git('add', '.');
  await repo.commit('chore: set up the workspace');
  if (spec.tagged !== false)
    for (const pkg of spec.packages)
      await repo.tag(`${pkg.name}@${pkg.version}`, { message: `${pkg.name} ${pkg.version}` });
  return repo;
}

/** One prepared repository per spec and test file, copied for each test (the same bytes, fewer git processes). */
const templates = new Map<string, Promise<{ dir: string; ticks: number }>>();
const templateDirs: string[] = [];
process.once('exit', () => {
  for (const dir of templateDirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh workspace repository: a copy of the one this spec builds, built on first use. */
export async function createWorkspaceRepo(spec: WorkspaceSpec): Promise<TempRepo> {
  const key = JSON.stringify(spec);
  let template = templates.get(key);
  if (!template) {
    template = buildWorkspaceRepo(spec).then((repo) => {
      templateDirs.push(repo.dir);
      return { dir: repo.dir, ticks: repo.ticks() };
    });
    templates.set(key, template);
  }
  return createTempRepo({ copyOf: await template });
}

let changes = 0;

/** A commit changing one file in each of these package folders (names numbered, so hashes repeat). */
export async function commitIn(repo: TempRepo, message: string, dirs: string[]): Promise<string> {
  for (const dir of dirs) {
    changes += 1;
    await repo.write(`${dir}/change-${changes}.txt`, `${message}\n`);
    await repo.git('add', '--', dir);
  }
  return repo.commit(message, { allowEmpty: true });
}
