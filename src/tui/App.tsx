// The TUI's router: which screen is showing, and where q/Esc leads from it.
import { Text, useApp, useInput } from 'ink';
import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import type { StatusReport } from '../app/read-status.js';
import type { ConflictChoice } from './models/run-model.js';
import { HomeScreen, type MenuTarget } from './screens/HomeScreen.js';
import type { TuiServices } from '../app/screen-services.js';
import { createHelpStore, HelpContext } from './help-overlay.js';

// Home is drawn first; every other screen is its own chunk, loaded when it is opened, so the
// first frame does not wait for code it does not show.
const BranchScreen = lazy(() => import('./screens/BranchScreen.js').then((m) => ({ default: m.BranchScreen })));
const CommitScreen = lazy(() => import('./screens/CommitScreen.js').then((m) => ({ default: m.CommitScreen })));
const ChangelogScreen = lazy(() =>
  import('./screens/ChangelogScreen.js').then((m) => ({ default: m.ChangelogScreen })),
);
const HotfixScreen = lazy(() => import('./screens/HotfixScreen.js').then((m) => ({ default: m.HotfixScreen })));
const BackportScreen = lazy(() => import('./screens/BackportScreen.js').then((m) => ({ default: m.BackportScreen })));
const ResumeScreen = lazy(() => import('./screens/ResumeScreen.js').then((m) => ({ default: m.ResumeScreen })));
const ReleaseScreen = lazy(() => import('./screens/ReleaseScreen.js').then((m) => ({ default: m.ReleaseScreen })));

const loading = (content: ReactNode) => <Suspense fallback={<Text dimColor>loading…</Text>}>{content}</Suspense>;

export type ScreenName = 'home' | MenuTarget;

interface AppProps {
  services: TuiServices;
  initial: ScreenName;
  branchType?: string;
  /** Home's first report, read before the first frame. */
  status?: StatusReport;
  /** Ctrl-Z: stop the program until `fg` (open-tui gives the terminal back meanwhile). */
  suspend?: () => void;
}

/**
 * Opened on a screen directly (`shipwright commit`), closing that screen ends the program; opened
 * on home, every screen goes back home.
 */
export function App({ services, initial, branchType, status, suspend }: AppProps) {
  const { exit } = useApp();
  const [screen, setScreen] = useState<ScreenName>(initial);
  const [visits, setVisits] = useState(0);
  // Ctrl-C leaves the program (open-tui turns Ink's own handling off), except while a screen holds
  // it: during a release run it stops the engine, which puts back what it did.
  const exitHeld = useRef(false);
  useInput((input, key) => {
    if (key.ctrl && input === 'c' && !exitHeld.current) exit();
    if (key.ctrl && input === 'z') suspend?.();
  });
  const back = () => (initial === 'home' ? setScreen('home') : exit());
  // The branch screen opened from the composer (b on a protected branch) leads back to the composer.
  const [branchFromCommit, setBranchFromCommit] = useState(false);
  // The choice made on home's paused-run line (continue, skip, abort), for the resume screen.
  const [help] = useState(createHelpStore);
  const [choice, setChoice] = useState<ConflictChoice | undefined>(undefined);
  const open = (target: MenuTarget, chosen?: ConflictChoice) => {
    setVisits((count) => count + 1);
    setChoice(chosen);
    setScreen(target);
  };
  const content = (() => {
    switch (screen) {
      case 'home':
        return (
          <HomeScreen
            key={visits}
            services={services}
            open={open}
            quit={exit}
            {...(visits === 0 && status ? { initialReport: status } : {})}
          />
        );
      case 'branch':
        return loading(
          <BranchScreen
            services={services}
            {...(branchType ? { preferredType: branchType } : {})}
            back={
              branchFromCommit
                ? () => {
                    setBranchFromCommit(false);
                    setScreen('commit');
                  }
                : back
            }
          />,
        );
      case 'commit':
        return loading(
          <CommitScreen
            services={services}
            close={back}
            openBranch={() => {
              setBranchFromCommit(true);
              setScreen('branch');
            }}
          />,
        );
      case 'changelog':
        return loading(<ChangelogScreen services={services} back={back} />);
      case 'hotfix':
        return loading(<HotfixScreen services={services} back={back} holdExit={(held) => (exitHeld.current = held)} />);
      case 'backport':
        return loading(
          <BackportScreen services={services} back={back} holdExit={(held) => (exitHeld.current = held)} />,
        );
      case 'paused':
        return loading(
          <ResumeScreen
            services={services}
            back={back}
            {...(choice ? { choice } : {})}
            holdExit={(held) => (exitHeld.current = held)}
          />,
        );
      case 'release':
        return loading(
          <ReleaseScreen
            services={services}
            back={back}
            holdExit={(held) => (exitHeld.current = held)}
            openPaused={(chosen) => open('paused', chosen)}
          />,
        );
    }
  })();
  return <HelpContext.Provider value={help}>{content}</HelpContext.Provider>;
}
