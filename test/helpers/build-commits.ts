// Data builders for core tests: commits and tags without git.
import semver from 'semver';
import { createCommitParser } from '../../src/core/conventional-commits/parse-commit.js';
import { VERSION_PARSER_OPTIONS } from '../../src/app/read-release-state.js';
import type { ConventionalCommit } from '../../src/core/conventional-commits/conventional-commit.js';
import type { ReleaseTag } from '../../src/core/tags/release-tag.js';

const parse = createCommitParser(VERSION_PARSER_OPTIONS);
let counter = 0;

export function aCommit(
  message: string,
  options: { hash?: string; parents?: string[]; date?: string } = {},
): ConventionalCommit {
  counter += 1;
  const hash = options.hash ?? counter.toString(16).padStart(40, '0');
  return parse({
    hash,
    parents: options.parents ?? [],
    committerDate: options.date ?? '2024-01-01T00:00:00Z',
    authorName: 'Ada',
    message,
  });
}

/** A linear history, oldest first in `messages`, returned newest first as git log prints it. */
export function aLinearHistory(messages: string[]): ConventionalCommit[] {
  const commits: ConventionalCommit[] = [];
  let parent: string | undefined;
  messages.forEach((message, index) => {
    const hash = `c${index}`.padEnd(40, '0');
    commits.push(
      aCommit(message, {
        hash,
        parents: parent ? [parent] : [],
        date: `2024-01-${String(index + 1).padStart(2, '0')}T12:00:00Z`,
      }),
    );
    parent = hash;
  });
  return commits.reverse();
}

export function aTag(name: string, version: string, commit = 'f'.repeat(40)): ReleaseTag {
  return {
    name,
    version,
    commit,
    date: '2024-02-01T00:00:00Z',
    annotated: true,
    isPrerelease: semver.prerelease(version) !== null,
  };
}
