// Validates `packages` (monorepos): tag formats, shared paths, how dependents are bumped, fixed
// and linked groups, the root changelog. Every problem names key, expected and got.
import type { PackagesConfig } from '../core/config/config-types.js';
import { describeValue } from './describe-value.js';
import { checkTagFormat, DEFAULT_TAG_FORMATS } from '../core/packages/package-tags.js';

export const defaultPackagesConfig = (): PackagesConfig => ({
  tagFormat: [...DEFAULT_TAG_FORMATS],
  tagFormatOverrides: {},
  sharedPaths: [],
  dependentBump: 'patch',
  fixed: [],
  linked: [],
  rootChangelog: false,
});

const describe = describeValue;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const KNOWN = ['tagFormat', 'tagFormatOverrides', 'sharedPaths', 'dependentBump', 'fixed', 'linked', 'rootChangelog'];

function checkFormats(at: string, value: unknown, problems: string[]): string[] | null {
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.length === 0 || !list.every((item) => typeof item === 'string')) {
    problems.push(
      `${at}: expected a tag format or a list of them, such as ["{name}@{version}", "{name}-v{version}"]; got ${describe(value)}`,
    );
    return null;
  }
  let ok = true;
  for (const format of list as string[]) {
    const expected = checkTagFormat(format);
    if (expected) {
      problems.push(`${at}: expected ${expected}; got ${describe(format)}`);
      ok = false;
    }
  }
  return ok ? (list as string[]) : null;
}

function checkGroups(at: string, value: unknown, problems: string[]): string[][] | null {
  if (
    !Array.isArray(value) ||
    !value.every(
      (group) =>
        Array.isArray(group) && group.length > 1 && group.every((name) => typeof name === 'string' && name.length > 0),
    )
  ) {
    problems.push(
      `${at}: expected a list of package-name lists with two or more names each, such as [["@acme/core", "@acme/cli"]]; got ${describe(value)}`,
    );
    return null;
  }
  const seen = new Map<string, number>();
  (value as string[][]).forEach((group, index) => {
    for (const name of group) {
      const other = seen.get(name);
      if (other !== undefined && other !== index)
        problems.push(`${at}[${index}]: "${name}" is already in group ${other}; a package belongs to one group`);
      seen.set(name, index);
    }
  });
  return value as string[][];
}

/** The settings merged over the defaults, or the defaults with every problem pushed. */
export function checkPackagesConfig(value: unknown, problems: string[]): PackagesConfig {
  const config = defaultPackagesConfig();
  if (!isRecord(value)) {
    problems.push(`packages: expected an object such as { "tagFormat": "{name}@{version}" }; got ${describe(value)}`);
    return config;
  }
  for (const [key, inner] of Object.entries(value)) {
    const at = `packages.${key}`;
    if (key === 'tagFormat') config.tagFormat = checkFormats(at, inner, problems) ?? config.tagFormat;
    else if (key === 'tagFormatOverrides') {
      if (!isRecord(inner))
        problems.push(
          `${at}: expected an object of tag formats by package name, such as { "vite": "v{version}" }; got ${describe(inner)}`,
        );
      else
        for (const [name, formats] of Object.entries(inner)) {
          const checked = checkFormats(`${at}.${name}`, formats, problems);
          if (checked) config.tagFormatOverrides[name] = checked;
        }
    } else if (key === 'sharedPaths') {
      if (
        Array.isArray(inner) &&
        inner.every(
          (path) =>
            typeof path === 'string' && path.length > 0 && !path.startsWith('/') && !path.split('/').includes('..'),
        )
      ) {
        config.sharedPaths = (inner as string[]).map((path) => path.replace(/^\.\//, '').replace(/\/+$/, ''));
      } else
        problems.push(
          `${at}: expected a list of paths from the repository root, such as ["package-lock.json"]; got ${describe(inner)}`,
        );
    } else if (key === 'dependentBump') {
      if (inner === 'patch' || inner === 'minor' || inner === 'major' || inner === 'none') config.dependentBump = inner;
      else problems.push(`${at}: expected one of "patch", "minor", "major", "none"; got ${describe(inner)}`);
    } else if (key === 'fixed' || key === 'linked') config[key] = checkGroups(at, inner, problems) ?? [];
    else if (key === 'rootChangelog') {
      if (typeof inner === 'boolean') config.rootChangelog = inner;
      else problems.push(`${at}: expected true or false; got ${describe(inner)}`);
    } else problems.push(`${at}: unknown setting (known: ${KNOWN.map((name) => `packages.${name}`).join(', ')})`);
  }
  const fixed = new Set(config.fixed.flat());
  for (const name of config.linked.flat())
    if (fixed.has(name))
      problems.push(`packages.linked: "${name}" is also in a fixed group; a package is fixed or linked, not both`);
  return config;
}
