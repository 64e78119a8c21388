// New text for the version files (JSON paths, regex patterns, package-lock.json), keeping each file's style.
import { shellCommand } from '../display-text/shell-words.js';
import { checkFailed } from '../errors.js';
import { detectIndent } from '../init/package-json.js';
import { bumpVersionPattern } from './bump-version-pattern.js';
import type { VersionFileSpec } from './version-file-spec.js';

export interface VersionFileText {
  path: string;
  /** The file as it is now. */
  text: string;
}

export interface VersionFileBump {
  /** Equal to the input when the version is already there (or the field is absent and optional). */
  text: string;
  /** How many places now hold the version. */
  places: number;
  notes: string[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(file: VersionFileText): unknown {
  try {
    return JSON.parse(file.text);
  } catch (error) {
    throw checkFailed(
      `${file.path} is not valid JSON (${(error as Error).message}), so its version cannot be bumped.`,
      {
        code: 'version-file-invalid',
        fix: `fix the syntax error in ${file.path} (${shellCommand(['npx', 'prettier', '--check', file.path])} points at it), commit, then release`,
      },
    );
  }
}

function parseObject(file: VersionFileText): Record<string, unknown> {
  const value = parseJson(file);
  if (!isRecord(value)) {
    throw checkFailed(`${file.path} is not a JSON object, so its version cannot be bumped.`, {
      code: 'version-file-invalid',
      fix: `fix ${file.path}, commit, then release`,
    });
  }
  return value;
}

/** Indentation, final newline and CRLF line ends as the file had them. */
function stringify(value: unknown, original: string): string {
  const text = `${JSON.stringify(value, null, detectIndent(original))}${original.endsWith('\n') ? '\n' : ''}`;
  return original.includes('\r\n') ? text.replace(/\n/g, '\r\n') : text;
}

/** The child at `key`: an all-digit key indexes an array. */
function child(node: unknown, key: string): { value: unknown } | null {
  if (Array.isArray(node)) return /^\d+$/.test(key) && Number(key) < node.length ? { value: node[Number(key)] } : null;
  return isRecord(node) && Object.hasOwn(node, key) ? { value: node[key] } : null;
}

/** What stands at the path: the value, or the longest prefix that exists. */
function lookUp(root: unknown, keys: string[]): { value: unknown } | { missing: string; reached: string[] } {
  let node = root;
  for (const [index, key] of keys.entries()) {
    const next = child(node, key);
    if (!next) return { missing: key, reached: keys.slice(0, index) };
    node = next.value;
  }
  return { value: node };
}

function setAt(node: unknown, keys: string[], version: string): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return version;
  if (Array.isArray(node))
    return node.map((item, index) => (index === Number(key) ? setAt(item, rest, version) : item));
  const record = node as Record<string, unknown>;
  return { ...record, [key]: setAt(record[key], rest, version) };
}

function jsonPathProblem(path: string, keys: string[], found: ReturnType<typeof lookUp>): string {
  const dotted = keys.join('.');
  if ('missing' in found) {
    const where =
      found.reached.length > 0
        ? `"${found.reached.join('.')}" has no "${found.missing}"`
        : `there is no top-level "${found.missing}"`;
    return `${path} has nothing at jsonPath "${dotted}" (${where}), so its version cannot be set.`;
  }
  return `${path} has ${JSON.stringify(found.value)} at jsonPath "${dotted}", not a version string, so its version cannot be set.`;
}

/** The string at `jsonPath` becomes the version; absent or not a string is refused, or for an optional spec left alone with a note. */
export function bumpJsonPath(
  file: VersionFileText,
  jsonPath: string[],
  version: string,
  required = true,
): VersionFileBump {
  const root = required ? parseJson(file) : parseObject(file);
  const found = lookUp(root, jsonPath);
  if (!('value' in found) || typeof found.value !== 'string') {
    if (!required)
      return {
        text: file.text,
        places: 0,
        notes: [`${file.path} has no "${jsonPath.join('.')}" field: left as it is`],
      };
    throw checkFailed(jsonPathProblem(file.path, jsonPath, found), {
      code: 'version-file-invalid',
      fix: `correct the jsonPath for ${file.path} in versionFiles of the shipwright config (dotted keys, e.g. "tool.app.version"), or put a version string such as "0.0.0" there`,
    });
  }
  return { text: stringify(setAt(root, jsonPath, version), file.text), places: 1, notes: [] };
}

export function bumpVersionFile(spec: VersionFileSpec, file: VersionFileText, version: string): VersionFileBump {
  return spec.kind === 'json'
    ? bumpJsonPath(file, spec.jsonPath, version, spec.required)
    : bumpVersionPattern(file, spec.pattern, version);
}

/** package-lock.json: the top-level `version` and `packages[""].version` (lockfile v2/v3). */
export function bumpPackageLock(file: VersionFileText, version: string): string {
  const lock = parseObject(file);
  const next: Record<string, unknown> = { ...lock, version };
  const packages = lock.packages as Record<string, Record<string, unknown>> | undefined;
  const root = packages?.[''];
  if (packages && root && typeof root === 'object') next.packages = { ...packages, '': { ...root, version } };
  return stringify(next, file.text);
}
