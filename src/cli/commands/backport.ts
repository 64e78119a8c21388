// `shipwright backport --list`: which fixes on the source branch each target branch still lacks.
import { openRepo } from '../../app/open-repo.js';
import { readBackportMatrix } from '../../app/read-backport-matrix.js';
import { usageError } from '../../core/errors.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, printJson, stringFlag, stringListFlag } from '../flags.js';
import { backportJson, formatBackportMatrix } from '../format-backport.js';

export const command: CommandModule = {
  spec: {
    name: 'backport',
    summary: 'list fixes on main missing from dev, release/* and maintenance branches (cherry-picking them: not yet)',
    usage: '--list [--from BRANCH] [--to BRANCH]... [--type TYPE]... [--json]\n       shipwright backport SHA... --to BRANCH... [--dry-run] [--yes] [--json]   (not in this build yet)',
    flags: [
      ['--list', 'the matrix: each fix on the source, ✓ where a target has it, · where it is missing'],
      ['--from BRANCH', 'the source of fixes (default: branches.production, usually main)'],
      ['--to BRANCH', 'a target branch; repeat for more (default: the integration branch, release/* and maintenance lines such as 1.x or 1.4.x)'],
      ['--type TYPE', 'commit types to list; repeat for more (default: fix, perf, revert)'],
      ['--json', 'print {source, targets, types, rows: [{sha, shortSha, type, scope, subject, present: {BRANCH: true|false}}]}'],
      ['SHA...', 'cherry-pick these commits (-x) onto every --to branch — not available in this build yet'],
      ['--dry-run, --yes', 'for cherry-picking: show the plan only / do not ask'],
    ],
    examples: [
      'shipwright backport --list',
      "shipwright backport --list --to 1.x --json | jq -r '.rows[].sha'",
      'shipwright backport --list --from release/2.0 --to 1.x --type fix --type feat',
    ],
    options: {
      list: { type: 'boolean' },
      from: { type: 'string' },
      to: { type: 'string', multiple: true },
      type: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
    },
    allowPositionals: true,
  },
  async run({ io, cwd, args }) {
    if (!booleanFlag(args, 'list')) {
      // Cherry-picking is being built separately; this branch is its placeholder.
      throw usageError(
        'Only `shipwright backport --list` is available in this build; cherry-picking commits onto other branches is not built yet.',
        'run `shipwright backport --list` to see what is missing, then on each branch: git switch BRANCH && git cherry-pick -x SHA',
      );
    }
    if (args.positionals.length > 0) {
      throw usageError(`--list takes no commits; got ${args.positionals.join(' ')}.`, 'run `shipwright backport --list`, with --from / --to to choose the branches');
    }
    const types = stringListFlag(args, 'type').map((type) => type.trim().toLowerCase());
    const badType = types.find((type) => !/^[a-z][a-z0-9-]*$/.test(type));
    if (badType !== undefined) throw usageError(`--type takes a commit type such as fix or perf; got '${badType}'.`, 'e.g. shipwright backport --list --type fix --type perf');
    const repo = await openRepo(cwd);
    const report = await readBackportMatrix(repo, { from: stringFlag(args, 'from'), to: stringListFlag(args, 'to'), ...(types.length > 0 ? { types } : {}) });
    if (booleanFlag(args, 'json')) printJson(io.stdout, backportJson(report));
    else io.stdout(formatBackportMatrix(report));
    return 0;
  },
};
