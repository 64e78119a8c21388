// install-husky: runs husky (from shipwright's own dependencies, so `--no-install` works too) to
// point core.hooksPath at `<dir>/_`; undo restores the previous hooksPath and removes `<dir>/_`.
import { shellCommand } from '../../core/display-text/shell-words.js';
import { execa } from 'execa';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { environmentError } from '../../core/errors.js';
import type { InstallHuskyStep } from '../../core/plan/plan.js';
import { readConfigValue } from '../../git/read-config.js';
import { setConfigValue, unsetConfigValue } from '../../git/write-config.js';
import type { StepEnvironment, Undo } from './step-handler.js';
import { insideRoot } from './write-file.js';

function huskyBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('husky')), 'bin.js');
}

export async function applyInstallHusky(step: InstallHuskyStep, context: StepEnvironment): Promise<Undo> {
  const internal = insideRoot(context.root, join(step.dir, '_'));
  const hadInternal = existsSync(internal);
  const previous = await readConfigValue(context.root, 'core.hooksPath');
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
  return {
    label: 'core.hooksPath',
    run: async () => {
      if (previous === null) await unsetConfigValue(context.root, 'core.hooksPath');
      else await setConfigValue(context.root, 'core.hooksPath', previous);
      if (!hadInternal) await rm(internal, { recursive: true, force: true });
    },
  };
}
