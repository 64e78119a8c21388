// Starts the Ink app (only on a terminal; loaded lazily so commands without a TUI never pay for it).
import { render } from 'ink';
import type { OpenRepo } from '../app/open-repo.js';
import type { StatusReport } from '../app/read-status.js';
import { lazyTuiServices } from '../app/lazy-tui-services.js';
import { App, type ScreenName } from './App.js';
import { ThemeContext } from './components/theme.js';
import { openTerminalSession } from './terminal-session.js';

interface OpenTuiOptions {
  screen: ScreenName;
  branchType?: string;
  color?: boolean;
  /** Home's report, read while Ink and React loaded, so the first frame shows it. */
  status?: StatusReport;
}

export async function openTui(repo: OpenRepo, options: OpenTuiOptions): Promise<number> {
  const color = options.color ?? (process.env.NO_COLOR === undefined && process.env.TERM !== 'dumb');
  // The composition root: src/app builds every service the screens use.
  const services = lazyTuiServices(repo);
  const terminal = openTerminalSession({ trapsSignals: services.runTrapsSignals });
  try {
    const instance = render(
      <ThemeContext.Provider value={{ color }}>
        <App
          services={services}
          initial={options.screen}
          suspend={terminal.suspend}
          {...(options.branchType ? { branchType: options.branchType } : {})}
          {...(options.status ? { status: options.status } : {})}
        />
      </ThemeContext.Provider>,
      // App handles Ctrl-C itself, so a release run can turn it into "stop and put back".
      { exitOnCtrlC: false, patchConsole: false },
    );
    await instance.waitUntilExit();
  } finally {
    terminal.restore();
  }
  return 0;
}
