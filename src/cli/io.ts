// What a command may touch of the outside world, injected so tests can drive commands in-process.

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => Promise<string>;
  /** Both stdin and stdout are terminals and CI is not set: prompts and the TUI are allowed. */
  interactive: boolean;
  color: boolean;
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function processIo(): CliIo {
  const env = process.env;
  const ci = env.CI === 'true' || env.CI === '1';
  return {
    cwd: process.cwd(),
    env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readAll(process.stdin),
    interactive: Boolean(process.stdout.isTTY && process.stdin.isTTY) && !ci,
    color: Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb',
  };
}
