// planRelease from data: steps, messages, file texts, refusals.
import { describe, expect, it } from 'vitest';
import { isShipwrightError } from '../../../src/core/errors.js';
import { planRelease, type ReleasePlanInput, type VersionFileInput } from '../../../src/core/release/plan-release.js';
import { jsonVersionFile } from '../../../src/core/release/version-file-spec.js';

const input = (overrides: Partial<ReleasePlanInput> = {}): ReleasePlanInput => ({
  version: '1.4.0',
  tag: 'v1.4.0',
  branch: 'main',
  versionFiles: [{ spec: jsonVersionFile('package.json'), text: '{\n  "name": "app",\n  "version": "1.3.2"\n}\n' }],
  packageLock: null,
  checklist: null,
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
    expect(release.plan.steps[0]).toMatchObject({
      path: 'package.json',
      content: '{\n  "name": "app",\n  "version": "1.4.0"\n}\n',
    });
    expect(release.plan.steps[2]).toMatchObject({ paths: ['package.json', 'CHANGELOG.md'] });
    expect(release.plan.steps[3]).toMatchObject({ message: 'chore(release): v1.4.0', release: true });
    expect(release.plan.steps[4]).toMatchObject({ name: 'v1.4.0', message: '### Features\n\n* a thing\n' });
    expect(release.plan.steps[5]).toMatchObject({
      remote: 'origin',
      refspecs: ['refs/heads/main:refs/heads/main', 'refs/tags/v1.4.0:refs/tags/v1.4.0'],
    });
  });

  it('without push: no push step, a note saying how to push later', () => {
    const release = planRelease(input({ push: null }));
    expect(kinds(release)).not.toContain('push');
    expect(release.plan.notes?.join('\n')).toContain('git push --atomic');
  });

  it('pushes to the upstream branch name, which may differ from the local one', () => {
    const release = planRelease(input({ push: { remote: 'upstream', branchRef: 'refs/heads/trunk' } }));
    expect(release.plan.steps.at(-1)).toMatchObject({
      remote: 'upstream',
      refspecs: ['refs/heads/main:refs/heads/trunk', 'refs/tags/v1.4.0:refs/tags/v1.4.0'],
    });
  });

  it('no package.json and an unchanged changelog: only the tag (on the current commit)', () => {
    const release = planRelease(
      input({ versionFiles: [], changelog: { path: 'CHANGELOG.md', existing: 'same', content: 'same' }, push: null }),
    );
    expect(kinds(release)).toEqual(['tag']);
  });

  it('the checklist commands run first, as argv (no shell), before any write; the tag records every item', () => {
    const checklist = {
      items: [
        { name: 'tests', run: ['npm', 'run', 'test; rm -rf /'] },
        { name: 'migrations tested', confirm: true as const },
        { name: 'lint', run: ['npm', 'run', 'lint'] },
      ],
      confirmedBy: 'Ada Lovelace',
    };
    const release = planRelease(input({ checklist }));
    expect(release.plan.steps.slice(0, 2)).toEqual([
      {
        kind: 'run-command',
        argv: ['npm', 'run', 'test; rm -rf /'],
        touches: [],
        check: true,
        description: "checklist: tests (npm run 'test; rm -rf /')",
      },
      {
        kind: 'run-command',
        argv: ['npm', 'run', 'lint'],
        touches: [],
        check: true,
        description: 'checklist: lint (npm run lint)',
      },
    ]);
    expect(kinds(release).slice(2)).toEqual(['write-file', 'write-file', 'stage', 'commit', 'tag', 'push']);
    expect(release.tagMessage).toBe(
      '### Features\n\n* a thing\n\nChecklist: tests ✓, migrations tested ✓ (confirmed by Ada Lovelace), lint ✓\n',
    );
    expect(release.plan.steps.find((step) => step.kind === 'tag')).toMatchObject({ message: release.tagMessage });
    expect(release.plan.notes?.join('\n')).toContain(
      `"migrations tested" is confirmed before anything is written (asked on a terminal; --yes or --confirm 'migrations tested' without one)`,
    );
  });

  it('no checklist: the tag message is the notes alone (or "Release TAG" when they are empty)', () => {
    expect(planRelease(input()).tagMessage).toBe('### Features\n\n* a thing\n');
    expect(planRelease(input({ notes: '' })).tagMessage).toBe('Release v1.4.0\n');
    expect(
      planRelease(
        input({ notes: '', checklist: { items: [{ name: 'docs updated', confirm: true }], confirmedBy: 'Ada' } }),
      ).tagMessage,
    ).toBe('Release v1.4.0\n\nChecklist: docs updated ✓ (confirmed by Ada)\n');
  });

  it('every configured JSON version file is bumped', () => {
    const release = planRelease(
      input({
        versionFiles: [
          { spec: jsonVersionFile('package.json'), text: '{ "version": "1.3.2" }' },
          { spec: jsonVersionFile('app/manifest.json'), text: '{\n\t"version": "1.3.2"\n}\n' },
        ],
      }),
    );
    expect(release.plan.steps[1]).toMatchObject({ path: 'app/manifest.json', content: '{\n\t"version": "1.4.0"\n}\n' });
  });

  it('an empty notes text still gives the annotated tag a message', () => {
    expect(planRelease(input({ notes: '\n' })).tagMessage).toBe('Release v1.4.0\n');
  });

  it('a package.json without a version is left alone, with a note', () => {
    const release = planRelease(
      input({ versionFiles: [{ spec: jsonVersionFile('package.json'), text: '{ "private": true }\n' }] }),
    );
    expect(release.plan.steps.map((step) => (step.kind === 'write-file' ? step.path : step.kind))).toEqual([
      'CHANGELOG.md',
      'stage',
      'commit',
      'tag',
      'push',
    ]);
    expect(release.plan.notes).toContain('package.json has no "version" field: left as it is');
  });
});

describe('planRelease: version files of every form', () => {
  const manifest: VersionFileInput = {
    spec: { path: 'manifest.json', kind: 'json', jsonPath: ['app', 'version'], required: true },
    text: '{\n  "app": { "version": "1.3.2" }\n}\n',
  };
  const source: VersionFileInput = {
    spec: { path: 'src/version.ts', kind: 'regex', pattern: "VERSION = '([^']*)'" },
    text: "export const VERSION = '1.3.2';\n// VERSION = '1.3.2'\n",
  };

  it('one write per file, described with the version and the file (and how many places)', () => {
    const release = planRelease(input({ versionFiles: [manifest, source] }));
    const writes = release.plan.steps.filter((step) => step.kind === 'write-file');
    expect(writes.map((step) => step.description)).toEqual([
      'set version 1.4.0 in manifest.json',
      'set version 1.4.0 in src/version.ts (2 places)',
      'update CHANGELOG.md with 1.4.0',
    ]);
    expect(writes[0]).toMatchObject({ content: '{\n  "app": {\n    "version": "1.4.0"\n  }\n}\n' });
    expect(writes[1]).toMatchObject({ content: "export const VERSION = '1.4.0';\n// VERSION = '1.4.0'\n" });
    expect(release.plan.steps.find((step) => step.kind === 'stage')).toMatchObject({
      paths: ['manifest.json', 'src/version.ts', 'CHANGELOG.md'],
    });
  });

  it('two entries naming one file write it once, with both changes', () => {
    const text = '{ "version": "1.3.2", "app": { "version": "1.3.2" } }';
    const release = planRelease(
      input({
        versionFiles: [
          { spec: jsonVersionFile('app.json'), text },
          { ...manifest, spec: { ...manifest.spec, path: 'app.json' }, text },
        ],
      }),
    );
    const writes = release.plan.steps.filter((step) => step.kind === 'write-file' && step.path === 'app.json');
    expect(writes).toHaveLength(1);
    expect(JSON.parse((writes[0] as { content: string }).content)).toEqual({
      version: '1.4.0',
      app: { version: '1.4.0' },
    });
  });

  it('package-lock.json follows package.json, and is written once even when listed too', () => {
    const lock = {
      path: 'package-lock.json',
      text: '{ "version": "1.3.2", "packages": { "": { "version": "1.3.2" } } }',
    };
    const release = planRelease(
      input({
        versionFiles: [...input().versionFiles, { spec: jsonVersionFile('package-lock.json'), text: lock.text }],
        packageLock: lock,
      }),
    );
    const writes = release.plan.steps.filter((step) => step.kind === 'write-file' && step.path === 'package-lock.json');
    expect(writes).toHaveLength(1);
    expect(JSON.parse((writes[0] as { content: string }).content)).toEqual({
      version: '1.4.0',
      packages: { '': { version: '1.4.0' } },
    });
  });

  it('a version file that cannot be bumped refuses the whole plan (nothing is planned, so nothing is written)', () => {
    let caught: unknown;
    try {
      planRelease(input({ versionFiles: [manifest, { ...source, text: 'export const version = "1.3.2";\n' }] }));
    } catch (error) {
      caught = error;
    }
    expect(isShipwrightError(caught) && [caught.kind, caught.code]).toEqual(['check', 'version-file-invalid']);
    expect((caught as Error).message).toContain('src/version.ts');
  });
});
