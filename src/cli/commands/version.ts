// `shipwright version`: the next version, plain (`1.4.0`) or as JSON with the reason.
import { readReleaseState } from '../../app/read-release-state.js';
import { openRepo } from '../../app/open-repo.js';
import { checkFailed } from '../../core/errors.js';
import type { CommandModule } from '../command.js';
import { describeNextVersion } from '../../core/display-text/describe-next-version.js';
import { booleanFlag, bumpFlag, preidFlag, printJson } from '../flags.js';
import { monorepoPlan, PACKAGE_FLAG_HELP, PACKAGE_OPTION, printPackagesVersion } from '../packages-commands.js';

export const command: CommandModule = {
  spec: {
    name: 'version',
    summary: 'print the next version (or the current one with --current)',
    usage: '[--bump major|minor|patch] [--preid ID] [--current] [--first-release] [--json] [--package NAME]...',
    flags: [
      ['--bump LEVEL', 'force major, minor or patch instead of deriving it from the commits'],
      ['--preid ID', 'a prerelease such as rc → 1.4.0-rc.0, numbered after existing tags'],
      ['--current', 'print the latest release version instead of the next one'],
      ['--first-release', 'no release tag yet: the version package.json declares (or firstVersion), unbumped'],
      ['--json', 'print { version, current, bump, reason, ... } (monorepo: { packages: [...] })'],
      PACKAGE_FLAG_HELP,
    ],
    examples: [
      'shipwright version',
      'shipwright version --preid rc',
      'VERSION=$(shipwright version) && echo "next: $VERSION"',
    ],
    options: {
      bump: { type: 'string' },
      preid: { type: 'string' },
      current: { type: 'boolean' },
      'first-release': { type: 'boolean' },
      json: { type: 'boolean' },
      ...PACKAGE_OPTION,
    },
  },
  async run(context) {
    const { io, cwd, args } = context;
    const bump = bumpFlag(args);
    const preid = preidFlag(args);
    const repo = await openRepo(cwd);
    const firstRelease = booleanFlag(args, 'first-release');
    const packages = await monorepoPlan(repo, context, {
      ...(bump ? { bump } : {}),
      ...(preid ? { preid } : {}),
      ...(firstRelease ? { firstRelease } : {}),
    });
    if (packages) return printPackagesVersion(context, packages);
    const state = await readReleaseState(repo, {
      ...(bump ? { bump } : {}),
      ...(preid ? { preid } : {}),
      ...(booleanFlag(args, 'first-release') ? { firstRelease: true } : {}),
    });
    const { next } = state;
    const reason = describeNextVersion(next);
    if (booleanFlag(args, 'json')) {
      printJson(io.stdout, {
        version: next.kind === 'release' ? next.version : null,
        current: next.current?.version ?? null,
        currentTag: next.current?.name ?? null,
        tag: next.kind === 'release' ? `${repo.loaded.config.tagPrefix}${next.version}` : null,
        bump: next.kind === 'release' ? next.bump : null,
        firstRelease: next.kind === 'release' && next.firstRelease,
        reason,
        commits: next.decision.counts,
      });
      return next.kind === 'release' || booleanFlag(args, 'current') ? 0 : 1;
    }
    if (booleanFlag(args, 'current')) {
      if (!next.current)
        throw checkFailed('No release tag yet, so there is no current version.', {
          code: 'no-release',
          fix: 'shipwright version   (prints the first version to release)',
        });
      io.stdout(`${next.current.version}\n`);
      return 0;
    }
    if (next.kind === 'nothing') {
      throw checkFailed(`No new version: ${reason}.`, {
        code: 'nothing-to-release',
        fix: 'commit a feat or fix, or force one: shipwright version --bump patch',
      });
    }
    io.stdout(`${next.version}\n`);
    return 0;
  },
};
