// What recovery costs a plain release in git processes: the plan basis (read when planned, checked
// before the first write), the engine's own look at the repository, and the refs re-read after the
// steps that can move them. At most a third of all the git processes the release starts.
import { describe, expect, it } from 'vitest';
import { gitCalls } from '../helpers/git-calls.js';
import { createReleaseRepo, removedAfterEach } from '../helpers/release-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const track = removedAfterEach();

/**
 * The reads only recovery needs, counted generously: every ref read by value (`for-each-ref` of
 * object names, `rev-parse --verify`, the tag step's own "does it exist" included), every
 * `status` and `rev-parse --show-toplevel` after the command's first one, and core.hooksPath.
 */
function bookkeeping(calls: string[][]): string[][] {
  let statuses = 0;
  let states = 0;
  return calls.filter((argv) => {
    if (argv[0] === 'for-each-ref' && argv.includes('--format=%(refname) %(objectname)')) return true;
    if (argv[0] === 'rev-parse' && argv.includes('--verify')) return true;
    if (argv[0] === 'config' && argv.includes('core.hooksPath')) return true;
    if (argv[0] === 'status') return statuses++ > 0;
    if (argv[0] === 'rev-parse' && argv.includes('--show-toplevel')) return states++ > 0;
    return false;
  });
}

describe('recovery bookkeeping', () => {
  it('a plain release spends at most a third of its git processes on it, and re-reads refs only after commit and tag', async () => {
    const { repo } = await track(createReleaseRepo());
    let code = -1;
    const calls = await gitCalls(
      async () => {
        code = (await runShipwright(['release', '--yes'], { cwd: repo.dir, env: { SOURCE_DATE_EPOCH: '1717200000' } }))
          .code;
      },
      { topLevel: true },
    );
    expect(code).toBe(0);
    const kept = bookkeeping(calls);
    expect(kept.length * 3).toBeLessThanOrEqual(calls.length);
    // Between the stage and the push: one read after the commit (its branch), one after the tag.
    // The stage step runs `git --literal-pathspecs add …`: its subcommand is the first word not an option.
    const from = calls.findIndex((argv) => argv.find((word) => !word.startsWith('-')) === 'add');
    const to = calls.findIndex((argv) => argv[0] === 'push');
    const refReads = calls.slice(from, to).filter((argv) => argv[0] === 'for-each-ref');
    expect(refReads.map((argv) => argv.slice(argv.indexOf('--') + 1))).toEqual([
      ['refs/heads/main'],
      ['refs/tags/v0.2.0'],
    ]);
  });
});
