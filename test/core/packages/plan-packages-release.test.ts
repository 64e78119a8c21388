// The monorepo release Plan: files, one commit, a tag per package, one atomic push.
import { describe, expect, it } from 'vitest';
import { planPackagesRelease, releaseCommitMessage } from '../../../src/core/packages/plan-packages-release.js';
import { isValidTagName } from '../../../src/core/packages/tag-name.js';
import type { PlannedPackage } from '../../../src/core/packages/plan-package-versions.js';

const planned = (name: string, dir: string, version: string): PlannedPackage => ({
  name,
  dir,
  current: '1.0.0',
  version,
  tag: `${name}@${version}`,
  bump: 'patch',
  reason: 'commits',
  because: 'fix',
});

describe('planPackagesRelease', () => {
  it('one commit listing the tags, a tag each, the push last and atomic', () => {
    const result = planPackagesRelease({
      released: [
        {
          planned: planned('a', 'packages/a', '1.0.1'),
          notes: '### Bug Fixes\n\n* x\n',
          changelog: { path: 'packages/a/CHANGELOG.md', existing: null, content: '# Changelog\n\n## 1.0.1\n' },
        },
        {
          planned: planned('b', 'packages/b', '2.0.1'),
          notes: '',
          changelog: { path: 'packages/b/CHANGELOG.md', existing: 'same', content: 'same' },
        },
      ],
      updates: [{ name: 'b', field: 'dependencies', dependency: 'a', from: '1.0.0', to: '1.0.1' }],
      manifests: new Map([
        ['a', { path: 'packages/a/package.json', text: '{\n\t"name": "a",\n\t"version": "1.0.0"\n}\n' }],
        [
          'b',
          {
            path: 'packages/b/package.json',
            text: '{\n  "name": "b",\n  "version": "2.0.0",\n  "dependencies": { "a": "1.0.0" }\n}\n',
          },
        ],
      ]),
      packageLock: null,
      rootChangelog: null,
      branch: 'main',
      checklist: null,
      push: { remote: 'origin', branchRef: 'refs/heads/main' },
    });
    expect(result.plan.steps.map((step) => step.kind)).toEqual([
      'write-file',
      'write-file',
      'write-file',
      'stage',
      'commit',
      'tag',
      'tag',
      'push',
    ]);
    expect(result.plan.steps[0]).toMatchObject({
      path: 'packages/a/package.json',
      content: '{\n\t"name": "a",\n\t"version": "1.0.1"\n}\n',
    });
    expect(result.plan.steps[1]).toMatchObject({
      path: 'packages/b/package.json',
      content: '{\n  "name": "b",\n  "version": "2.0.1",\n  "dependencies": {\n    "a": "1.0.1"\n  }\n}\n',
      description: 'set version 2.0.1; a 1.0.1 in packages/b/package.json',
    });
    expect(result.tags).toEqual([
      { name: 'a@1.0.1', message: '### Bug Fixes\n\n* x\n' },
      { name: 'b@2.0.1', message: 'Release b@2.0.1\n' },
    ]);
    expect(result.plan.steps.at(-1)).toMatchObject({
      kind: 'push',
      refspecs: [
        'refs/heads/main:refs/heads/main',
        'refs/tags/a@1.0.1:refs/tags/a@1.0.1',
        'refs/tags/b@2.0.1:refs/tags/b@2.0.1',
      ],
    });
  });

  it("the commit header fits commitlint's 100 characters; the body lists every tag", () => {
    expect(releaseCommitMessage(['a@1.0.1'])).toBe('chore(release): a@1.0.1');
    const many = Array.from({ length: 12 }, (_, index) => `@acme/package-${index}@1.0.${index}`);
    const message = releaseCommitMessage(many);
    expect(message.split('\n')[0]).toBe('chore(release): 12 packages');
    expect(message.split('\n').slice(2, -1)).toEqual(many.map((tag) => `- ${tag}`));
  });

  it("tag names follow git's rules", () => {
    for (const good of ['@scope/pkg@1.2.3', 'pkg-v1.0.0', 'v1.0.0-rc.1']) expect(isValidTagName(good)).toBe(true);
    for (const bad of ['a b@1', 'a..b', 'a~1', 'x@{1}', '-x', 'a/.b', 'a.lock', 'a/', ''])
      expect(isValidTagName(bad)).toBe(false);
  });
});
