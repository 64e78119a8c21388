// Waits until something observable stops changing: how a test shows that an input did nothing
// (a refused Enter, a key at the end of a list) without a fixed sleep that is too short on a
// loaded machine and too long on an idle one.

export interface SettleOptions {
  /** How often to look, in ms. */
  interval?: number;
  /** How many looks in a row must see the same value. */
  quiet?: number;
  /** Give up (and throw) when it still changes after this many ms. */
  timeout?: number;
}

/**
 * Resolves with `observe()`'s value once it has been the same (Object.is) for `quiet` looks in a
 * row, `interval` ms apart: the work the last input started (a render, a service answer on a
 * timer, an unmount) had every chance to show. Throws when it keeps changing past `timeout`.
 */
export async function settle<T>(observe: () => T, options: SettleOptions = {}): Promise<T> {
  const { interval = 20, quiet = 3, timeout = 5000 } = options;
  const start = Date.now();
  let last = observe();
  for (let same = 0; same < quiet;) {
    if (Date.now() - start > timeout) throw new Error(`still changing after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, interval));
    const now = observe();
    same = Object.is(now, last) ? same + 1 : 0;
    last = now;
  }
  return last;
}
