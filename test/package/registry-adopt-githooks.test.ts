// A project with its own committed core.hooksPath (.githooks) installs shipwright by name: init
// chains the team's hooks. Checks shared with registry-adopt-husky6: support/adopt.ts.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useRegistryWork } from '../helpers/shared-registry.js';
import { hooksWork, must, project, record } from './support/adopt.js';

const work = useRegistryWork('adopt-githooks');

describe('shipwright installed by name into an adopted setup', () => {
  it('a project with its own core.hooksPath: init chains the team’s hooks', async () => {
    const dir = await project(
      work(),
      'githooks',
      {},
      {
        '.githooks/pre-commit': `#!/bin/sh\n${record('team-pre-commit-ran')}\n`,
        '.githooks/pre-push': `#!/bin/sh\ncat > .git/team-push-stdin\n${record('team-pre-push-ran')}\n`,
        '.lintstagedrc.json': '{ "*.txt": "node count.mjs" }\n',
      },
    );
    await must(work(), 'git', ['config', 'core.hooksPath', '.githooks'], dir);
    await must(work(), 'git', ['add', '.githooks'], dir);
    await must(work(), 'npm', ['install', '--save-dev', 'shipwright'], dir);
    const bin = join(dir, 'node_modules', '.bin', 'shipwright');
    const dry = await must(work(), bin, ['init', '--dry-run'], dir);
    expect(dry).toContain('+ ./.githooks/pre-push "$@"   (added: runs your .githooks/pre-push first');
    expect(dry).toContain('(was .githooks; the hooks of .githooks run first from .husky/pre-commit, .husky/pre-push)');
    await must(work(), bin, ['init', '--yes'], dir);

    await hooksWork(work(), dir, ['team-pre-commit-ran', 'team-pre-push-ran']);
    expect(await readFile(join(dir, '.git', 'team-push-stdin'), 'utf8')).toMatch(/^refs\/heads\/main [0-9a-f]{40} /);
    const doctor = await must(work(), bin, ['doctor'], dir);
    expect(doctor).toContain('.husky/pre-push runs your .githooks/pre-push first (chained by shipwright init)');
  }, 600_000);
});
