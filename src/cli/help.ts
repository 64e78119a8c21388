// Help text for the program and for each command, drawn from the command specs.
import type { CommandSpec } from './command.js';
import { COMMANDS } from './commands/index.js';

const GLOBAL_FLAGS: [string, string][] = [
  ['--cwd DIR', 'run in DIR instead of the current folder'],
  ['--json', 'machine-readable output (where the command lists it)'],
  ['--no-color', 'plain output (NO_COLOR is honoured too)'],
  ['-h, --help', 'show help'],
];

const table = (rows: [string, string][]): string => {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n');
};

export function programHelp(version: string): string {
  return [
    `shipwright ${version} — release workflow: conventional commits, versions, changelogs, tags, hooks`,
    '',
    'Usage: shipwright [COMMAND] [FLAGS]',
    '       shipwright            status of the repository (the TUI on a terminal, once installed)',
    '',
    'Commands:',
    table(COMMANDS.map((command) => [command.name, command.summary])),
    '',
    'Global flags:',
    table([...GLOBAL_FLAGS, ['--version', 'print shipwright’s own version']]),
    '',
    'Exit codes: 0 ok · 1 check failed · 2 usage error · 3 git or environment error · 70 internal bug',
    'Run `shipwright COMMAND --help` for a command’s flags and examples.',
    '',
  ].join('\n');
}

export function commandHelp(spec: CommandSpec): string {
  const lines = [
    `shipwright ${spec.name} — ${spec.summary}`,
    '',
    `Usage: shipwright ${spec.name} ${spec.usage}`.trimEnd(),
    '',
  ];
  // Commands that take --json describe it among their own flags.
  if (spec.flags.length > 0)
    lines.push('Flags:', table([...spec.flags, ...GLOBAL_FLAGS.filter(([flag]) => flag !== '--json')]), '');
  if (spec.examples?.length) lines.push('Examples:', ...spec.examples.map((example) => `  ${example}`), '');
  return lines.join('\n');
}
