// planRelease and the version-file bumps from data: steps, messages, file texts, refusals.
import { describe, expect, it } from 'vitest';
import { isShipwrightError } from '../../../src/core/errors.js';
import { bumpPackageJson, bumpPackageLock } from '../../../src/core/release/bump-version-files.js';
import { planRelease, type ReleasePlanInput } from '../../../src/core/release/plan-release.js';

const input = (overrides: Partial<ReleasePlanInput> = {}): ReleasePlanInput => ({
  version: '1.4.0',
  tag: 'v1.4.0',
  branch: 'main',
  versionFiles: [{ path: 'package.json', text: '{\n  "name": "app",\n  "version": "1.3.2"\n}\n' }],
  packageLock: null,
  preRelease: null,
  changelog: { path: 'CHANGELOG.md', existing: '# Changelog\n', content: '# Changelog\n\n## 1.4.0\n' },
  notes: '### Features\n\n* a thing\n',
  push: { remote: 'origin', branchRef: 'refs/heads/main' },
  ...overrides,
});

const kinds = (release: ReturnType<typeof planRelease>) => release.plan.steps.map((step) => step.kind);

describe('planRelease', () => {
  it('plans bump, changelog, stage, commit, tag and an atomic push last', () => {
    const release = planRelease(input());
    expect(kinds(release)).toEqual(['write-file', 'write-file', 'stage', 'commit', 'tag', 'push']);
    expect(release.commitMessage).toBe('chore(release): v1.4.0');
    expect(release.plan.steps[0]).toMatchObject({ path: 'package.json', content: '{\n  "name": "app",\n  "version": "1.4.0"\n}\n' });
    expect(release.plan.steps[2]).toMatchObject({ paths: ['package.json', 'CHANGELOG.md'] });
    expect(release.plan.steps[3]).toMatchObject({ message: 'chore(release): v1.4.0', release: true });
    expect(release.plan.steps[4]).toMatchObject({ name: 'v1.4.0', message: '### Features\n\n* a thing\n' });
    expect(release.plan.steps[5]).toMatchObject({ remote: 'origin', refspecs: ['refs/heads/main:refs/heads/main', 'refs/tags/v1.4.0:refs/tags/v1.4.0'] });
  });

  it('without push: no push step, a note saying how to push later', () => {
    const release = planRelease(input({ push: null }));
    expect(kinds(release)).not.toContain('push');
    expect(release.plan.notes?.join('\n')).toContain('git push --atomic');
  });

  it('pushes to the upstream branch name, which may differ from the local one', () => {
    const release = planRelease(input({ push: { remote: 'upstream', branchRef: 'refs/heads/trunk' } }));
    expect(release.plan.steps.at(-1)).toMatchObject({ remote: 'upstream', refspecs: ['refs/heads/main:refs/heads/trunk', 'refs/tags/v1.4.0:refs/tags/v1.4.0'] });
  });

  it('no package.json and an unchanged changelog: only the tag (on the current commit)', () => {
    const release = planRelease(input({ versionFiles: [], changelog: { path: 'CHANGELOG.md', existing: 'same', content: 'same' }, push: null }));
    expect(kinds(release)).toEqual(['tag']);
  });

  it('the preRelease command runs first, as an argv (no shell), before any write', () => {
    const release = planRelease(input({ preRelease: ['npm', 'run', 'test; rm -rf /'] }));
    expect(release.plan.steps[0]).toEqual({ kind: 'run-command', argv: ['npm', 'run', 'test; rm -rf /'], touches: [], check: true, description: 'run the preRelease check: npm run test; rm -rf /' });
    expect(kinds(release).slice(1)).toEqual(['write-file', 'write-file', 'stage', 'commit', 'tag', 'push']);
  });

  it('every configured JSON version file is bumped', () => {
    const release = planRelease(input({ versionFiles: [{ path: 'package.json', text: '{ "version": "1.3.2" }' }, { path: 'app/manifest.json', text: '{\n\t"version": "1.3.2"\n}\n' }] }));
    expect(release.plan.steps[1]).toMatchObject({ path: 'app/manifest.json', content: '{\n\t"version": "1.4.0"\n}\n' });
  });

  it('an empty notes text still gives the annotated tag a message', () => {
    expect(planRelease(input({ notes: '\n' })).tagMessage).toBe('Release v1.4.0\n');
  });

  it('a package.json without a version is left alone, with a note', () => {
    const release = planRelease(input({ versionFiles: [{ path: 'package.json', text: '{ "private": true }\n' }] }));
    expect(release.plan.steps.map((step) => (step.kind === 'write-file' ? step.path : step.kind))).toEqual(['CHANGELOG.md', 'stage', 'commit', 'tag', 'push']);
    expect(release.plan.notes).toContain('package.json has no "version" field: left as it is');
  });
});

describe('version files', () => {
  it('keep indentation (tabs, 4 spaces) and the final newline or its absence', () => {
    expect(bumpPackageJson({ path: 'package.json', text: '{\n\t"version": "1.0.0"\n}' }, '2.0.0')).toBe('{\n\t"version": "2.0.0"\n}');
    expect(bumpPackageJson({ path: 'package.json', text: '{\n    "name": "a",\n    "version": "1.0.0"\n}\n' }, '2.0.0')).toBe('{\n    "name": "a",\n    "version": "2.0.0"\n}\n');
  });

  it('package-lock.json: both the top-level and packages[""] versions', () => {
    const text = `${JSON.stringify({ name: 'a', version: '1.0.0', lockfileVersion: 3, packages: { '': { name: 'a', version: '1.0.0' }, 'node_modules/x': { version: '9.9.9' } } }, null, 2)}\n`;
    const bumped = JSON.parse(bumpPackageLock({ path: 'package-lock.json', text }, '1.1.0'));
    expect(bumped.version).toBe('1.1.0');
    expect(bumped.packages['']).toEqual({ name: 'a', version: '1.1.0' });
    expect(bumped.packages['node_modules/x'].version).toBe('9.9.9');
  });

  it('a file that does not parse is refused with the fix', () => {
    try {
      bumpPackageJson({ path: 'package.json', text: '{ "version": ' }, '1.0.0');
      expect.unreachable();
    } catch (error) {
      expect(isShipwrightError(error) && error.code).toBe('version-file-invalid');
      expect(isShipwrightError(error) && error.fix).toContain('package.json');
    }
  });
});
