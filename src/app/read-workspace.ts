// Finds the release units: the workspace packages (npm, yarn, pnpm, lerna), or the repository
// itself as a workspace of one, so a single package goes through the same code.
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { environmentError } from '../core/errors.js';
import {
  packageFromManifest,
  manifestPath,
  type Workspace,
  type WorkspacePackage,
} from '../core/packages/workspace-package.js';
import { readTrackedManifestDirs } from '../git/read-index.js';
import type { OpenRepo } from './open-repo.js';

const readText = (path: string): Promise<string | null> => readFile(path, 'utf8').catch(() => null);

/** Read once per opened repository: status, version and release ask more than once. */
const workspaces = new WeakMap<OpenRepo, Promise<Workspace>>();

export function readWorkspace(repo: OpenRepo): Promise<Workspace> {
  let found = workspaces.get(repo);
  if (!found) {
    found = discover(repo);
    workspaces.set(repo, found);
  }
  return found;
}

async function discover(repo: OpenRepo): Promise<Workspace> {
  const [pnpmWorkspace, lernaJson] = await Promise.all([
    readText(join(repo.cwd, 'pnpm-workspace.yaml')),
    readText(join(repo.cwd, 'lerna.json')),
  ]);
  // Without a workspace file nothing is parsed: the globs' module brings yaml and picomatch (CommonJS,
  // ~40 ms of loading before the TUI home's first git read), so it loads only for a workspace.
  const workspaceFiles = pnpmWorkspace !== null || lernaJson !== null || repo.packageJson?.workspaces !== undefined;
  const { readWorkspacePatterns, selectPackageDirs } = workspaceFiles
    ? await import('../core/packages/workspace-patterns.js')
    : { readWorkspacePatterns: () => null, selectPackageDirs: () => [] };
  const patterns = readWorkspacePatterns({ packageJson: repo.packageJson, pnpmWorkspace, lernaJson });
  if (!patterns) {
    return {
      source: 'single',
      packages: [packageFromManifest('', repo.packageJson ?? {}, basename(repo.cwd))],
      notes: [],
    };
  }
  const dirs = selectPackageDirs(patterns.patterns, await readTrackedManifestDirs(repo.cwd));
  const manifests = await Promise.all(
    dirs.map(async (dir) => ({ dir, text: await readText(join(repo.cwd, manifestPath(dir))) })),
  );
  const notes: string[] = [];
  const byName = new Map<string, WorkspacePackage>();
  for (const { dir, text } of manifests) {
    if (text === null) {
      notes.push(`${manifestPath(dir)} is tracked but missing from the working tree: skipped`);
      continue;
    }
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch (error) {
      throw environmentError(`${manifestPath(dir)} is not valid JSON: ${(error as Error).message}`, {
        code: 'package-json-invalid',
        fix: `fix the syntax error in ${manifestPath(dir)}`,
      });
    }
    if (
      typeof manifest !== 'object' ||
      manifest === null ||
      Array.isArray(manifest) ||
      typeof (manifest as { name?: unknown }).name !== 'string'
    ) {
      notes.push(`${manifestPath(dir)} has no "name": not a release unit (add a name to release it)`);
      continue;
    }
    const pkg = packageFromManifest(dir, manifest as Record<string, unknown>, dir);
    const other = byName.get(pkg.name);
    if (other) {
      notes.push(
        `${manifestPath(dir)} repeats the name ${pkg.name} of ${manifestPath(other.dir)}: skipped (package names must be unique)`,
      );
      continue;
    }
    byName.set(pkg.name, pkg);
  }
  const packages = [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  if (packages.length === 0) {
    notes.push(
      `${patterns.source} lists ${patterns.patterns.join(', ')}, which select no package with a tracked package.json: the repository is released as one package`,
    );
    return { source: 'single', packages: [packageFromManifest('', repo.packageJson ?? {}, basename(repo.cwd))], notes };
  }
  return { source: patterns.source, packages, notes };
}
