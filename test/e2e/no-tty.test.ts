// `shipwright` without a terminal (CI, a pipe) prints the status report and never loads Ink:
// checked at run time (a module-resolution trace) and in the build (dist/cli.js's static imports).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, SHIPWRIGHT_BIN } from '../../scripts/demo-repo.mjs';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';
import { ensureBuiltCli } from './support/built-cli.js';

interface Metafile {
  outputs: Record<
    string,
    { imports: { path: string; kind: string; external?: boolean }[]; inputs: Record<string, unknown> }
  >;
}

/** Sources that belong to the TUI: Ink, React and their parts, and src/tui itself. */
const UI_SOURCE = /node_modules\/(ink|react|react-reconciler|yoga-layout|scheduler)\/|src\/tui\//;
const readMetafile = (): Metafile =>
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist', 'metafile-esm.json'), 'utf8')) as Metafile;

let repo: TempRepo;
let traceDir: string;

beforeAll(async () => {
  await ensureBuiltCli();
  repo = await createTempRepo({ prefix: 'shipwright-no-tty-' });
  await repo.commit('feat: first feature');
  await repo.tag('v1.0.0', { message: 'v1.0.0' });
  await repo.commit('fix: a fix after the release');
  // A resolve hook that appends every module URL the CLI loads to a file.
  traceDir = mkdtempSync(join(tmpdir(), 'shipwright-trace-'));
  writeFileSync(
    join(traceDir, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs';\nexport async function resolve(specifier, context, next) {\n  const resolved = await next(specifier, context);\n  appendFileSync(process.env.SHIPWRIGHT_TRACE, `${resolved.url}\\n`);\n  return resolved;\n}\n",
  );
  writeFileSync(
    join(traceDir, 'register.mjs'),
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(join(traceDir, 'hooks.mjs')).href)});\n`,
  );
}, 60_000);

afterAll(async () => {
  await repo?.remove();
  if (traceDir) rmSync(traceDir, { recursive: true, force: true });
});

/** The built CLI with every stream a pipe, as CI or `shipwright | less` runs it. */
function runPiped(args: string[], env: Record<string, string> = {}) {
  const { CI: _ci, ...rest } = process.env;
  return spawnSync(process.execPath, [SHIPWRIGHT_BIN, ...args], {
    cwd: repo.dir,
    encoding: 'utf8',
    env: { ...rest, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

describe('shipwright without a terminal', () => {
  it('prints the status report and exits 0', () => {
    const result = runPiped([]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('on main (trunk-based: feature → main)');
    expect(result.stdout).toMatch(/production\s+v1\.0\.0/);
    expect(result.stdout).toMatch(/Next version\s+1\.0\.1/);
    expect(result.stdout).not.toContain('\u001b[');
  });

  it('never loads the TUI (no Ink, no React) at run time', () => {
    const trace = join(traceDir, 'status.trace');
    writeFileSync(trace, '');
    const result = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(join(traceDir, 'register.mjs')).href, SHIPWRIGHT_BIN],
      {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { ...process.env, SHIPWRIGHT_TRACE: trace },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    expect(result.status).toBe(0);
    const loaded = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((url) => url.endsWith('/dist/cli.js'))).toBe(true);
    expect(
      loaded.filter((url) => /open-tui|\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(url)),
    ).toEqual([]);
    // Ink and React are bundled: what matters is which sources the loaded chunks were built from.
    const meta = readMetafile();
    const chunks = loaded
      .map((url) => url.match(/\/(dist\/[^/]+\.js)$/)?.[1])
      .filter((path): path is string => path !== undefined);
    expect(chunks.length).toBeGreaterThan(3);
    const sources = chunks.flatMap((chunk) => Object.keys(meta.outputs[chunk]?.inputs ?? {}));
    expect(sources.filter((input) => UI_SOURCE.test(input))).toEqual([]);
  });

  it('asks for a terminal instead of opening the composer or the wizard', () => {
    const commit = runPiped(['commit']);
    expect(commit.status).toBe(2);
    expect(commit.stderr).toContain('no terminal');
    const branch = runPiped(['branch']);
    expect(branch.status).toBe(2);
    expect(branch.stderr).toContain('no terminal');
  });

  it('hotfix and backport alone, without a terminal, name their command-line forms instead of opening a screen', () => {
    const hotfix = runPiped(['hotfix']);
    expect(hotfix.status).toBe(2);
    expect(hotfix.stderr).toContain('shipwright hotfix start [NAME]   or   shipwright hotfix finish');
    const backport = runPiped(['backport']);
    expect(backport.status).toBe(2);
    expect(backport.stderr).toContain('shipwright backport SHA... --to BRANCH');
  });

  it('prints the release plan and asks for --yes instead of opening the release wizard, without Ink', () => {
    const trace = join(traceDir, 'release.trace');
    writeFileSync(trace, '');
    const { CI: _ci, ...rest } = process.env;
    const result = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(join(traceDir, 'register.mjs')).href, SHIPWRIGHT_BIN, 'release'],
      {
        cwd: repo.dir,
        encoding: 'utf8',
        env: { ...rest, SHIPWRIGHT_TRACE: trace },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    expect(result.status).toBe(2);
    expect(result.stdout).toContain('Release v1.0.1:');
    expect(result.stderr).toContain('there is no terminal to ask on');
    expect(result.stderr).toContain('shipwright release --yes');
    const loaded = readFileSync(trace, 'utf8').split('\n').filter(Boolean);
    expect(
      loaded.filter((url) => /open-tui|\/node_modules\/(ink|react|react-reconciler|yoga-layout)\//.test(url)),
    ).toEqual([]);
    const meta = readMetafile();
    const sources = loaded.flatMap((url) =>
      Object.keys(meta.outputs[url.match(/\/(dist\/[^/]+\.js)$/)?.[1] ?? '']?.inputs ?? {}),
    );
    expect(sources.filter((input) => UI_SOURCE.test(input))).toEqual([]);
  });
});

describe('the build', () => {
  it('keeps Ink and React out of dist/cli.js’s static import graph (the TUI is a dynamic import)', () => {
    const meta = readMetafile();
    const seen = new Set<string>();
    const externals = new Set<string>();
    const visit = (output: string) => {
      if (seen.has(output)) return;
      seen.add(output);
      for (const entry of meta.outputs[output]?.imports ?? []) {
        if (entry.kind !== 'import-statement') continue;
        if (entry.external) externals.add(entry.path);
        else visit(entry.path);
      }
    };
    visit('dist/cli.js');
    const inputs = [...seen].flatMap((output) => Object.keys(meta.outputs[output]?.inputs ?? {}));
    expect(inputs.length).toBeGreaterThan(0);
    expect(inputs.filter((input) => UI_SOURCE.test(input))).toEqual([]);
    expect([...externals].filter((name) => /^(ink|react)(\/|$)/.test(name))).toEqual([]);
    // …and the TUI is still reachable, lazily.
    const dynamic = Object.entries(meta.outputs).filter(([, output]) =>
      Object.keys(output.inputs).some((input) => input.includes('src/tui/open-tui.tsx')),
    );
    expect(dynamic).toHaveLength(1);
    expect(seen.has(dynamic[0]![0])).toBe(false);
  });
});
