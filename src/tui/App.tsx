// The TUI's router: which screen is showing, and where q/Esc leads from it.
import { useApp, useInput } from 'ink';
import { useRef, useState } from 'react';
import { BackportScreen } from './screens/BackportScreen.js';
import { BranchScreen } from './screens/BranchScreen.js';
import { ChangelogScreen } from './screens/ChangelogScreen.js';
import { CommitScreen } from './screens/CommitScreen.js';
import { HomeScreen, type MenuTarget } from './screens/HomeScreen.js';
import { HotfixScreen } from './screens/HotfixScreen.js';
import { ReleaseScreen } from './screens/ReleaseScreen.js';
import type { TuiServices } from './services.js';

export type ScreenName = 'home' | MenuTarget;

export interface AppProps {
  services: TuiServices;
  initial: ScreenName;
  branchType?: string;
}

/**
 * Opened on a screen directly (`shipwright commit`), closing that screen ends the program; opened
 * on home, every screen goes back home.
 */
export function App({ services, initial, branchType }: AppProps) {
  const { exit } = useApp();
  const [screen, setScreen] = useState<ScreenName>(initial);
  const [visits, setVisits] = useState(0);
  // Ctrl-C leaves the program (open-tui turns Ink's own handling off), except while a screen holds
  // it: during a release run it stops the engine, which puts back what it did.
  const exitHeld = useRef(false);
  useInput((input, key) => {
    if (key.ctrl && input === 'c' && !exitHeld.current) exit();
  });
  const back = () => (initial === 'home' ? setScreen('home') : exit());
  const open = (target: MenuTarget) => {
    setVisits((count) => count + 1);
    setScreen(target);
  };
  switch (screen) {
    case 'home':
      return <HomeScreen key={visits} services={services} open={open} quit={exit} />;
    case 'branch':
      return <BranchScreen services={services} {...(branchType ? { preferredType: branchType } : {})} back={back} />;
    case 'commit':
      return <CommitScreen services={services} close={back} />;
    case 'changelog':
      return <ChangelogScreen services={services} back={back} />;
    case 'hotfix':
      return <HotfixScreen services={services} back={back} holdExit={(held) => (exitHeld.current = held)} />;
    case 'backport':
      return <BackportScreen services={services} back={back} holdExit={(held) => (exitHeld.current = held)} />;
    case 'release':
      return <ReleaseScreen services={services} back={back} holdExit={(held) => (exitHeld.current = held)} />;
  }
}
