// The order a backport series is picked in, from a read history given as data: parents first,
// otherwise the order given.
import { describe, expect, it } from 'vitest';
import { orderAncestorsFirst } from '../../../src/core/backport/order-ancestors-first.js';
import { named } from '../../helpers/named.js';

/** Commit → its parents, for the commits the read walked; a commit missing here is behind the bound. */
type Graph = Record<string, string[]>;

interface Case {
  name: string;
  graph: Graph;
  /** The series in the order the caller prefers (oldest first, then as the user named them). */
  given: string[];
  expected: string[];
}

const order = (given: readonly string[], graph: Graph): string[] =>
  orderAncestorsFirst(
    given.map((hash) => ({ hash })),
    new Map(Object.entries(graph)),
  ).map((commit) => commit.hash);

/** c1 ← c2 ← … ← cN, each the parent of the next. */
const chain = (length: number): Graph =>
  Object.fromEntries(Array.from({ length }, (_, index) => [`c${index + 1}`, index === 0 ? [] : [`c${index}`]]));

const cases: Case[] = [
  { name: 'no commit', graph: {}, given: [], expected: [] },
  { name: 'one commit', graph: { a: [] }, given: ['a'], expected: ['a'] },
  {
    name: 'a series typed newest first is put parents first',
    graph: { a: ['o'], b: ['a'], c: ['b'] },
    given: ['c', 'b', 'a'],
    expected: ['a', 'b', 'c'],
  },
  {
    name: 'a series already in order stays',
    graph: { a: ['o'], b: ['a'], c: ['b'] },
    given: ['a', 'b', 'c'],
    expected: ['a', 'b', 'c'],
  },
  {
    name: 'commits unrelated by ancestry keep the order given',
    graph: { x: ['o'], y: ['o'], z: ['o'] },
    given: ['z', 'x', 'y'],
    expected: ['z', 'x', 'y'],
  },
  {
    name: 'ancestry through commits outside the series counts',
    graph: { a: ['o'], m1: ['a'], m2: ['m1'], b: ['m2'] },
    given: ['b', 'a'],
    expected: ['a', 'b'],
  },
  {
    name: 'each time the first commit with no ancestor left goes: an unrelated one may pass a waiting one',
    graph: { a: ['o'], b: ['a'], x: ['o'] },
    given: ['b', 'x', 'a'],
    expected: ['x', 'a', 'b'],
  },
  {
    name: 'siblings after their common parent keep the order given',
    graph: { r: ['o'], x: ['r'], y: ['r'] },
    given: ['y', 'x', 'r'],
    expected: ['r', 'y', 'x'],
  },
  {
    name: 'a merge comes after the commit its side branch brought',
    graph: { a: ['o'], s: ['o'], m: ['a', 's'] },
    given: ['m', 's'],
    expected: ['s', 'm'],
  },
  {
    name: 'a merge comes after commits of its first-parent line and of its side branch, deep down',
    graph: { a: ['o'], s1: ['o'], s2: ['s1'], m: ['a', 's2'], after: ['m'] },
    given: ['after', 'm', 's1', 'a'],
    expected: ['s1', 'a', 'm', 'after'],
  },
  {
    name: 'a commit merged in by the series is not an ancestor of a sibling fix',
    graph: { s: ['o'], m: ['o', 's'], f: ['o'] },
    given: ['m', 'f', 's'],
    expected: ['f', 's', 'm'],
  },
  {
    name: 'a commit whose parents were not read decides nothing: the order given stands',
    graph: { b: ['behind'], a: ['o'] },
    given: ['b', 'a'],
    expected: ['b', 'a'],
  },
  {
    name: 'a series commit that is also the bound (no parents read) still goes first',
    graph: { base: [], b: ['base'], c: ['b'] },
    given: ['c', 'b', 'base'],
    expected: ['base', 'b', 'c'],
  },
  {
    name: 'a cycle (never in git’s data) does not hang: the edge that closes it is ignored',
    graph: { a: ['b'], b: ['a'] },
    given: ['a', 'b'],
    expected: ['b', 'a'],
  },
  {
    name: 'a series longer than 24 commits is ordered too',
    graph: chain(40),
    given: Array.from({ length: 40 }, (_, index) => `c${40 - index}`),
    expected: Array.from({ length: 40 }, (_, index) => `c${index + 1}`),
  },
  {
    name: 'a series of every other commit of a long chain, shuffled',
    graph: chain(12),
    given: ['c9', 'c1', 'c11', 'c5', 'c3', 'c7'],
    expected: ['c1', 'c3', 'c5', 'c7', 'c9', 'c11'],
  },
];

describe('orderAncestorsFirst', () => {
  it.each(named(cases))('%s', (_name, { graph, given, expected }) => {
    expect(order(given, graph)).toEqual(expected);
  });

  it('returns the caller’s own objects, the input untouched', () => {
    const series = [
      { hash: 'b', subject: 'two' },
      { hash: 'a', subject: 'one' },
    ];
    const ordered = orderAncestorsFirst(
      series,
      new Map([
        ['b', ['a']],
        ['a', []],
      ]),
    );
    expect(ordered).toEqual([
      { hash: 'a', subject: 'one' },
      { hash: 'b', subject: 'two' },
    ]);
    expect(ordered[0]).toBe(series[1]);
    expect(series.map((commit) => commit.hash)).toEqual(['b', 'a']);
  });

  it('walks a history far deeper than the call stack', () => {
    const depth = 200_000;
    const graph = new Map<string, string[]>();
    for (let index = 1; index <= depth; index++) graph.set(`c${index}`, index === 1 ? [] : [`c${index - 1}`]);
    expect(orderAncestorsFirst([{ hash: `c${depth}` }, { hash: 'c1' }], graph).map((commit) => commit.hash)).toEqual([
      'c1',
      `c${depth}`,
    ]);
  });
});
