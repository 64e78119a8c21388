// The order test files start in: the few that take minutes first, so a run does not end waiting on
// one of them alone while the other workers idle. vitest orders the rest by its cache of the last
// run's durations (slowest first) and, without one (a fresh clone: CI), by file size, which puts
// these short but slow files late. Only the order changes; every file still runs.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Each starts before the next. The registry files come after the first few: the registry they
 * share takes a minute or so to fill (test/helpers/registry-setup.ts starts it with the run), time
 * the workers spend on these instead of waiting.
 */
const SLOW = [
  /test\/engine\/crash-matrix\.test\.ts$/,
  /test\/cli\/doctor\.test\.ts$/,
  /test\/hooks\/commit-msg\.test\.ts$/,
  /test\/e2e\/tui-terminal\.test\.ts$/,
  /test\/package\/registry-install-pnpm\.test\.ts$/,
  /test\/package\/registry-install-yarn\.test\.ts$/,
  /test\/package\/registry-/,
  /test\/hostile\/corpus\.test\.ts$/,
  /test\/hooks\/pre-commit\.test\.ts$/,
];

const rank = (spec: TestSpecification) => {
  const index = SLOW.findIndex((pattern) => pattern.test(spec.moduleId.replace(/\\/g, '/')));
  return index === -1 ? SLOW.length : index;
};

export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted
      .map((spec, index) => ({ spec, index, rank: rank(spec) }))
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .map(({ spec }) => spec);
  }
}
