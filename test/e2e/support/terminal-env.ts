// The environment of the shell in a test terminal: no CI (the TUI would not open), no user git
// config, no colour, a fixed prompt and locale.
import { join } from 'node:path';

export function terminalEnv(home: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (
      value === undefined ||
      key.startsWith('GIT_') ||
      key.startsWith('VITEST') ||
      ['CI', 'NODE_ENV', 'NODE_OPTIONS', 'HUSKY', 'FORCE_COLOR', 'TMUX', 'TMUX_PANE'].includes(key)
    )
      continue;
    env[key] = value;
  }
  return {
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, '.config'),
    GIT_CONFIG_NOSYSTEM: '1',
    TERM: 'xterm-256color',
    NO_COLOR: '1',
    PS1: 'e2e$ ',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
  };
}

/** The shell's prompt alone on a line: the program has ended (capture-pane drops trailing spaces). */
export const PROMPT = /^e2e\$$/m;
