// A version file bumped by a regex: the first group of every match becomes the new version, and
// nothing else in the file moves.
import semver from 'semver';
import { checkFailed } from '../errors.js';
import type { VersionFileBump, VersionFileText } from './bump-version-files.js';
import { PATTERN_FLAGS } from './version-file-spec.js';

const configFix = (path: string) => `the pattern for ${path} in versionFiles of the shipwright config`;

function compile(path: string, pattern: string): RegExp {
  try {
    // `d` gives each group's offsets, so only the group is replaced, whatever surrounds it.
    return new RegExp(pattern, `${PATTERN_FLAGS}d`);
  } catch (error) {
    throw checkFailed(
      `The pattern for ${path} does not compile (${(error as Error).message}), so its version cannot be bumped.`,
      {
        code: 'version-file-invalid',
        fix: `correct ${configFix(path)} (a JavaScript regex in a JSON string: backslashes doubled)`,
      },
    );
  }
}

export function bumpVersionPattern(file: VersionFileText, pattern: string, version: string): VersionFileBump {
  const regex = compile(file.path, pattern);
  let text = '';
  let last = 0;
  let places = 0;
  for (const match of file.text.matchAll(regex)) {
    const span = match.indices?.[1];
    const found = match[1];
    // A group inside an alternative that did not take part in this match has nothing to replace.
    if (!span || found === undefined) continue;
    // Strict: "v1.2.3" or "1.2.3' // note" are not versions; a greedy group would eat the rest of the line.
    if (semver.valid(found) !== found) {
      throw checkFailed(
        `The pattern ${JSON.stringify(pattern)} captured ${JSON.stringify(found)} in ${file.path}, which is not a version, so replacing it would damage the file.`,
        {
          code: 'version-file-invalid',
          fix: `narrow the first group of ${configFix(file.path)} to the version alone (e.g. ([^']*) instead of (.*), with any "v" outside the group)`,
        },
      );
    }
    text += `${file.text.slice(last, span[0])}${version}`;
    last = span[1];
    places += 1;
  }
  if (places === 0) {
    throw checkFailed(
      `The pattern ${JSON.stringify(pattern)} matches nothing in ${file.path}, so its version cannot be bumped.`,
      {
        code: 'version-file-invalid',
        fix: `correct ${configFix(file.path)} so it matches the line that holds the version, with the version alone in its first group`,
      },
    );
  }
  return { text: `${text}${file.text.slice(last)}`, places, notes: [] };
}
