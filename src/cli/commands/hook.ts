// `shipwright hook NAME`: listed with the commands; the binary normally jumps straight to dist/hook.js.
import { runHook, hookHelp } from '../../hooks/run-hook.js';
import type { CommandModule } from '../command.js';

export const command: CommandModule = {
  spec: {
    name: 'hook',
    summary: 'entry point for installed git hooks (commit-msg, pre-commit, pre-push, …)',
    usage: 'NAME [ARGS…]',
    flags: [],
    examples: hookHelp()
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim()),
    options: {},
    allowPositionals: true,
  },
  run: ({ io, cwd, argv }) => runHook(argv.slice(argv.indexOf('hook') + 1), { ...io, cwd }),
};
