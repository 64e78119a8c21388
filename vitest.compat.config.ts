// `npm run test:compat`: shipwright's changelog text against the real conventional-changelog CLI
// (the golden fixtures and seeded random histories). Slow (c-c starts per run), so apart from `npm test`.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/compat/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results-compat.json' },
  },
});
