// Table cases that carry their own `name`: `it.each(named(cases))('%s', (_name, testCase) => …)`
// titles each test with the name as written. A `'$name'` title shows it quoted and cut at 40
// characters (vitest's display of a value), which leaves long names unreadable and alike.

/** Each case as `[its name, the case]`, for a `'%s'` title. */
export function named<T extends { name: string }>(cases: readonly T[]): [string, T][] {
  return cases.map((testCase) => [testCase.name, testCase]);
}
