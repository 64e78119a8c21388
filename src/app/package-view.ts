// One workspace package seen as a repository of its own: its tags' prefix as the tag prefix, its
// CHANGELOG.md and package.json as the changelog and the version file, and hotfix branches named
// after it (`hotfix/@acme/core@1.2.1`). The single-package hotfix, which reads all of these from
// the config, then works per package tag with the same code (`hotfix … --package NAME`).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { branchPrefix } from '../config/branch-prefix.js';
import { usageError } from '../core/errors.js';
import { packageTagName } from '../core/packages/package-tags.js';
import { manifestPath, type WorkspacePackage } from '../core/packages/workspace-package.js';
import { jsonVersionFile } from '../core/release/version-file-spec.js';
import type { OpenRepo } from './open-repo.js';
import { selectPackages, tagFormatsFor } from './read-packages-state.js';
import { readWorkspace } from './read-workspace.js';

interface PackageView {
  pkg: WorkspacePackage;
  /** The repository as the package's own: tagPrefix, changelog.file, versionFiles and the hotfix prefix. */
  repo: OpenRepo;
}

/** The hotfix branches of a package start with this: `hotfix/` + its name + `@`. */
const packageHotfixPrefix = (repo: OpenRepo, name: string): string =>
  `${branchPrefix(repo.loaded.config, 'hotfix')}${name}@`;

export async function packageView(repo: OpenRepo, name: string): Promise<PackageView> {
  const workspace = await readWorkspace(repo);
  if (workspace.source === 'single')
    throw usageError(
      `--package ${name}: this repository has no workspaces, so it is released as one package.`,
      'leave out --package (shipwright hotfix start)',
    );
  selectPackages(workspace, [name]);
  const pkg = workspace.packages.find((candidate) => candidate.name === name);
  if (!pkg) throw new Error(`bug: no package ${name}`);
  const [format = '{name}@{version}'] = tagFormatsFor(repo, workspace, pkg);
  if (!format.endsWith('{version}'))
    throw usageError(
      `${name}'s tags are written as ${format}; a hotfix per package needs the version at the end of the tag.`,
      'set packages.tagFormat to "{name}@{version}" or "{name}-v{version}" in shipwright.config.json',
    );
  const { config } = repo.loaded;
  const hotfix = config.branchTypes.hotfix ?? { prefix: 'hotfix/', base: 'production', description: 'hotfix' };
  const text = await readFile(join(repo.cwd, manifestPath(pkg.dir)), 'utf8').catch(() => null);
  const packageJson = text === null ? null : (JSON.parse(text) as Record<string, unknown>);
  return {
    pkg,
    repo: {
      ...repo,
      packageJson,
      loaded: {
        ...repo.loaded,
        config: {
          ...config,
          tagPrefix: packageTagName(format, name, ''),
          changelog: { ...config.changelog, file: manifestPath(pkg.dir, config.changelog.file) },
          versionFiles: [jsonVersionFile(manifestPath(pkg.dir))],
          branchTypes: { ...config.branchTypes, hotfix: { ...hotfix, prefix: packageHotfixPrefix(repo, name) } },
        },
      },
    },
  };
}

/** The package a hotfix branch belongs to (`hotfix/@acme/core@1.2.1` → `@acme/core`), or null. */
export async function packageOfHotfixBranch(repo: OpenRepo, branch: string | null): Promise<string | null> {
  if (branch === null || !branch.startsWith(branchPrefix(repo.loaded.config, 'hotfix'))) return null;
  const workspace = await readWorkspace(repo);
  if (workspace.source === 'single') return null;
  // The longest name first: `@acme/core-utils@1.0.1` is not `@acme/core`'s.
  const names = workspace.packages.map((pkg) => pkg.name).sort((a, b) => b.length - a.length);
  return names.find((name) => branch.startsWith(packageHotfixPrefix(repo, name))) ?? null;
}
