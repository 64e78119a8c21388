// Counts the git processes a piece of work starts, from git's own trace2 events: how tests hold
// the per-target reads to a constant.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `git` processes started while `work` runs, as git's trace2 reports them (argv without `git`).
 * `topLevel`: only those shipwright started, not the ones git starts itself (a push's pack-objects).
 */
export async function gitCalls(
  work: () => Promise<unknown>,
  options: { topLevel?: boolean } = {},
): Promise<string[][]> {
  const dir = await mkdtemp(join(tmpdir(), 'shipwright-trace-'));
  const file = join(dir, 'trace.jsonl');
  process.env.GIT_TRACE2_EVENT = file;
  try {
    await work();
  } finally {
    delete process.env.GIT_TRACE2_EVENT;
  }
  const lines = existsSync(file) ? (await readFile(file, 'utf8')).split('\n').filter(Boolean) : [];
  await rm(dir, { recursive: true, force: true });
  return lines
    .map((line) => JSON.parse(line) as { event: string; sid?: string; argv?: string[] })
    .filter((event) => !options.topLevel || !event.sid?.includes('/'))
    .flatMap((event) => (event.event === 'start' && event.argv ? [event.argv.slice(1)] : []));
}
