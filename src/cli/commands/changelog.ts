// `shipwright changelog`: write the upcoming release into CHANGELOG.md, print it, or print notes.
import { shellCommand } from '../../core/display-text/shell-words.js';
import { buildChangelog } from '../../app/build-changelog.js';
import { openRepo, today } from '../../app/open-repo.js';
import { buildReleaseNotes } from '../../app/release-notes.js';
import { prepareChangelogUpdate } from '../../app/update-changelog.js';
import { usageError } from '../../core/errors.js';
import { describePlan } from '../../core/plan/plan.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, bumpFlag, countFlag, preidFlag, presetFlag, stringFlag } from '../flags.js';
import { applyPlan } from '../run-plan.js';
import { monorepoPlan, PACKAGE_FLAG_HELP, PACKAGE_OPTION, writePackagesChangelog } from '../packages-commands.js';

export const command: CommandModule = {
  spec: {
    name: 'changelog',
    summary: 'update CHANGELOG.md with the unreleased section, or print release notes',
    usage:
      '[--stdout] [--release-count N] [--from REF] [--to REF] [--preset NAME] [--release-notes VERSION] [--dry-run] [--package NAME]...',
    flags: [
      ['--stdout', 'print the Markdown instead of writing the file'],
      [
        '--release-count N',
        'releases to (re)generate: 1 = the upcoming one (default), 0 = the whole history (default with --from)',
      ],
      ['--from REF', 'the releases after REF (a tag or commit), newest first, like git-cliff REF..'],
      ['--to REF', 'the range’s newest end instead of HEAD; alone, a release tag prints that release'],
      ['--preset NAME', 'conventionalcommits (default) or angular'],
      ['--release-notes VERSION', 'print one version’s notes without its heading (for a GitHub release)'],
      ['--bump LEVEL, --preid ID', 'as for `shipwright version`: the heading of the upcoming section'],
      ['--dry-run', 'show what would be written; write nothing'],
      PACKAGE_FLAG_HELP,
    ],
    examples: [
      'shipwright changelog                       # add the upcoming release to CHANGELOG.md',
      'shipwright changelog --stdout --release-count 0 > CHANGELOG.md',
      'shipwright changelog --release-notes 1.4.0 > notes.md',
      'shipwright changelog --stdout --from v1.2.0 --to v1.4.0   # the releases after v1.2.0 up to v1.4.0',
      'shipwright changelog --stdout --to v1.3.0                # v1.3.0’s section',
    ],
    options: {
      stdout: { type: 'boolean' },
      'release-count': { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      preset: { type: 'string' },
      'release-notes': { type: 'string' },
      bump: { type: 'string' },
      preid: { type: 'string' },
      'dry-run': { type: 'boolean' },
      ...PACKAGE_OPTION,
    },
  },
  async run(context) {
    const { io, cwd, args, argv } = context;
    const preset = presetFlag(args);
    const bump = bumpFlag(args);
    const preid = preidFlag(args);
    const repo = await openRepo(cwd);

    const notesFor = stringFlag(args, 'release-notes');
    if (notesFor !== undefined) {
      io.stdout(await buildReleaseNotes(repo, notesFor, preset));
      return 0;
    }

    const from = stringFlag(args, 'from');
    const to = stringFlag(args, 'to');
    // `--from` asks for every release after it; `--to TAG` alone, for that release.
    const releaseCount = countFlag(args, 'release-count', from === undefined ? 1 : 0);

    // A monorepo: each package's upcoming section into its own CHANGELOG.md (--from/--to and
    // --release-count stay single-package for now).
    const packages = await monorepoPlan(repo, context, { ...(bump ? { bump } : {}), ...(preid ? { preid } : {}) });
    if (packages) {
      if (releaseCount !== 1 || from !== undefined || to !== undefined) {
        throw usageError(
          'In a monorepo the changelog is written per package, for the upcoming release only: --release-count, --from and --to do not apply yet.',
          'shipwright changelog --package NAME --stdout',
        );
      }
      return writePackagesChangelog(context, repo, packages, preset);
    }

    const request = {
      releaseCount,
      day: today(io.env),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(preset ? { preset } : {}),
      ...(bump ? { bump } : {}),
      ...(preid ? { preid } : {}),
    };
    if (booleanFlag(args, 'stdout')) {
      io.stdout((await buildChangelog(repo, request)).markdown);
      return 0;
    }

    const { result, file, plan, versions } = await prepareChangelogUpdate(repo, request);
    const since = result.state.tags[0] ? ` since ${result.state.tags[0].name}` : '';
    if (versions.length === 0) {
      io.stdout(`${file.path} is up to date: nothing to release${since}.\n`);
      return 0;
    }
    if (plan === null) {
      io.stdout(`${file.path} is up to date (${versions.join(', ')}).\n`);
      return 0;
    }
    if (booleanFlag(args, 'dry-run')) {
      io.stdout(`${describePlan(plan)}\n\n--- would write these sections ---\n${result.markdown}`);
      return 0;
    }
    // No confirmation: it writes one generated file, which `git diff` shows and `git checkout` undoes.
    await applyPlan(io, plan, {
      root: repo.cwd,
      commandLine: shellCommand(['shipwright', ...argv]),
      progress: 'quiet',
    });
    io.stdout(`${file.existing === null ? 'Created' : 'Updated'} ${file.path}: ${versions.join(', ')}${since}.\n`);
    return 0;
  },
};
