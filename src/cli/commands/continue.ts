// `shipwright continue`: finish an interrupted or conflict-paused run from its journal.
import { continueRun } from '../../engine/continue-run.js';
import type { CommandModule } from '../command.js';
import { booleanFlag } from '../flags.js';
import { jsonEventPrinter, jsonLine, plainEventPrinter } from '../print-engine-events.js';

export const command: CommandModule = {
  spec: {
    name: 'continue',
    summary: 'finish an interrupted release, hotfix or backport (after resolving its conflicts)',
    usage: '[--skip] [--json]',
    flags: [
      ['--skip', 'leave the branch whose merge conflicted for later and go on with the rest'],
      ['--json', 'JSON lines: each engine event, then the result'],
    ],
    examples: ['shipwright continue', 'shipwright continue --skip', 'shipwright continue --json'],
    options: { skip: { type: 'boolean' }, json: { type: 'boolean' } },
  },
  async run({ io, cwd, args }) {
    const json = booleanFlag(args, 'json');
    const { journal, skipped } = await continueRun(cwd, {
      env: io.env,
      skip: booleanFlag(args, 'skip'),
      onOutput: (text) => io.stderr(text),
      onEvent: json ? jsonEventPrinter(io) : plainEventPrinter(io),
    });
    if (json) {
      jsonLine(io, { type: 'result', ok: true, command: journal?.command ?? null, skipped });
      return 0;
    }
    if (journal === null) {
      io.stdout('No interrupted shipwright run here: nothing to continue.\n');
      return 0;
    }
    io.stdout(`Finished \`${journal.command}\`.\n`);
    for (const { target, command } of skipped) {
      io.stdout(
        `Left for later: ${target} did not get these changes (and was not pushed). Bring them there with: ${command}\n`,
      );
    }
    return 0;
  },
};
