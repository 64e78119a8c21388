// The hook bundle never loads React, Ink or the TUI: build with the real tsup config, then follow
// every import (static and dynamic, through shared chunks) from dist/hook.js in esbuild's metafile.
import { execa } from 'execa';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/hooked-repo.js';

interface Metafile {
  inputs: Record<string, unknown>;
  outputs: Record<
    string,
    {
      entryPoint?: string;
      inputs: Record<string, unknown>;
      imports: { path: string; kind: string; external?: boolean }[];
    }
  >;
}

/** Every source input and external module reachable from one output file. */
function reachableFrom(
  metafile: Metafile,
  entryOutput: string,
): { inputs: Set<string>; externals: Set<string>; outputs: Set<string> } {
  const inputs = new Set<string>();
  const externals = new Set<string>();
  const outputs = new Set<string>();
  const queue = [entryOutput];
  while (queue.length > 0) {
    const path = queue.pop() as string;
    if (outputs.has(path)) continue;
    const output = metafile.outputs[path];
    if (!output) throw new Error(`metafile has no output ${path}`);
    outputs.add(path);
    for (const input of Object.keys(output.inputs)) inputs.add(input);
    for (const imported of output.imports) {
      if (imported.external) externals.add(imported.path);
      else queue.push(imported.path);
    }
  }
  return { inputs, externals, outputs };
}

/** What a hook must never load: bundled React/Ink/TUI sources, or React/Ink left external. */
function forbiddenIn(reached: ReturnType<typeof reachableFrom>): string[] {
  const inputs = [...reached.inputs].filter(
    (input) =>
      /(^|\/)node_modules\/(react|react-dom|react-reconciler|ink)\//.test(input) || /(^|\/)src\/tui\//.test(input),
  );
  const externals = [...reached.externals].filter((name) => /^(react|react-dom|react-reconciler|ink)(\/|$)/.test(name));
  return [...inputs, ...externals];
}

/** TUI sources, if any exist yet: then the CLI entry is the real positive case for the traversal. */
const TUI_DIR = join(PROJECT_ROOT, 'src', 'tui');
const TUI_SOURCES = existsSync(TUI_DIR)
  ? readdirSync(TUI_DIR, { recursive: true })
      .map(String)
      .filter((file) => /\.tsx?$/.test(file))
  : [];

const entryFor = (metafile: Metafile, source: string): string => {
  const found = Object.entries(metafile.outputs).find(([, output]) => output.entryPoint === source);
  if (!found) throw new Error(`no output for entry ${source}`);
  return found[0];
};

describe('the hook bundle', () => {
  let outDir = '';
  let metafile: Metafile;
  beforeAll(async () => {
    // A private build with the project's tsup config, so a parallel `npx tsup` cannot race this test.
    outDir = await mkdtemp(join(tmpdir(), 'shipwright-bundle-'));
    await execa(join(PROJECT_ROOT, 'node_modules', '.bin', 'tsup'), ['--out-dir', outDir], {
      cwd: PROJECT_ROOT,
      env: { NO_COLOR: '1' },
    });
    metafile = JSON.parse(await readFile(join(outDir, 'metafile-esm.json'), 'utf8')) as Metafile;
  }, 120_000);
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('reaches no React, Ink or src/tui from the hook entry (dist/hook.js), through every chunk', () => {
    const entry = entryFor(metafile, 'src/hooks/main.ts');
    expect(entry.endsWith('/hook.js')).toBe(true);
    const reached = reachableFrom(metafile, entry);
    // The traversal really walked the lazily loaded hooks and their chunks.
    for (const input of ['src/hooks/commit-msg.ts', 'src/hooks/pre-commit.ts', 'src/hooks/pre-push.ts'])
      expect(reached.inputs).toContain(input);
    expect(reached.outputs.size).toBeGreaterThan(3);
    expect(forbiddenIn(reached)).toEqual([]);
  });

  it('the traversal finds React when it is there: a synthetic metafile with React behind a dynamic import of a shared chunk', () => {
    const synthetic: Metafile = {
      inputs: {},
      outputs: {
        'dist/hook.js': {
          entryPoint: 'src/hooks/main.ts',
          inputs: { 'src/hooks/main.ts': {} },
          imports: [{ path: 'dist/chunk-a.js', kind: 'import-statement' }],
        },
        'dist/chunk-a.js': {
          inputs: { 'src/hooks/run-hook.ts': {} },
          imports: [
            { path: 'dist/lazy-b.js', kind: 'dynamic-import' },
            { path: 'node:fs', kind: 'import-statement', external: true },
          ],
        },
        'dist/lazy-b.js': {
          inputs: { 'src/tui/app.tsx': {}, 'node_modules/react/cjs/react.production.js': {} },
          imports: [
            { path: 'ink', kind: 'import-statement', external: true },
            { path: 'dist/chunk-a.js', kind: 'import-statement' },
          ],
        },
        'dist/cli.js': {
          entryPoint: 'src/cli/main.ts',
          inputs: { 'node_modules/ink/build/index.js': {} },
          imports: [],
        },
      },
    };
    expect(forbiddenIn(reachableFrom(synthetic, 'dist/hook.js')).sort()).toEqual([
      'ink',
      'node_modules/react/cjs/react.production.js',
      'src/tui/app.tsx',
    ]);
    // Not reachable from the hook: the CLI's own Ink input is not blamed on it.
    const clean = {
      ...synthetic,
      outputs: { ...synthetic.outputs, 'dist/chunk-a.js': { inputs: { 'src/hooks/run-hook.ts': {} }, imports: [] } },
    };
    expect(forbiddenIn(reachableFrom(clean, 'dist/hook.js'))).toEqual([]);
  });

  it('carries the Handlebars runtime in the CLI, not its compiler: every changelog template is precompiled', () => {
    const cli = reachableFrom(metafile, entryFor(metafile, 'src/cli/main.ts'));
    const inputs = [...cli.inputs];
    expect(inputs).toContain('src/app/handlebars-runtime.ts');
    expect(
      inputs.filter((input) => input.includes('node_modules/handlebars/dist/cjs/handlebars.runtime.js')),
    ).toHaveLength(1);
    expect(
      inputs.filter((input) =>
        /node_modules\/(handlebars\/(lib|dist\/cjs\/handlebars\/compiler)|source-map)\//.test(input),
      ),
    ).toEqual([]);
    // Bundled, not left to Node to load whole from node_modules at run time.
    expect([...cli.externals].filter((name) => /^handlebars(\/|$)/.test(name))).toEqual([]);
  });

  it.skipIf(TUI_SOURCES.length === 0)(
    'the same traversal finds React/Ink/src/tui from the real CLI entry, which loads the TUI',
    () => {
      const cli = reachableFrom(metafile, entryFor(metafile, 'src/cli/main.ts'));
      const hook = reachableFrom(metafile, entryFor(metafile, 'src/hooks/main.ts'));
      expect(forbiddenIn(cli).length).toBeGreaterThan(0);
      expect(hook.inputs).not.toContain('src/cli/main.ts');
    },
  );
});
