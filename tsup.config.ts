// Build: one bundle for the CLI (TUI split out and loaded lazily) and one for the git hooks,
// so a hook never pays for React or Ink.
import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { cli: 'src/cli/main.ts', hook: 'src/hooks/main.ts' },
  format: ['esm'],
  target: 'node20',
  platform: 'node',
  splitting: true,
  sourcemap: false,
  clean: true,
  metafile: true,
  outDir: 'dist',
  // Bundled rather than resolved file by file at start-up (see docs/ARCHITECTURE.md): one file per
  // chunk instead of hundreds of small ESM/CJS modules. Measured on `changelog --stdout` (10k
  // commits): 591 → 527 ms; `status` (1k commits): 478 → 352 ms (docs/benchmarks.md). Ink and React
  // go into the lazily loaded TUI chunk only; hooks never reach them.
  noExternal: ['execa', 'semver', /^conventional-/, /^@commitlint\/(lint|rules|parse|is-ignored|ensure|message|to-lines|types)/, 'ink', 'react'],
  // Ink loads react-devtools-core only when DEV=true; it is not installed.
  external: ['react-devtools-core'],
  // React's production build: the development one checks props on every render.
  define: { 'process.env.NODE_ENV': '"production"' },
  // Bundled CommonJS (semver, handlebars) calls require() for Node built-ins: give ESM chunks one.
  banner: { js: "import { createRequire as __shipwrightCreateRequire } from 'node:module';\nconst require = __shipwrightCreateRequire(import.meta.url);" },
});
