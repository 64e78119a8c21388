// Own-property lookups for maps keyed by text from history or config (commit types, config keys).
// A plain object answers `constructor`, `__proto__` or `toString` from Object.prototype; these never do.

/** The value stored under `key` itself, never one inherited from Object.prototype. */
export const ownValue = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** An empty object with no prototype: assigning `__proto__` or `constructor` stores a plain entry. */
export const emptyRecord = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;
