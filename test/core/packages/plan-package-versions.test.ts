// Which packages a release takes: own commits, linked and fixed groups, dependents, cycles.
import { describe, expect, it } from 'vitest';
import type { PackageRelease } from '../../../src/core/packages/package-release.js';
import { packageTagName } from '../../../src/core/packages/package-tags.js';
import { planPackageVersions, type PackageVersionsInput } from '../../../src/core/packages/plan-package-versions.js';
import type { PackageDependency } from '../../../src/core/packages/workspace-package.js';
import { DEFAULT_BUMP_RULES, type Bump } from '../../../src/core/version/bump-rules.js';
import { computeNextVersion } from '../../../src/core/version/next-version.js';
import { aLinearHistory, aTag } from '../../helpers/build-commits.js';

interface Spec {
  name: string;
  version: string;
  commits?: string[];
  deps?: Record<string, string>;
  devDeps?: Record<string, string>;
}

function release(spec: Spec): PackageRelease {
  const tags = [aTag(`${spec.name}@${spec.version}`, spec.version)];
  const commits = aLinearHistory(spec.commits ?? []);
  const next = computeNextVersion({ commits, tags, rules: DEFAULT_BUMP_RULES, firstVersion: '1.0.0' });
  const dependencies: PackageDependency[] = [
    ...Object.entries(spec.deps ?? {}).map(([name, range]) => ({ field: 'dependencies' as const, name, range })),
    ...Object.entries(spec.devDeps ?? {}).map(([name, range]) => ({ field: 'devDependencies' as const, name, range })),
  ];
  return {
    pkg: { name: spec.name, dir: `packages/${spec.name}`, version: spec.version, private: false, dependencies },
    tagFormats: ['{name}@{version}'],
    tags,
    allTags: tags,
    base: tags[0] ?? null,
    commits,
    next,
    nextTag: next.kind === 'release' ? `${spec.name}@${next.version}` : null,
  };
}

function plan(specs: Spec[], options: Partial<PackageVersionsInput> = {}) {
  const releases = specs.map(release);
  const bumpPackage = (name: string, bump: Bump) => {
    const found = releases.find((candidate) => candidate.pkg.name === name) as PackageRelease;
    const next = computeNextVersion({
      commits: found.commits,
      tags: found.tags,
      rules: DEFAULT_BUMP_RULES,
      firstVersion: '1.0.0',
      bump,
    });
    const version = next.kind === 'release' ? next.version : '0.0.0';
    return { version, tag: packageTagName('{name}@{version}', name, version) };
  };
  return planPackageVersions({
    releases,
    selected: specs.map((spec) => spec.name),
    fixed: [],
    linked: [],
    dependentBump: 'patch',
    bumpPackage,
    tagFor: (name, version) => packageTagName('{name}@{version}', name, version),
    ...options,
  });
}

const versions = (result: ReturnType<typeof plan>) =>
  Object.fromEntries(result.packages.map((entry) => [entry.name, `${entry.version} (${entry.reason})`]));

describe('planPackageVersions', () => {
  it('independent: each its own; an untouched package is not released', () => {
    const result = plan([
      { name: 'core', version: '1.0.0', commits: ['feat: x'] },
      { name: 'util', version: '0.2.0', commits: ['fix: y'] },
      { name: 'idle', version: '3.0.0', commits: ['docs: z'] },
    ]);
    expect(versions(result)).toEqual({ core: '1.1.0 (commits)', util: '0.2.1 (commits)' });
    expect(result.packages[0]?.because).toBe('feat: x');
  });

  it('dependents: exact pins rewritten and patched; a caret still in range left alone; workspace: kept', () => {
    const result = plan([
      { name: 'core', version: '1.0.0', commits: ['feat: x'] },
      { name: 'exact', version: '1.0.0', deps: { core: '1.0.0' } },
      { name: 'caret', version: '1.0.0', deps: { core: '^1.0.0' } },
      { name: 'ws', version: '1.0.0', deps: { core: 'workspace:*' } },
      { name: 'dev-only', version: '1.0.0', devDeps: { core: '1.0.0' } },
      { name: 'transitive', version: '4.0.0', deps: { exact: '1.0.0' } },
    ]);
    expect(versions(result)).toEqual({
      core: '1.1.0 (commits)',
      exact: '1.0.1 (dependency)',
      transitive: '4.0.1 (dependency)',
    });
    expect(result.updates).toEqual([
      { name: 'exact', field: 'dependencies', dependency: 'core', from: '1.0.0', to: '1.1.0' },
      { name: 'dev-only', field: 'devDependencies', dependency: 'core', from: '1.0.0', to: '1.1.0' },
      { name: 'transitive', field: 'dependencies', dependency: 'exact', from: '1.0.0', to: '1.0.1' },
    ]);
    expect(result.packages.find((entry) => entry.name === 'exact')?.because).toBe('depends on core 1.1.0');
  });

  it('a breaking change moves carets too; dependentBump none updates ranges without releasing', () => {
    const specs = [
      { name: 'core', version: '1.0.0', commits: ['feat!: x'] },
      { name: 'caret', version: '1.0.0', deps: { core: '^1.0.0' } },
    ];
    expect(versions(plan(specs))).toEqual({ core: '2.0.0 (commits)', caret: '1.0.1 (dependency)' });
    const none = plan(specs, { dependentBump: 'none' });
    expect(versions(none)).toEqual({ core: '2.0.0 (commits)' });
    expect(none.updates).toEqual([
      { name: 'caret', field: 'dependencies', dependency: 'core', from: '^1.0.0', to: '^2.0.0' },
    ]);
  });

  it('fixed groups share one version; linked groups share the highest bump', () => {
    const specs = [
      { name: 'a', version: '1.2.0', commits: ['feat: x'] },
      { name: 'b', version: '1.2.0' },
      { name: 'c', version: '2.0.0', commits: ['feat: y'] },
      { name: 'd', version: '0.5.1', commits: ['fix: z'] },
      { name: 'e', version: '1.0.0' },
    ];
    expect(versions(plan(specs, { fixed: [['a', 'b']], linked: [['c', 'd', 'e']] }))).toEqual({
      a: '1.3.0 (commits)',
      b: '1.3.0 (fixed)',
      c: '2.1.0 (commits)',
      d: '0.6.0 (linked)',
    });
  });

  it('only the selected packages start a release; their dependents follow', () => {
    const specs = [
      { name: 'core', version: '1.0.0', commits: ['fix: x'] },
      { name: 'other', version: '1.0.0', commits: ['feat: y'] },
      { name: 'app', version: '1.0.0', deps: { core: '1.0.0' } },
    ];
    expect(versions(plan(specs, { selected: ['core'] }))).toEqual({
      core: '1.0.1 (commits)',
      app: '1.0.1 (dependency)',
    });
  });

  it('reports cycles and still terminates; an unrewritable range is a note', () => {
    const result = plan([
      { name: 'a', version: '1.0.0', commits: ['fix: x'], deps: { b: '1.0.0' } },
      { name: 'b', version: '1.0.0', deps: { a: '1.0.0' } },
      { name: 'c', version: '1.0.0', deps: { a: '0.x || 3.x' } },
    ]);
    expect(versions(result)).toEqual({ a: '1.0.1 (commits)', b: '1.0.1 (dependency)' });
    expect(result.cycles).toEqual([['a', 'b', 'a']]);
    expect(result.notes).toEqual([
      'c: its dependencies range "0.x || 3.x" on a does not include 1.0.1 and is not a form shipwright rewrites: update it by hand',
    ]);
  });
});
