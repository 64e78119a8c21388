// Which packages a release takes and at what version: each selected package's own next version,
// then linked groups (the highest bump among those released), fixed groups (one version for all),
// and dependents (their ranges on released packages updated; a changed manifest is itself bumped,
// `dependentBump`), repeated until nothing changes. Cycles are reported, never followed forever.
import semver from 'semver';
import type { DependentBump } from '../config/config-types.js';
import type { Bump } from '../version/bump-rules.js';
import { updateDependencyRange } from './dependency-ranges.js';
import type { PackageRelease } from './package-release.js';
import type { DependencyField } from './workspace-package.js';

type ReleaseReason = 'commits' | 'dependency' | 'fixed' | 'linked';

export interface PlannedPackage {
  name: string;
  dir: string;
  /** The latest release (or the manifest's version before a first release). */
  current: string | null;
  version: string;
  tag: string;
  bump: Bump | null;
  reason: ReleaseReason;
  /** In words, for status, the wizard and the release commit. */
  because: string;
}

export interface DependencyUpdate {
  /** The dependent package and where the range is. */
  name: string;
  field: DependencyField;
  dependency: string;
  from: string;
  to: string;
}

export interface PackageVersionsPlan {
  /** In workspace order (by name). */
  packages: PlannedPackage[];
  updates: DependencyUpdate[];
  /** Internal dependency cycles, each as the names around it (`a → b → a`). */
  cycles: string[][];
  notes: string[];
}

export interface PackageVersionsInput {
  releases: readonly PackageRelease[];
  /** The packages asked for; others are released only as dependents or group members. */
  selected: readonly string[];
  fixed: readonly (readonly string[])[];
  linked: readonly (readonly string[])[];
  dependentBump: DependentBump;
  /** The version and tag a package gets with this bump forced (its own tags decide prerelease numbers). */
  bumpPackage: (name: string, bump: Bump) => { version: string; tag: string };
  /** The tag of a package at a version chosen for it (a fixed group's). */
  tagFor: (name: string, version: string) => string;
}

const BUMP_ORDER: Bump[] = ['patch', 'minor', 'major'];
const higher = (a: Bump | null, b: Bump | null): Bump | null =>
  a === null ? b : b === null ? a : BUMP_ORDER.indexOf(a) >= BUMP_ORDER.indexOf(b) ? a : b;
/** Manifest fields whose range a consumer installs by: a change there is a change of the package. */
const RUNTIME_FIELDS: readonly DependencyField[] = ['dependencies', 'peerDependencies', 'optionalDependencies'];

export function planPackageVersions(input: PackageVersionsInput): PackageVersionsPlan {
  const byName = new Map(input.releases.map((release) => [release.pkg.name, release]));
  const planned = new Map<string, PlannedPackage>();
  const notes: string[] = [];
  const currentOf = (release: PackageRelease): string | null => release.next.current?.version ?? release.pkg.version;

  const set = (release: PackageRelease, entry: Omit<PlannedPackage, 'name' | 'dir' | 'current'>) =>
    planned.set(release.pkg.name, {
      name: release.pkg.name,
      dir: release.pkg.dir,
      current: currentOf(release),
      ...entry,
    });

  for (const name of input.selected) {
    const release = byName.get(name);
    if (!release || release.next.kind !== 'release' || !release.nextTag) continue;
    const { decision } = release.next;
    const why = decision.decidedBy
      ? `${decision.decidedBy.isBreaking ? 'breaking change: ' : ''}${decision.decidedBy.header ?? ''}`
      : release.next.firstRelease
        ? 'first release'
        : 'chosen by hand';
    set(release, {
      version: release.next.version,
      tag: release.nextTag,
      bump: release.next.bump,
      reason: 'commits',
      because: why,
    });
  }

  const applyGroups = () => {
    for (const group of input.linked) {
      const members = group.filter((name) => planned.has(name));
      const bump = members.reduce<Bump | null>((top, name) => higher(top, planned.get(name)?.bump ?? null), null);
      if (!bump) continue;
      for (const name of members) {
        const entry = planned.get(name) as PlannedPackage;
        if (entry.bump === bump || higher(entry.bump, bump) === entry.bump) continue;
        const { version, tag } = input.bumpPackage(name, bump);
        planned.set(name, {
          ...entry,
          version,
          tag,
          bump,
          reason: 'linked',
          because: `linked with ${members.filter((other) => other !== name).join(', ')}: ${bump} bump`,
        });
      }
    }
    for (const group of input.fixed) {
      const members = group.filter((name) => byName.has(name));
      const releasing = members.filter((name) => planned.has(name));
      if (releasing.length === 0) continue;
      const bump = releasing.reduce<Bump | null>((top, name) => higher(top, planned.get(name)?.bump ?? null), null);
      const candidates = members.map(
        (name) => planned.get(name)?.version ?? input.bumpPackage(name, bump ?? 'patch').version,
      );
      const version = candidates.reduce((top, candidate) => (semver.gt(candidate, top) ? candidate : top));
      for (const name of members) {
        const release = byName.get(name) as PackageRelease;
        const entry = planned.get(name);
        if (entry?.version === version) continue;
        set(release, {
          version,
          tag: input.tagFor(name, version),
          bump,
          reason: entry?.reason === 'commits' ? 'commits' : 'fixed',
          because: `fixed group with ${members.filter((other) => other !== name).join(', ')}: one version`,
        });
      }
    }
  };

  const updates: DependencyUpdate[] = [];
  applyGroups();
  // Dependents: each pass may release more packages; a package's ranges are computed once per new version.
  for (let pass = 0; pass <= input.releases.length; pass += 1) {
    let changed = false;
    updates.length = 0;
    for (const release of input.releases) {
      let runtimeChange: string | null = null;
      for (const dependency of release.pkg.dependencies) {
        const target = planned.get(dependency.name);
        if (!target || !byName.has(dependency.name)) continue;
        const result = updateDependencyRange(dependency.range, target.version);
        if (result.kind === 'updated') {
          updates.push({
            name: release.pkg.name,
            field: dependency.field,
            dependency: dependency.name,
            from: dependency.range,
            to: result.range,
          });
          if (RUNTIME_FIELDS.includes(dependency.field)) runtimeChange ??= `${dependency.name} ${target.version}`;
        } else if (result.kind === 'unsupported' && pass === 0) {
          notes.push(
            `${release.pkg.name}: its ${dependency.field} range "${dependency.range}" on ${dependency.name} does not include ${target.version} and is not a form shipwright rewrites: update it by hand`,
          );
        }
      }
      if (runtimeChange && !planned.has(release.pkg.name) && input.dependentBump !== 'none') {
        const { version, tag } = input.bumpPackage(release.pkg.name, input.dependentBump);
        set(release, {
          version,
          tag,
          bump: input.dependentBump,
          reason: 'dependency',
          because: `depends on ${runtimeChange}`,
        });
        changed = true;
      }
    }
    if (changed) applyGroups();
    else break;
  }

  const packages = input.releases
    .filter((release) => planned.has(release.pkg.name))
    .map((release) => planned.get(release.pkg.name) as PlannedPackage);
  return { packages, updates, cycles: findCycles(input.releases), notes };
}

/** Cycles among runtime dependencies (dev dependencies may point back without harm), each once. */
function findCycles(releases: readonly PackageRelease[]): string[][] {
  const names = new Set(releases.map((release) => release.pkg.name));
  const edges = new Map(
    releases.map((release) => [
      release.pkg.name,
      [
        ...new Set(
          release.pkg.dependencies
            .filter((dep) => RUNTIME_FIELDS.includes(dep.field) && names.has(dep.name))
            .map((dep) => dep.name),
        ),
      ],
    ]),
  );
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (name: string) => {
    state.set(name, 'open');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...path.slice(path.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join('\0');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(name, 'done');
  };
  for (const name of [...names].sort()) if (!state.has(name)) visit(name);
  return cycles;
}
