// Parses argv, picks the command, runs it, and turns every outcome into an exit code.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { usageError } from '../core/errors.js';
import { quoteShellWord } from '../core/display-text/shell-words.js';
import type { CommandContext, OptionsConfig } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { commandHelp, programHelp } from './help.js';
import { withSafeOutput, type CliIo } from '../output/io.js';
import { reportError } from '../output/report-error.js';

const GLOBAL_OPTIONS: OptionsConfig = {
  cwd: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  'no-color': { type: 'boolean' },
};

/** The first token that is neither a flag nor the value of --cwd names the command. */
function splitCommand(argv: readonly string[]): { name: string | undefined; rest: string[] } {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') break;
    if (token === '--cwd') {
      i++;
      continue;
    }
    if (token.startsWith('-')) continue;
    return { name: token, rest: [...argv.slice(0, i), ...argv.slice(i + 1)] };
  }
  return { name: undefined, rest: [...argv] };
}

/** --cwd names a folder that exists: otherwise git cannot start there, which reads as "git is not installed". */
function existingFolder(path: string, typed: string): string {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isDirectory()) return path;
  throw usageError(
    `--cwd ${quoteShellWord(typed)}: ${stats ? `${path} is a file, not a folder` : `there is no folder ${path}`}.`,
    'pass the folder of your repository (or a folder inside it), e.g. --cwd ~/src/my-project',
  );
}

export async function runCli(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const wantsJson = argv.includes('--json');
  const io = withSafeOutput(rawIo, rawIo.color && !argv.includes('--no-color'));
  try {
    const { name, rest } = splitCommand(argv);
    if (name === undefined && (rest.includes('--help') || rest.includes('-h'))) {
      io.stdout(programHelp(packageJson.version));
      return 0;
    }
    if (name === undefined && rest.includes('--version')) {
      io.stdout(`${packageJson.version}\n`);
      return 0;
    }
    const entry = findCommand(name ?? 'status');
    if (!entry) {
      throw usageError(
        `'${name}' is not a shipwright command.`,
        `run \`shipwright --help\` to see the commands (${COMMANDS.map((c) => c.name).join(', ')})`,
      );
    }
    const command = await entry.load();
    const { spec } = command;
    let parsed;
    try {
      parsed = parseArgs({
        args: rest,
        options: { ...GLOBAL_OPTIONS, ...spec.options },
        allowPositionals: spec.allowPositionals ?? false,
        strict: true,
      });
    } catch (error) {
      throw usageError(
        `${(error as Error).message.replace(/\. To specify a positional argument.*$/s, '.')}`,
        `see \`shipwright ${spec.name} --help\``,
      );
    }
    if (parsed.values.help) {
      io.stdout(commandHelp(spec));
      return 0;
    }
    const cwdFlag = parsed.values.cwd;
    const context: CommandContext = {
      io: parsed.values['no-color'] ? { ...io, color: false } : io,
      cwd: typeof cwdFlag === 'string' ? existingFolder(resolve(io.cwd, cwdFlag), cwdFlag) : io.cwd,
      args: { values: parsed.values, positionals: parsed.positionals },
      argv,
      implicit: name === undefined,
    };
    return await command.run(context);
  } catch (error) {
    return reportError(error, io, wantsJson);
  }
}
