// Validates user configuration against the known keys; every problem names key, expected and got.
import { describeValue } from './describe-value.js';
import semver from 'semver';
import { PRESET_NAMES } from '../core/conventional-commits/preset-names.js';
import { emptyRecord } from '../core/own-property.js';
import { BUMPS } from '../core/version/bump-rules.js';
import {
  STAGED_CHECK_NAMES,
  type BranchType,
  type ShipwrightConfig,
  type StagedCheckName,
} from '../core/config/config-types.js';
import { defaultConfig } from './default-config.js';
import { checkChangelogTypes } from './validate-changelog-types.js';
import { checkPackagesConfig } from './validate-packages-config.js';
import { checkChecklist } from './validate-checklist.js';
import { checkVersionFiles } from './validate-version-files.js';

type Check = (value: unknown) => string | null;

const describe = describeValue;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (v) => (typeof v === 'string' ? null : 'a string');
const nonEmpty: Check = (v) => (typeof v === 'string' && v.length > 0 ? null : 'a non-empty string');
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : `one of ${values.map((x) => `"${x}"`).join(', ')}`;
const boolean: Check = (v) => (typeof v === 'boolean' ? null : 'true or false');
const optionalString: Check = (v) => (v === null || typeof v === 'string' ? null : 'a string or null');
const stagedChecks: Check = (v) =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && (STAGED_CHECK_NAMES as readonly string[]).includes(x))
    ? null
    : `a list of ${STAGED_CHECK_NAMES.map((x) => `"${x}"`).join(', ')}`;
const branchList: Check = (v) =>
  v === null || (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0))
    ? null
    : 'a list of branch names, or null';
const argv: Check = (v) =>
  v === null || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' && x.length > 0))
    ? null
    : 'a command as a list of arguments such as ["npm", "test"], or null';
const optionalNonEmpty: Check = (v) =>
  v === null || (typeof v === 'string' && v.length > 0)
    ? null
    : 'a workflow file name such as "deploy-production.yml", or null';
// GitHub's rule for workflow_dispatch input ids.
const inputName: Check = (v) =>
  typeof v === 'string' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(v)
    ? null
    : 'a workflow input name such as "tag" (letters, digits, - and _)';
const version: Check = (v) =>
  typeof v === 'string' && semver.valid(v) === v ? null : 'a semver version such as "1.0.0"';

/**
 * Known keys and how to check them; nested objects are listed by dotted path. A Map, not an
 * object: a key such as `constructor` or `__proto__` must be unknown, not Object.prototype's.
 */
const SCHEMA = new Map<string, Check>(
  Object.entries({
    workflow: oneOf(['gitflow', 'trunk']),
    'branches.production': nonEmpty,
    'branches.integration': nonEmpty,
    tagPrefix: string,
    'changelog.file': nonEmpty,
    'changelog.preset': oneOf(PRESET_NAMES),
    firstVersion: version,
    'prereleaseChannels.release': optionalString,
    'prereleaseChannels.integration': optionalString,
    stagedChecks,
    protectedBranches: branchList,
    preRelease: argv,
    githubRelease: boolean,
    publish: boolean,
    'deploy.workflow': optionalNonEmpty,
    'deploy.tagInput': inputName,
    'hotfix.propagation': oneOf(['merge', 'cherry-pick']),
    'backport.branches': boolean,
    'secretScan.enabled': boolean,
    'secretScan.allow': (v) =>
      Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0)
        ? null
        : 'a list of path globs such as ["test/fixtures/**"]',
  }),
);
const OBJECT_KEYS = new Set([
  'branches',
  'changelog',
  'prereleaseChannels',
  'branchTypes',
  'bumpRules',
  'deploy',
  'hotfix',
  'backport',
  'secretScan',
]);

export class ConfigProblems extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

function checkBranchTypes(value: unknown, problems: string[]): Record<string, BranchType> {
  const result = emptyRecord<BranchType>();
  if (!isRecord(value)) {
    problems.push(
      `branchTypes: expected an object of { prefix, base, description } by type name; got ${describe(value)}`,
    );
    return result;
  }
  for (const [name, entry] of Object.entries(value)) {
    if (!isRecord(entry) || typeof entry.prefix !== 'string' || typeof entry.base !== 'string') {
      problems.push(
        `branchTypes.${name}: expected { "prefix": "${name}/", "base": "integration" | "production" | BRANCH }; got ${describe(entry)}`,
      );
      continue;
    }
    const aliases = Array.isArray(entry.aliases)
      ? entry.aliases.filter((alias): alias is string => typeof alias === 'string' && alias.length > 0)
      : undefined;
    result[name] = {
      prefix: entry.prefix,
      base: entry.base,
      description: typeof entry.description === 'string' ? entry.description : '',
      ...(aliases ? { aliases } : {}),
    };
  }
  return result;
}

function checkBumpRules(value: unknown, problems: string[]): ShipwrightConfig['bumpRules'] {
  const result = emptyRecord<ShipwrightConfig['bumpRules'][string]>();
  if (!isRecord(value)) {
    problems.push(`bumpRules: expected an object such as { "feat": "minor", "fix": "patch" }; got ${describe(value)}`);
    return result;
  }
  for (const [type, bump] of Object.entries(value)) {
    if (typeof bump === 'string' && (BUMPS as readonly string[]).includes(bump))
      result[type] = bump as (typeof BUMPS)[number];
    else problems.push(`bumpRules.${type}: expected one of "major", "minor", "patch"; got ${describe(bump)}`);
  }
  return result;
}

/** `{ "console-log": ["src/cli/**"] }`: each named check's list replaces its default. */
function checkIgnores(value: unknown, problems: string[]): ShipwrightConfig['stagedCheckIgnore'] {
  const result: ShipwrightConfig['stagedCheckIgnore'] = {};
  if (!isRecord(value)) {
    problems.push(
      `stagedCheckIgnore: expected an object such as { "console-log": ["src/cli/**"] }; got ${describe(value)}`,
    );
    return result;
  }
  for (const [name, globs] of Object.entries(value)) {
    if (!(STAGED_CHECK_NAMES as readonly string[]).includes(name))
      problems.push(`stagedCheckIgnore.${name}: unknown check (known: ${STAGED_CHECK_NAMES.join(', ')})`);
    else if (!Array.isArray(globs) || !globs.every((glob) => typeof glob === 'string' && glob.length > 0))
      problems.push(
        `stagedCheckIgnore.${name}: expected a list of path globs such as ["src/cli/**"]; got ${describe(globs)}`,
      );
    else result[name as StagedCheckName] = globs as string[];
  }
  return result;
}

/** Merges user settings over the defaults. Throws ConfigProblems listing every bad key. */
export function validateConfig(input: unknown): ShipwrightConfig {
  const config = defaultConfig();
  if (input === undefined || input === null) return config;
  if (!isRecord(input)) throw new ConfigProblems([`expected a JSON object at the top level; got ${describe(input)}`]);
  const problems: string[] = [];
  const target = config as unknown as Record<string, unknown>;
  let checklist: unknown;
  let preRelease: string[] | null = null;

  for (const [key, value] of Object.entries(input)) {
    if (key === '$schema') continue;
    if (key === 'checklist') {
      checklist = value;
      continue;
    }
    if (key === 'preRelease') {
      // The older single command: still read, as the first checklist.before item.
      const expected = argv(value);
      if (expected) problems.push(`preRelease: expected ${expected}; got ${describe(value)}`);
      else preRelease = value as string[] | null;
      continue;
    }
    if (key === 'branchTypes') {
      config.branchTypes = Object.assign(
        emptyRecord<BranchType>(),
        config.branchTypes,
        checkBranchTypes(value, problems),
      );
      continue;
    }
    if (key === 'versionFiles') {
      config.versionFiles = checkVersionFiles(value, problems) ?? config.versionFiles;
      continue;
    }
    if (key === 'packages') {
      config.packages = checkPackagesConfig(value, problems);
      continue;
    }
    if (key === 'stagedCheckIgnore') {
      config.stagedCheckIgnore = { ...config.stagedCheckIgnore, ...checkIgnores(value, problems) };
      continue;
    }
    if (key === 'bumpRules') {
      config.bumpRules = checkBumpRules(value, problems);
      continue;
    }
    if (OBJECT_KEYS.has(key)) {
      if (!isRecord(value)) {
        problems.push(`${key}: expected an object; got ${describe(value)}`);
        continue;
      }
      for (const [inner, innerValue] of Object.entries(value)) {
        const path = `${key}.${inner}`;
        if (path === 'changelog.types') {
          const types = checkChangelogTypes(innerValue, problems);
          if (types) config.changelog.types = types;
          continue;
        }
        const check = SCHEMA.get(path);
        if (!check)
          problems.push(
            `${path}: unknown setting (known: ${[...SCHEMA.keys(), 'changelog.types'].filter((k) => k.startsWith(`${key}.`)).join(', ')})`,
          );
        else {
          const expected = check(innerValue);
          if (expected) problems.push(`${path}: expected ${expected}; got ${describe(innerValue)}`);
          else (target[key] as Record<string, unknown>)[inner] = innerValue;
        }
      }
      continue;
    }
    const check = SCHEMA.get(key);
    if (!check) {
      problems.push(
        `${key}: unknown setting (known: ${[...new Set([...SCHEMA.keys()].map((k) => k.split('.')[0]))].join(', ')}, versionFiles, branchTypes, bumpRules, packages, checklist)`,
      );
      continue;
    }
    const expected = check(value);
    if (expected) problems.push(`${key}: expected ${expected}; got ${describe(value)}`);
    else target[key] = value;
  }
  if (config.changelog.types && config.changelog.preset === 'angular') {
    problems.push(
      'changelog.types: the angular preset has fixed sections; set "changelog.preset": "conventionalcommits" to choose them, or remove changelog.types',
    );
  }
  config.checklist = checkChecklist(checklist, preRelease, problems);
  if (problems.length > 0) throw new ConfigProblems(problems);
  return config;
}
