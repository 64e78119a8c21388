// The version-file bumps from data: JSON paths, regex patterns, package-lock.json, and their refusals.
import { describe, expect, it } from 'vitest';
import { isShipwrightError, type ShipwrightError } from '../../../src/core/errors.js';
import { bumpJsonPath, bumpPackageLock, bumpVersionFile } from '../../../src/core/release/bump-version-files.js';
import {
  countCaptureGroups,
  jsonVersionFile,
  parseJsonPath,
  type VersionFileSpec,
} from '../../../src/core/release/version-file-spec.js';

const regex = (path: string, pattern: string): VersionFileSpec => ({ path, kind: 'regex', pattern });
const json = (path: string, dotted: string): VersionFileSpec => ({
  path,
  kind: 'json',
  jsonPath: dotted.split('.'),
  required: true,
});
const bump = (spec: VersionFileSpec, text: string, version = '2.0.0') =>
  bumpVersionFile(spec, { path: spec.path, text }, version);

function refusal(run: () => unknown): ShipwrightError {
  try {
    run();
  } catch (error) {
    if (isShipwrightError(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('JSON version files', () => {
  it('keep indentation (tabs, 4 spaces), CRLF line ends and the final newline or its absence', () => {
    expect(bump(jsonVersionFile('package.json'), '{\n\t"version": "1.0.0"\n}').text).toBe('{\n\t"version": "2.0.0"\n}');
    expect(bump(jsonVersionFile('package.json'), '{\n    "name": "a",\n    "version": "1.0.0"\n}\n').text).toBe(
      '{\n    "name": "a",\n    "version": "2.0.0"\n}\n',
    );
    expect(bump(jsonVersionFile('app.json'), '{\r\n  "version": "1.0.0"\r\n}\r\n').text).toBe(
      '{\r\n  "version": "2.0.0"\r\n}\r\n',
    );
  });

  it('a nested path and an array index, keeping key order and every other value', () => {
    const text =
      '{\n  "name": "tool",\n  "tool": {\n    "app": {\n      "version": "1.0.0",\n      "x": 1\n    }\n  },\n  "z": true\n}\n';
    expect(bump(json('pyproject.json', 'tool.app.version'), text)).toEqual({
      text: text.replace('1.0.0', '2.0.0'),
      places: 1,
      notes: [],
    });
    const list =
      '{\n  "packages": [\n    {\n      "version": "1.0.0"\n    },\n    {\n      "version": "0.3.0"\n    }\n  ]\n}';
    expect(bump(json('multi.json', 'packages.1.version'), list).text).toBe(list.replace('0.3.0', '2.0.0'));
  });

  it('a path that does not exist is refused, naming the file, the path, how far it got and the fix', () => {
    const error = refusal(() => bump(json('manifest.json', 'tool.app.version'), '{ "tool": { "name": "x" } }'));
    expect([error.kind, error.code]).toEqual(['check', 'version-file-invalid']);
    expect(error.message).toBe(
      'manifest.json has nothing at jsonPath "tool.app.version" ("tool" has no "app"), so its version cannot be set.',
    );
    expect(error.fix).toMatch(/correct the jsonPath for manifest\.json in versionFiles/);
    expect(refusal(() => bump(json('manifest.json', 'version'), '[]')).message).toContain(
      '(there is no top-level "version")',
    );
    expect(refusal(() => bump(json('list.json', 'items.5.version'), '{ "items": [] }')).message).toContain(
      '("items" has no "5")',
    );
  });

  it('a value that is not a string is refused', () => {
    expect(refusal(() => bump(json('manifest.json', 'meta'), '{ "meta": { "version": "1.0.0" } }')).message).toBe(
      'manifest.json has {"version":"1.0.0"} at jsonPath "meta", not a version string, so its version cannot be set.',
    );
  });

  it('a plain package.json entry without "version" is left alone with a note, not refused', () => {
    expect(bump(jsonVersionFile('package.json'), '{ "private": true }\n')).toEqual({
      text: '{ "private": true }\n',
      places: 0,
      notes: ['package.json has no "version" field: left as it is'],
    });
  });

  it('a file that does not parse is refused with the fix', () => {
    const error = refusal(() => bumpJsonPath({ path: 'package.json', text: '{ "version": ' }, ['version'], '1.0.0'));
    expect(error.code).toBe('version-file-invalid');
    expect(error.fix).toContain('package.json');
  });

  it('package-lock.json: both the top-level and packages[""] versions', () => {
    const text = `${JSON.stringify({ name: 'a', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'a', version: '1.0.0' }, 'node_modules/x': { version: '9.9.9' } } }, null, 2)}\n`;
    const bumped = JSON.parse(bumpPackageLock({ path: 'package-lock.json', text }, '1.1.0'));
    expect(bumped.version).toBe('1.1.0');
    expect(bumped.packages['']).toEqual({ name: 'a', version: '1.1.0' });
    expect(bumped.packages['node_modules/x'].version).toBe('9.9.9');
  });
});

describe('regex version files', () => {
  it('replaces the first group of every match (m flag: ^ is a line start), and nothing else', () => {
    const text =
      "// v1.0.0\nexport const VERSION = '1.0.0';\nconst other = '1.0.0';\nexport const VERSION = '1.0.0-rc.1'; // again\n";
    const result = bump(regex('src/version.ts', "^export const VERSION = '([^']*)'"), text);
    expect(result.text).toBe(
      "// v1.0.0\nexport const VERSION = '2.0.0';\nconst other = '1.0.0';\nexport const VERSION = '2.0.0'; // again\n",
    );
    expect(result.places).toBe(2);
  });

  it('only the first group changes; a match whose first group took no part is left as it is', () => {
    expect(bump(regex('build.txt', '^(\\S+) \\((build \\d+)\\)$'), '1.0.0 (build 7)\n').text).toBe('2.0.0 (build 7)\n');
    const either = bump(regex('two.txt', "VERSION = '([^']*)'|version: (\\S+)"), "VERSION = '1.0.0'\nversion: 1.0.0\n");
    expect(either).toEqual({ text: "VERSION = '2.0.0'\nversion: 1.0.0\n", places: 1, notes: [] });
  });

  it('a pattern that matches nothing is refused, naming the file, the pattern and the fix', () => {
    const error = refusal(() =>
      bump(regex('src/version.ts', "VERSION = '([^']*)'"), 'export const version = "1.0.0";\n'),
    );
    expect([error.kind, error.code]).toEqual(['check', 'version-file-invalid']);
    expect(error.message).toBe(
      "The pattern \"VERSION = '([^']*)'\" matches nothing in src/version.ts, so its version cannot be bumped.",
    );
    expect(error.fix).toMatch(/correct the pattern for src\/version\.ts in versionFiles/);
  });

  it('a group that captures more than a version is refused before it damages the file', () => {
    const error = refusal(() => bump(regex('src/version.ts', 'VERSION = (.*)'), "export const VERSION = '1.0.0';\n"));
    expect(error.message).toContain('captured "\'1.0.0\';" in src/version.ts, which is not a version');
    expect(error.fix).toContain('narrow the first group');
    expect(refusal(() => bump(regex('x.txt', 'release (v\\S+)'), 'release v1.0.0\n')).message).toContain('"v1.0.0"');
  });

  it('a pattern that does not compile is refused (validation normally catches it first)', () => {
    expect(refusal(() => bump(regex('x.txt', '(unclosed'), 'x')).code).toBe('version-file-invalid');
  });
});

describe('spec helpers', () => {
  it('parseJsonPath splits dotted keys and refuses empty ones', () => {
    expect(parseJsonPath('tool.app.version')).toEqual(['tool', 'app', 'version']);
    expect(parseJsonPath('a..b')).toBeNull();
    expect(parseJsonPath('.version')).toBeNull();
    expect(parseJsonPath('')).toBeNull();
  });

  it('countCaptureGroups counts groups (named too, not (?:)), or says why it does not compile', () => {
    expect(countCaptureGroups("VERSION = '([^']*)'")).toEqual({ groups: 1 });
    expect(countCaptureGroups('(?:v)(?<version>\\d+)(x)?')).toEqual({ groups: 2 });
    expect(countCaptureGroups('no group')).toEqual({ groups: 0 });
    expect(countCaptureGroups('trailing\\')).toHaveProperty('error');
    expect(countCaptureGroups('(')).toHaveProperty('error');
  });
});
