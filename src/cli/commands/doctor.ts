// `shipwright doctor`: is this repository set up so that the hooks and releases really work?
import { openRepo } from '../../app/open-repo.js';
import { runDoctor } from '../../app/run-doctor.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, printJson } from '../flags.js';
import { plural } from '../../core/display-text/plural.js';

const MARK = { ok: '✓', fail: '✗', warn: '⚠' } as const;

export const command: CommandModule = {
  spec: {
    name: 'doctor',
    summary: 'check setup: hooks installed and running, configs valid, tags sane',
    usage: '[--json]',
    flags: [['--json', 'print the checks as JSON']],
    examples: ['shipwright doctor', 'shipwright doctor --json | jq ".checks[] | select(.status != \\"ok\\")"'],
    options: { json: { type: 'boolean' } },
  },
  async run({ io, cwd, args }) {
    const repo = await openRepo(cwd);
    const checks = await runDoctor(repo, process.versions.node, io.env);
    const failed = checks.filter((check) => check.status === 'fail').length;
    if (booleanFlag(args, 'json')) {
      printJson(io.stdout, { ok: failed === 0, checks });
      return failed === 0 ? 0 : 1;
    }
    for (const check of checks) {
      io.stdout(`${MARK[check.status]} ${check.summary}\n`);
      if (check.fix && check.status !== 'ok') io.stdout(`    fix: ${check.fix}\n`);
    }
    const warnings = checks.filter((check) => check.status === 'warn').length;
    io.stdout(
      `\n${failed === 0 ? 'All good' : plural(failed, 'problem')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}.\n`,
    );
    return failed === 0 ? 0 : 1;
  },
};
