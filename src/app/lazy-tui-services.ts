// The TUI's services, loaded once a screen first asks for one. Home's first frame needs none of them
// (its report is read before), and their modules (the engine, the commit linter, execa, the
// changelog writer) are most of the TUI's code: loaded after that frame, not before it.
import type { OpenRepo } from './open-repo.js';
import type { TuiServices } from './screen-services.js';

type Method = (...args: unknown[]) => unknown;

export function lazyTuiServices(repo: OpenRepo): TuiServices {
  let loaded: TuiServices | null = null;
  let loading: Promise<TuiServices> | null = null;
  const load = () =>
    (loading ??= import('./tui-services.js').then(({ createTuiServices }) => (loaded = createTuiServices(repo))));
  // What must answer at once, before anything is loaded: no run can be going yet.
  const known: Partial<TuiServices> = {
    repoRoot: repo.cwd,
    branch: repo.state.branch,
    runTrapsSignals: () => loaded?.runTrapsSignals() ?? false,
    stopRelease: () => loaded?.stopRelease(),
    stopRun: () => loaded?.stopRun(),
  };
  const methods = new Map<string, Method>();
  return new Proxy(known, {
    get(target, name) {
      if (typeof name !== 'string') return undefined;
      if (name in target) return target[name as keyof TuiServices];
      if (name === 'then') return undefined; // not a promise
      let method = methods.get(name);
      if (!method) {
        method = (...args) => {
          const call = (services: TuiServices) => (services[name as keyof TuiServices] as Method)(...args);
          return loaded ? call(loaded) : load().then(call);
        };
        methods.set(name, method);
      }
      return method;
    },
  }) as TuiServices;
}
