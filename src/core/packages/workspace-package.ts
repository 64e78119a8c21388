// A release unit: one workspace package (or the repository itself, a workspace of one).
import semver from 'semver';

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'] as const;
export type DependencyField = (typeof DEPENDENCY_FIELDS)[number];

export interface PackageDependency {
  field: DependencyField;
  name: string;
  range: string;
}

export interface WorkspacePackage {
  name: string;
  /** Its folder from the repository root, `/`-separated without a trailing slash; '' for the root. */
  dir: string;
  /** Its package.json's version, when valid semver. */
  version: string | null;
  private: boolean;
  dependencies: PackageDependency[];
}

/** Where the package list came from; `single` is a repository without workspaces. */
export type WorkspaceSource = 'pnpm-workspace.yaml' | 'package.json' | 'lerna.json' | 'single';

export interface Workspace {
  source: WorkspaceSource;
  /** Sorted by name; exactly one (dir '') for `single`. */
  packages: WorkspacePackage[];
  /** What was skipped and why (a manifest without a name, a duplicate name). */
  notes: string[];
}

/** `packages/core/package.json` for dir `packages/core`; `package.json` for the root. */
export const manifestPath = (dir: string, file = 'package.json'): string => (dir === '' ? file : `${dir}/${file}`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A package from its folder and parsed package.json (fields of the wrong type are ignored). */
export function packageFromManifest(
  dir: string,
  manifest: Record<string, unknown>,
  fallbackName: string,
): WorkspacePackage {
  const dependencies: PackageDependency[] = [];
  for (const field of DEPENDENCY_FIELDS) {
    const entries = manifest[field];
    if (!isRecord(entries)) continue;
    for (const [name, range] of Object.entries(entries))
      if (typeof range === 'string') dependencies.push({ field, name, range });
  }
  return {
    name: typeof manifest.name === 'string' && manifest.name.length > 0 ? manifest.name : fallbackName,
    dir,
    version:
      typeof manifest.version === 'string' && semver.valid(manifest.version) === manifest.version
        ? manifest.version
        : null,
    private: manifest.private === true,
    dependencies,
  };
}
