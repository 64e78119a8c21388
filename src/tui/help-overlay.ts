// The `?` overlay's open/closed state, shared by the frame (which draws it and takes `?`) and
// useKeyInput (which keeps keys from the screen while it is open, so the key that closes the
// overlay does not also act on the screen: Esc closes help, it does not leave the screen).
import { createContext } from 'react';

interface HelpStore {
  readonly open: boolean;
  show(): void;
  /** Closes after the current key has reached every listener, so none of them acts on it. */
  close(): void;
  subscribe(listener: () => void): () => void;
}

export function createHelpStore(): HelpStore {
  let open = false;
  const listeners = new Set<() => void>();
  const set = (next: boolean) => {
    open = next;
    for (const listener of listeners) listener();
  };
  return {
    get open() {
      return open;
    },
    show: () => set(true),
    close: () => void setImmediate(() => set(false)),
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

export const HelpContext = createContext<HelpStore>(createHelpStore());

/** The keys every screen has besides its own. */
export const GLOBAL_KEYS: readonly [string, string][] = [
  ['?', 'this help (any key closes it)'],
  ['ctrl+c', 'quit (during a run: stop it and put back what it did)'],
  ['ctrl+z', 'suspend (fg comes back)'],
];
