// `shipwright status`: where the repository stands and what the next release would be.
import { loadTui } from '../load-tui.js';
import { openRepo } from '../../app/open-repo.js';
import { readStatus } from '../../app/read-status.js';
import type { CommandModule } from '../command.js';
import { booleanFlag, printJson } from '../flags.js';
import { formatStatus } from '../format-status.js';
import { drawsScreens } from '../open-screen.js';
import { PACKAGE_FLAG_HELP, PACKAGE_OPTION } from '../package-flag.js';

export const command: CommandModule = {
  spec: {
    name: 'status',
    summary: 'branch, environments, last tag, unreleased commits, next version',
    usage: '[--json] [--package NAME]...',
    flags: [['--json', 'print the report as JSON'], PACKAGE_FLAG_HELP],
    examples: ['shipwright status', 'shipwright status --json | jq .next'],
    options: { json: { type: 'boolean' }, ...PACKAGE_OPTION },
  },
  async run(context) {
    const { io, cwd, args, implicit, argv } = context;
    // `shipwright` alone on a terminal is the TUI; in a pipe or CI it is this report.
    const wantsTui = implicit && drawsScreens(io) && !argv.includes('--json');
    // The TUI bundle (Ink, React, Yoga) loads while git answers, not after: the first frame shows
    // the report instead of a spinner.
    const tui = wantsTui ? loadTui() : null;
    const repo = await openRepo(cwd);
    if (tui) {
      // Without commits there is no report to read first: home says how to make the first commit.
      if (repo.state.head === null) return (await tui).openTui(repo, { screen: 'home', color: io.color });
      const [{ openTui }, status] = await Promise.all([tui, readStatus(repo)]);
      return openTui(repo, { screen: 'home', color: io.color, status });
    }
    // The monorepo code (and the changelog writer it brings) loads only here, never before the TUI's first frame.
    const { formatPackages, monorepoPlan, packagesJson, replaceRootVersion } = await import('../packages-commands.js');
    const [report, packages] = await Promise.all([readStatus(repo), monorepoPlan(repo, context)]);
    if (booleanFlag(args, 'json')) {
      const { next } = report;
      printJson(io.stdout, {
        ...report,
        lastTag: report.lastTag
          ? { name: report.lastTag.name, version: report.lastTag.version, date: report.lastTag.date }
          : null,
        next: {
          version: next.kind === 'release' ? next.version : null,
          bump: next.kind === 'release' ? next.bump : null,
          decidedBy: next.decision.decidedBy
            ? { hash: next.decision.decidedBy.raw.hash, header: next.decision.decidedBy.header }
            : null,
          counts: next.decision.counts,
        },
        ...(packages ? { packages: packagesJson(packages) } : {}),
      });
      return 0;
    }
    const text = formatStatus(report, new Date());
    // In a monorepo the packages are the release units: their list replaces the root's version.
    io.stdout(packages ? replaceRootVersion(text, formatPackages(packages)) : text);
    return 0;
  },
};
