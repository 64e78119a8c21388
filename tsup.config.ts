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
});
