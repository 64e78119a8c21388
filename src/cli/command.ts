// The shape every command module exports: its help, its flags (node:util parseArgs), its run.
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from '../output/io.js';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  positionals: string[];
}

export interface CommandContext {
  io: CliIo;
  /** The repository folder: --cwd or the process's working directory. */
  cwd: string;
  args: ParsedArgs;
  /** The command line as typed (after `shipwright`), for messages that say "run it again with …". */
  argv: readonly string[];
  /** The command was chosen because none was named (`shipwright` alone). */
  implicit?: boolean;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Usage lines after `shipwright NAME`, e.g. `[--json] [--bump major|minor|patch]`. */
  usage: string;
  /** One line per flag: [flag, description]. */
  flags: [string, string][];
  examples?: string[];
  options: OptionsConfig;
  allowPositionals?: boolean;
}

export interface CommandModule {
  spec: CommandSpec;
  /** Returns the exit code. Throws ShipwrightError for failures. */
  run(context: CommandContext): Promise<number>;
}
