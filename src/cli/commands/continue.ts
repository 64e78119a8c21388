// `shipwright continue`: finish an interrupted release (or any engine run) from its journal.
import { continueRun } from '../../engine/continue-run.js';
import type { CommandModule } from '../command.js';

export const command: CommandModule = {
  spec: {
    name: 'continue',
    summary: 'finish an interrupted release from its journal',
    usage: '',
    flags: [],
    examples: ['shipwright continue'],
    options: {},
  },
  async run({ io, cwd }) {
    const { journal } = await continueRun(cwd, {
      env: io.env,
      onOutput: (text) => io.stderr(text),
      onEvent: (event) => {
        if (event.type === 'step-done') io.stdout(`  ✓ ${event.step.description}\n`);
        if (event.type === 'step-skipped') io.stdout(`  ✓ ${event.step.description} (${event.reason})\n`);
        if (event.type === 'step-failed') io.stderr(`  ✗ ${event.step.description}\n`);
      },
    });
    if (journal === null) {
      io.stdout('No interrupted shipwright run here: nothing to continue.\n');
      return 0;
    }
    io.stdout(`Finished \`${journal.command}\`.\n`);
    return 0;
  },
};
