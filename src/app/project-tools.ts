// The lint-staged and commitlint a project pins, found as Node would from its root, next to the
// ones shipwright ships: the pre-commit hook runs the project's lint-staged when its API fits, and
// doctor states any difference.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import semver from 'semver';
import packageJson from '../../package.json' with { type: 'json' };

/** lint-staged 13 is the oldest whose Node API (`lintStaged({ cwd })`, a boolean result) shipwright calls. */
export const OLDEST_LINT_STAGED = '13.0.0';

interface InstalledPackage {
  version: string;
  /** The file `import` loads (the package's main or exports entry). */
  entry: string;
}

/** `name` as the project's own code would load it (node_modules from its root up), or null. */
export function resolveProjectPackage(root: string, name: string): InstalledPackage | null {
  try {
    const require = createRequire(join(root, 'package.json'));
    const manifest = JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version?: unknown };
    if (typeof manifest.version !== 'string') return null;
    return { version: manifest.version, entry: require.resolve(name) };
  } catch {
    return null;
  }
}

/** The project's lint-staged when it has one shipwright can drive, else null (shipwright's own runs). */
export function projectLintStaged(root: string): InstalledPackage | null {
  const found = resolveProjectPackage(root, 'lint-staged');
  const version = found === null ? null : semver.coerce(found.version);
  return found !== null && version !== null && semver.gte(version, OLDEST_LINT_STAGED) ? found : null;
}

/** The ranges shipwright itself depends on (what runs when the project has none of its own). */
export function ownToolVersions(): { lintStaged: string; commitlint: string } {
  const deps = packageJson.dependencies as Record<string, string>;
  return { lintStaged: deps['lint-staged'] ?? 'unknown', commitlint: deps['@commitlint/lint'] ?? 'unknown' };
}
