// Runs a user's regex (a versionFiles pattern) on its file in a worker with a deadline, before the
// pure bump runs it: `^version = ((a+)+)$` on a line of a's would otherwise hang a release silently.
import { Worker } from 'node:worker_threads';
import { checkFailed } from '../core/errors.js';
import { PATTERN_FLAGS } from '../core/release/version-file-spec.js';

/** Far above what any sane pattern needs on a version file (microseconds), well below a user's patience. */
const PATTERN_DEADLINE_MS = 2000;

// A worker's main thread can be stopped in the middle of a regex (terminate()); this one can not.
const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const regex = new RegExp(workerData.pattern, workerData.flags);
let matches = 0;
for (const _ of workerData.text.matchAll(regex)) matches += 1;
parentPort.postMessage(matches);
`;

/** Resolves once the pattern has run over the whole text; refuses, naming the pattern, when it does not finish in time. */
export async function assertPatternFinishes(
  path: string,
  pattern: string,
  text: string,
  deadlineMs = PATTERN_DEADLINE_MS,
): Promise<void> {
  const worker = new Worker(SCRIPT, { eval: true, workerData: { pattern, flags: PATTERN_FLAGS, text } });
  let timer: NodeJS.Timeout | undefined;
  const finished = new Promise<'done'>((resolve) => {
    // A pattern that does not compile is reported by the bump itself, with its own message.
    worker.once('message', () => resolve('done'));
    worker.once('error', () => resolve('done'));
    worker.once('exit', () => resolve('done'));
  });
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), deadlineMs);
  });
  try {
    if ((await Promise.race([finished, late])) === 'late') {
      throw checkFailed(
        `The pattern ${JSON.stringify(pattern)} for ${path} did not finish within ${deadlineMs / 1000} s on the file's ${text.length} characters: it backtracks catastrophically (a quantifier inside a quantified group, such as ((a+)+) or (\\s*\\w+)*). Nothing was written.`,
        {
          code: 'version-pattern-too-slow',
          fix: `rewrite the pattern for ${path} in versionFiles of the shipwright config without nested quantifiers, e.g. "^version = \\"([^\\"]*)\\"$"`,
        },
      );
    }
  } finally {
    clearTimeout(timer);
    await worker.terminate();
  }
}
