// Build: the CLI (ESM, TUI split out and loaded lazily) and the git hooks, which get their own
// bundle twice: ESM (dist/hook.js, what the metafile test walks) and one CommonJS file
// (dist/hook.cjs) that bin/shipwright.js require()s, so a hook never starts Node's ESM loader.
import { fileURLToPath } from 'node:url';
import { defineConfig, type Options } from 'tsup';

/**
 * `handlebars` → src/app/handlebars-runtime.ts: the runtime, with the compiler loaded only if a
 * template was not precompiled (see that file). Exactly `handlebars`, and not from the shim itself.
 */
const handlebarsRuntime = {
  name: 'handlebars-runtime',
  setup(build: {
    onResolve(
      options: { filter: RegExp },
      callback: (args: { importer: string }) => { path: string } | undefined,
    ): void;
  }) {
    const shim = fileURLToPath(new URL('./src/app/handlebars-runtime.ts', import.meta.url));
    build.onResolve({ filter: /^handlebars$/ }, (args) => (args.importer === shim ? undefined : { path: shim }));
  },
};

const shared: Options = {
  target: 'node20',
  platform: 'node',
  sourcemap: false,
  // `npm run build` empties dist/ first; two configs cleaning in parallel would delete each other.
  clean: false,
  metafile: true,
  outDir: 'dist',
  // Bundled rather than resolved file by file at start-up (see docs/ARCHITECTURE.md): one file per
  // chunk instead of hundreds of small ESM/CJS modules. Measured on `changelog --stdout` (10k
  // commits): 591 → 527 ms; `status` (1k commits): 478 → 352 ms (docs/benchmarks.md). Ink and React
  // go into the lazily loaded TUI chunk only; hooks never reach them.
  noExternal: [
    'execa',
    'semver',
    'handlebars',
    /^conventional-/,
    /^@commitlint\/(lint|rules|parse|is-ignored|ensure|message|to-lines|types)/,
    'ink',
    'react',
  ],
  // Ink loads react-devtools-core only when DEV=true; it is not installed.
  external: ['react-devtools-core'],
  // React's production build: the development one checks props on every render.
  define: { 'process.env.NODE_ENV': '"production"' },
};

export default defineConfig([
  {
    ...shared,
    entry: { cli: 'src/cli/main.ts', hook: 'src/hooks/main.ts' },
    format: ['esm'],
    splitting: true,
    esbuildPlugins: [handlebarsRuntime],
    // Bundled CommonJS (semver, handlebars) calls require() for Node built-ins: give ESM chunks one.
    banner: {
      js: "import { createRequire as __shipwrightCreateRequire } from 'node:module';\nconst require = __shipwrightCreateRequire(import.meta.url);",
    },
  },
  {
    ...shared,
    entry: { hook: 'src/hooks/main.ts' },
    format: ['cjs'],
    splitting: false,
    // import.meta.url (config-conventional's location) from __filename.
    shims: true,
  },
]);
