// A seeded pseudo-random generator (mulberry32): small, fast, the same on every machine, so generated
// histories are reproducible. Shared by the benchmark repos and the changelog equivalence tests.

/** Returns a function giving numbers in [0, 1) from `seed`. */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
