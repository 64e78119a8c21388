// The `(cherry picked from commit <sha>)` lines `git cherry-pick -x` writes, and matching the
// hashes they name, which may be abbreviated when someone typed the line by hand.

const PICKED_FROM = /\(cherry picked from commit ([0-9a-f]{7,64})\)/gi;

/** Every hash a message says it was cherry-picked from, lower-cased, in order. */
export function pickedFromHashes(message: string): string[] {
  return [...message.matchAll(PICKED_FROM)].map((match) => (match[1] as string).toLowerCase());
}

const KEY_LENGTH = 7;

/**
 * A membership test over hashes where a full hash and its abbreviation name the same commit:
 * `has(x)` is true when some stored hash is a prefix of x or x is a prefix of it.
 */
export function createHashSet(hashes: Iterable<string>): { has(hash: string): boolean } {
  const byKey = new Map<string, string[]>();
  for (const hash of hashes) {
    const lower = hash.toLowerCase();
    const key = lower.slice(0, KEY_LENGTH);
    const bucket = byKey.get(key);
    if (bucket) bucket.push(lower);
    else byKey.set(key, [lower]);
  }
  return {
    has(hash) {
      const lower = hash.toLowerCase();
      const bucket = lower.length >= KEY_LENGTH ? byKey.get(lower.slice(0, KEY_LENGTH)) : undefined;
      return bucket?.some((stored) => stored.startsWith(lower) || lower.startsWith(stored)) ?? false;
    },
  };
}
