// One `npm run demo` repository per test (copied from a template made once: generating the history
// takes seconds) and a tmux shell in it. Registers its own vitest hooks.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createDemoRepo, SHIPWRIGHT_BIN } from '../../../scripts/demo-repo.mjs';
import { ensureBuiltCli } from './built-cli.js';
import { terminalEnv } from './terminal-env.js';
import { openTerminal, type Terminal } from './tmux.js';

export interface DemoTerminal {
  /** The demo repository's work tree (fresh for each test). */
  repo(): string;
  git(...args: string[]): string;
  /** A shell in the repository, 80×24 unless told otherwise, waiting at its prompt. */
  shell(size?: { width?: number; height?: number }): Promise<Terminal>;
  /** `node bin/shipwright.js ARGS` typed into a new shell. */
  launch(args?: string, size?: { width?: number; height?: number }): Promise<Terminal>;
  /** The command line that runs the built CLI. */
  readonly command: string;
}

export function useDemoTerminal(): DemoTerminal {
  let template: string;
  let root: string;
  let home: string;
  let term: Terminal | undefined;
  const repo = () => join(root, 'repo');
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repo(), encoding: 'utf8', env: terminalEnv(home) }).trim();
  const shell: DemoTerminal['shell'] = async (size = {}) => {
    term?.kill();
    term = openTerminal({ cwd: repo(), env: terminalEnv(home), ...size });
    await term.waitFor('e2e$');
    return term;
  };
  const command = `node ${SHIPWRIGHT_BIN}`;

  beforeAll(async () => {
    await ensureBuiltCli();
    template = mkdtempSync(join(tmpdir(), 'shipwright-e2e-template-'));
    await createDemoRepo(template);
  }, 120_000);
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'shipwright-e2e-'));
    cpSync(template, root, { recursive: true, verbatimSymlinks: true });
    home = join(root, 'home');
    mkdirSync(home);
  });
  afterEach(() => {
    term?.kill();
    term = undefined;
    rmSync(root, { recursive: true, force: true });
  });
  afterAll(() => {
    if (template) rmSync(template, { recursive: true, force: true });
  });

  return {
    repo,
    git,
    shell,
    command,
    async launch(args = '', size = {}) {
      const t = await shell(size);
      t.type(args ? `${command} ${args}` : command);
      t.press('Enter');
      return t;
    },
  };
}
