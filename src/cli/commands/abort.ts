// `shipwright abort`: undo an interrupted or conflict-paused run (release, hotfix, backport) from its journal.
import { environmentError } from '../../core/errors.js';
import { abortRun } from '../../engine/abort-run.js';
import type { CommandModule } from '../command.js';

export const command: CommandModule = {
  spec: {
    name: 'abort',
    summary:
      'undo an interrupted or conflict-paused release, hotfix or backport: every ref, tag, file and the branch put back',
    usage: '',
    flags: [],
    examples: ['shipwright abort'],
    options: {},
  },
  async run({ io, cwd }) {
    const { command, report, notes, finished } = await abortRun(cwd);
    if (command === null) {
      io.stdout('No interrupted shipwright run here: nothing to abort.\n');
      return 0;
    }
    if (finished !== undefined) {
      io.stdout(`${finished}\n`);
      return 0;
    }
    io.stdout(`Undid \`${command}\`.\n`);
    for (const line of report.restored) io.stdout(`  ✓ ${line}\n`);
    for (const note of notes) io.stdout(`  note: ${note}\n`);
    if (report.failures.length > 0) {
      const lines = report.failures
        .map((failure) => `  ✗ ${failure.what}: ${failure.error}\n      by hand: ${failure.manual}`)
        .join('\n');
      throw environmentError(`Some things could not be restored:\n${lines}`, {
        code: 'abort-incomplete',
        fix: 'run the commands above by hand, then `shipwright abort` again',
      });
    }
    return 0;
  },
};
