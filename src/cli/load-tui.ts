// Loads the TUI bundle (Ink, React, Yoga) for the commands that open a screen.
import type * as OpenTui from '../tui/open-tui.js';

/**
 * Yoga, Ink's layout engine, instantiates its WebAssembly from a base64 `data:` URL, through
 * `fetch()` whenever `fetch` is a function. On Node that first touch of `fetch` loads all of undici
 * (~100 ms of start-up, more on a busy machine) to decode a string. With `fetch` hidden while the
 * bundle loads, Yoga decodes the base64 itself; `fetch` is put back as it was afterwards. Nothing
 * else that runs meanwhile (git reads) uses `fetch`.
 */
export async function loadTui(): Promise<typeof OpenTui> {
  // The descriptor, not the value: reading globalThis.fetch is what loads undici.
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  const hide = descriptor?.configurable === true;
  if (hide) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  try {
    return await import('../tui/open-tui.js');
  } finally {
    if (hide) Object.defineProperty(globalThis, 'fetch', descriptor);
  }
}
