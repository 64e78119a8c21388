// Starts the Ink app (only on a terminal; loaded lazily so commands without a TUI never pay for it).
import { render } from 'ink';
import type { OpenRepo } from '../app/open-repo.js';
import { createTuiServices } from '../app/tui-services.js';
import { App, type ScreenName } from './App.js';
import { ThemeContext } from './components/theme.js';

export interface OpenTuiOptions {
  screen: ScreenName;
  branchType?: string;
  color?: boolean;
}

export async function openTui(repo: OpenRepo, options: OpenTuiOptions): Promise<number> {
  const color = options.color ?? (process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb');
  const instance = render(
    <ThemeContext.Provider value={{ color }}>
      <App services={createTuiServices(repo)} initial={options.screen} {...(options.branchType ? { branchType: options.branchType } : {})} />
    </ThemeContext.Provider>,
    // App handles Ctrl-C itself, so a release run can turn it into "stop and put back".
    { exitOnCtrlC: false, patchConsole: false },
  );
  await instance.waitUntilExit();
  return 0;
}
