// Validates `versionFiles` entries ("package.json", { path, jsonPath }, { path, pattern }) into specs.
import { describeValue } from './describe-value.js';
import {
  countCaptureGroups,
  jsonVersionFile,
  parseJsonPath,
  type VersionFileSpec,
} from '../core/release/version-file-spec.js';

const describe = describeValue;
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const KEYS = ['path', 'jsonPath', 'pattern'];

const objectForms = (path: string) =>
  `{ "path": ${JSON.stringify(path)}, "pattern": "VERSION = '([^']*)'" } (a regex whose first group is the version) or { "path": ${JSON.stringify(path)}, "jsonPath": "version" } (JSON under another name)`;

function checkPattern(pattern: unknown, where: string, problems: string[]): pattern is string {
  if (typeof pattern !== 'string' || pattern.length === 0) {
    problems.push(
      `${where}.pattern: expected a regex as a string, e.g. "VERSION = '([^']*)'"; got ${describe(pattern)}`,
    );
    return false;
  }
  const counted = countCaptureGroups(pattern);
  if ('error' in counted) {
    problems.push(
      `${where}.pattern: expected a JavaScript regex (in JSON, backslashes doubled: "\\\\d+"); got ${describe(pattern)}, which does not compile (${counted.error})`,
    );
    return false;
  }
  if (counted.groups === 0) {
    problems.push(
      `${where}.pattern: expected a regex with the version in a capture group, e.g. "VERSION = '([^']*)'"; got ${describe(pattern)}, which has no group`,
    );
    return false;
  }
  return true;
}

function checkObject(entry: Record<string, unknown>, where: string, problems: string[]): VersionFileSpec | null {
  const before = problems.length;
  for (const key of Object.keys(entry))
    if (!KEYS.includes(key)) problems.push(`${where}.${key}: unknown setting (known: ${KEYS.join(', ')})`);
  const { path, jsonPath, pattern } = entry;
  if (typeof path !== 'string' || path.length === 0)
    problems.push(`${where}.path: expected a file path relative to the repository root; got ${describe(path)}`);
  if ((jsonPath === undefined) === (pattern === undefined)) {
    const which = jsonPath === undefined ? 'one of' : 'only one of';
    problems.push(
      `${where}: expected ${which} "jsonPath" (dotted keys into JSON, e.g. "tool.app.version") or "pattern" (a regex whose first group is the version); got ${describe(entry)}`,
    );
    return null;
  }
  if (pattern !== undefined) {
    return checkPattern(pattern, where, problems) && problems.length === before
      ? { path: path as string, kind: 'regex', pattern }
      : null;
  }
  const keys = typeof jsonPath === 'string' ? parseJsonPath(jsonPath) : null;
  if (!keys)
    problems.push(
      `${where}.jsonPath: expected dotted keys such as "version" or "tool.app.version" (digits index a list: "packages.0.version"); got ${describe(jsonPath)}`,
    );
  return keys && problems.length === before
    ? { path: path as string, kind: 'json', jsonPath: keys, required: true }
    : null;
}

function checkEntry(entry: unknown, where: string, problems: string[]): VersionFileSpec | null {
  if (typeof entry === 'string') {
    if (entry.endsWith('.json')) return jsonVersionFile(entry);
    problems.push(`${where}: expected a .json path, ${objectForms(entry || 'src/version.ts')}; got ${describe(entry)}`);
    return null;
  }
  if (isRecord(entry)) return checkObject(entry, where, problems);
  problems.push(`${where}: expected a .json path, ${objectForms('src/version.ts')}; got ${describe(entry)}`);
  return null;
}

/** The specs, or null with every problem pushed (the defaults then stay). */
export function checkVersionFiles(value: unknown, problems: string[]): VersionFileSpec[] | null {
  if (!Array.isArray(value)) {
    problems.push(
      `versionFiles: expected a list of .json paths and { "path", "jsonPath" } or { "path", "pattern" } entries; got ${describe(value)}`,
    );
    return null;
  }
  const before = problems.length;
  const specs = value.map((entry, index) => checkEntry(entry, `versionFiles[${index}]`, problems));
  return problems.length === before ? specs.filter((spec): spec is VersionFileSpec => spec !== null) : null;
}
