// A dependent's range on a released workspace package, rewritten to include the new version:
// exact pins become the new version, `^`/`~`/`>=` ranges that no longer match move to it with
// the same operator, `workspace:` keeps its protocol (`workspace:*`, `^`, `~` are left as they are).
import semver from 'semver';

type RangeUpdate =
  | { kind: 'kept'; range: string }
  | { kind: 'updated'; range: string }
  /** Outside the range and not a form that can be rewritten (e.g. `1.x || 2.x`): a person decides. */
  | { kind: 'unsupported'; range: string };

const SIMPLE = /^(\^|~|>=|=)?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/;

function updatePlain(range: string, version: string): RangeUpdate {
  const trimmed = range.trim();
  const simple = SIMPLE.exec(trimmed);
  if (simple) {
    const operator = simple[1] ?? '';
    // An exact pin names one version: it always follows the release.
    if (operator === '' || operator === '=')
      return trimmed === `${operator}${version}`
        ? { kind: 'kept', range }
        : { kind: 'updated', range: `${operator}${version}` };
    return semver.satisfies(version, trimmed, { includePrerelease: true })
      ? { kind: 'kept', range }
      : { kind: 'updated', range: `${operator}${version}` };
  }
  if (semver.validRange(trimmed) !== null && semver.satisfies(version, trimmed, { includePrerelease: true }))
    return { kind: 'kept', range };
  return { kind: 'unsupported', range };
}

export function updateDependencyRange(range: string, version: string): RangeUpdate {
  if (range.startsWith('workspace:')) {
    const rest = range.slice('workspace:'.length);
    // pnpm and yarn replace these with the released version when publishing.
    if (rest === '*' || rest === '^' || rest === '~' || rest === '') return { kind: 'kept', range };
    const inner = updatePlain(rest, version);
    return inner.kind === 'updated'
      ? { kind: 'updated', range: `workspace:${inner.range}` }
      : inner.kind === 'kept'
        ? { kind: 'kept', range }
        : { kind: 'unsupported', range };
  }
  // Other protocols (file:, link:, npm:, git URLs) point elsewhere: not ours to rewrite.
  if (/^[a-z+]+:/i.test(range)) return { kind: 'kept', range };
  return updatePlain(range, version);
}
