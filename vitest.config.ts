// Test runner setup: real git repos are slow-ish to create, so allow generous timeouts.
import { defineConfig } from 'vitest/config';
import SlowFirstSequencer from './test/helpers/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // test/compat runs the real conventional-changelog against our output: `npm run test:compat`.
    exclude: ['test/compat/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most of a test's time is spent in the processes it starts (git, the built CLI, npm) and in
    // waiting on them: more workers than the 2 cores CI has keep both busy.
    maxWorkers: 4,
    sequence: { sequencer: SlowFirstSequencer },
    // One local registry for the files that install shipwright by name, started when the first of
    // them asks (test/helpers/shared-registry.ts); a run without them never starts it.
    globalSetup: ['test/helpers/registry-setup.ts'],
    // Always also the JSON report: .ci/run reads its "N passed, N failed" line from it, so CI runs
    // the README's `npm test` exactly as written.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results.json' },
  },
});
