// install-husky: runs husky (from shipwright's own dependencies, so `--no-install` works too) to
// point core.hooksPath at `<dir>/_`; the journal records the previous hooksPath (restore-journal.ts).
import { execa } from 'execa';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { environmentError } from '../../core/errors.js';
import { shellCommand } from '../../core/display-text/shell-words.js';
import type { InstallHuskyStep } from '../../core/plan/plan.js';
import type { StepEnvironment, StepResult } from './step-handler.js';

function huskyBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('husky')), 'bin.js');
}

export async function applyInstallHusky(step: InstallHuskyStep, context: StepEnvironment): Promise<StepResult> {
  const { HUSKY: _skip, ...env } = context.env;
  const result = await execa(process.execPath, [huskyBin(), step.dir], {
    cwd: context.root,
    env,
    extendEnv: false,
    reject: false,
  });
  // husky reports problems on stdout and still exits 0.
  const message = `${String(result.stdout ?? '')}${String(result.stderr ?? '')}`.trim();
  if (result.failed || message.length > 0) {
    throw environmentError(`husky could not install the hooks: ${message || `exit code ${result.exitCode}`}`, {
      code: 'husky-failed',
      fix: `run \`${shellCommand(['npx', 'husky', step.dir])}\` in the repository root to see the problem`,
    });
  }
  return {};
}
