// Runs the CLI in-process with captured output, as a user's shell would see it.
import type { CliIo } from '../../src/output/io.js';
import { runCli } from '../../src/cli/run-cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runShipwright(
  args: string[],
  options: { cwd: string; stdin?: string; env?: Record<string, string>; interactive?: boolean },
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    readStdin: async () => options.stdin ?? '',
    interactive: options.interactive ?? false,
    color: false,
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}
