// New text for the version files (package.json, package-lock.json), keeping each file's style.
import { checkFailed } from '../errors.js';
import { detectIndent } from '../init/package-json.js';

export interface VersionFileText {
  path: string;
  /** The file as it is now. */
  text: string;
}

function parseObject(file: VersionFileText): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(file.text);
  } catch (error) {
    throw checkFailed(`${file.path} is not valid JSON (${(error as Error).message}), so its version cannot be bumped.`, {
      code: 'version-file-invalid',
      fix: `fix the syntax error in ${file.path} (npx prettier --check ${file.path} points at it), commit, then release`,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw checkFailed(`${file.path} is not a JSON object, so its version cannot be bumped.`, { code: 'version-file-invalid', fix: `fix ${file.path}, commit, then release` });
  }
  return value as Record<string, unknown>;
}

const stringify = (value: unknown, original: string): string =>
  `${JSON.stringify(value, null, detectIndent(original))}${original.endsWith('\n') ? '\n' : ''}`;

/** package.json: `version`; a file without one gets none (a private app need not carry it). */
export function bumpPackageJson(file: VersionFileText, version: string): string | null {
  const pkg = parseObject(file);
  if (typeof pkg.version !== 'string') return null;
  return stringify({ ...pkg, version }, file.text);
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
