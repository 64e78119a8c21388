// `shipwright hook NAME [ARGS…]`: dispatch for installed git hooks, loading only the hook asked for.
import { usageError } from '../core/errors.js';
import { ownValue } from '../core/own-property.js';
import { withSafeOutput, type CliIo } from '../output/io.js';
import { reportError } from '../output/report-error.js';
import { createHookContext, type HookContext } from './hook-context.js';

type HookRunner = (context: HookContext) => Promise<number>;

const HOOKS: Record<string, { summary: string; load: () => Promise<HookRunner> }> = {
  'commit-msg': {
    summary: 'check the message file git passes (lint-msg), saving a refused message',
    load: () => import('./commit-msg.js').then((m) => m.commitMsg),
  },
  'pre-commit': {
    summary: 'protected branches, lint-staged tasks, staged-content checks',
    load: () => import('./pre-commit.js').then((m) => m.preCommit),
  },
  'pre-push': {
    summary: 'branch and tag names, no rewriting of protected branches',
    load: () => import('./pre-push.js').then((m) => m.prePush),
  },
  'check-staged': {
    summary: 'only the staged-content checks of shipwright.config.json',
    load: () => import('./check-staged.js').then((m) => m.checkStaged),
  },
  'check-branch': {
    summary: 'check a branch name against the branch model (for CI)',
    load: () => import('./check-branch.js').then((m) => m.checkBranch),
  },
  'scan-secrets': {
    summary: 'scan every commit of BASE..HEAD for secrets (for pull requests in CI)',
    load: () => import('./scan-range.js').then((m) => m.scanRange),
  },
  typecheck: {
    summary: 'type-check the project once with its tsconfig (for lint-staged)',
    load: () => import('./typecheck.js').then((m) => m.typecheck),
  },
};

export const hookHelp = (): string =>
  [
    'Usage: shipwright hook NAME [ARGS…]   (called by the hooks `shipwright init` installs)',
    '',
    ...Object.entries(HOOKS).map(([name, hook]) => `  ${name.padEnd(13)} ${hook.summary}`),
    '',
    'HUSKY=0 or SHIPWRIGHT_SKIP_HOOKS=1 skips every hook; so does git commit --no-verify.',
    '',
  ].join('\n');

export async function runHook(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io = withSafeOutput(rawIo);
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout(hookHelp());
      return name === undefined ? 2 : 0;
    }
    const hook = ownValue(HOOKS, name);
    if (!hook) throw usageError(`'${name}' is not a shipwright hook.`, `one of: ${Object.keys(HOOKS).join(', ')}`);
    if (io.env.HUSKY === '0' || io.env.SHIPWRIGHT_SKIP_HOOKS === '1') {
      io.stderr(
        `shipwright: ${name} hook skipped (${io.env.HUSKY === '0' ? 'HUSKY=0' : 'SHIPWRIGHT_SKIP_HOOKS=1'}).\n`,
      );
      return 0;
    }
    const context = createHookContext(io, args);
    // Start the one git call every hook makes while the hook's code loads.
    void context.locate().catch(() => undefined);
    return await (
      await hook.load()
    )(context);
  } catch (error) {
    return reportError(error, io, false);
  }
}
