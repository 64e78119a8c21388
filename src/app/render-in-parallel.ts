// Renders a long changelog on two threads: the oldest releases in a worker, the rest here.
//
// Regenerating a 10k-commit history spends ~225 ms in conventional-changelog-writer and its
// Handlebars templates, one section after another, on one core. The writer has no parallel mode,
// and sections are independent (each carries its own tags and compare link), so a worker renders
// the older half with the same function while this thread renders the newer half. The worker is
// started as soon as a long render is likely, so its start-up overlaps reading the history. Any
// worker failure falls back to rendering here: same output, only slower.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { renderChangelog, type RenderableSection, type RenderOptions } from '../core/changelog/render-changelog.js';
import { splitForRender } from '../core/changelog/split-for-render.js';
import type { RenderReply, RenderRequest } from './changelog-render-worker.js';

/** Below this many commits a worker costs more to start (~40 ms of CPU) than it saves. */
const MINIMUM_COMMITS_TO_SHARE = 2000;

export interface ChangelogRenderer {
  render(sections: readonly RenderableSection[], options: RenderOptions): Promise<string>;
}

/** How the last render went: on one thread, on two, or on one after the worker failed (and why). */
export type RenderReport = { threads: 1 | 2 } | { threads: 1; workerFailed: string };

export const inThisThread: ChangelogRenderer = { render: renderChangelog };

/** The worker's bundle sits beside this one in dist/; run from source (tests), there is none. */
function workerFile(): URL | null {
  const url = new URL('./changelog-render-worker.js', import.meta.url);
  return url.protocol === 'file:' && existsSync(fileURLToPath(url)) ? url : null;
}

export interface RendererOptions {
  /** The worker's module; by default dist/changelog-render-worker.js beside this bundle. */
  workerFile?: URL;
  onReport?: (report: RenderReport) => void;
}

/** Starts the worker now (its start-up overlaps whatever the caller reads next). */
export function startChangelogRenderer(options: RendererOptions = {}): ChangelogRenderer {
  const file = availableParallelism() > 1 ? (options.workerFile ?? workerFile()) : null;
  if (!file) return inThisThread;
  const worker = new Worker(file);
  // Never keeps the process alive: an unused worker dies with it.
  worker.unref();
  worker.on('error', () => undefined);

  const renderInWorker = (sections: readonly RenderableSection[], options: RenderOptions): Promise<string> =>
    new Promise((resolve, reject) => {
      worker.once('message', (reply: RenderReply) => ('markdown' in reply ? resolve(reply.markdown) : reject(new Error(reply.error))));
      worker.once('error', reject);
      worker.once('exit', () => reject(new Error('the changelog worker stopped')));
      worker.postMessage({ sections: sections.map(slim), options } satisfies RenderRequest);
    });

  return {
    async render(sections, renderOptions) {
      const { newer, older } = splitForRender(sections, MINIMUM_COMMITS_TO_SHARE);
      if (older.length === 0) {
        void worker.terminate();
        options.onReport?.({ threads: 1 });
        return renderChangelog(newer, renderOptions);
      }
      try {
        const fromWorker = renderInWorker(older, renderOptions).then(
          (markdown) => (options.onReport?.({ threads: 2 }), markdown),
          (error: unknown) => {
            options.onReport?.({ threads: 1, workerFailed: error instanceof Error ? error.message : String(error) });
            return renderChangelog(older, renderOptions);
          },
        );
        const here = await renderChangelog(newer, renderOptions);
        return joinRendered(here, await fromWorker);
      } finally {
        void worker.terminate();
      }
    },
  };
}

/** Only what rendering reads crosses to the worker: the full messages would double the copy. */
const slim = (section: RenderableSection): RenderableSection => ({
  ...section,
  commits: section.commits.map((commit) => ({ parsed: commit.parsed, raw: { hash: commit.raw.hash } })),
});

/** renderChangelog's outputs for consecutive section lists, as one render of both would write them. */
export const joinRendered = (newer: string, older: string): string => (newer && older ? `${newer}\n${older}` : newer || older);
