// Worker entry (dist/changelog-render-worker.js): renders the release sections it is sent, as
// renderChangelog does on the main thread. See render-in-parallel.ts.
import { parentPort } from 'node:worker_threads';
import { renderChangelog, type RenderableSection, type RenderOptions } from '../core/changelog/render-changelog.js';

export interface RenderRequest {
  sections: RenderableSection[];
  options: RenderOptions;
}

export type RenderReply = { markdown: string } | { error: string };

parentPort?.on('message', (request: RenderRequest) => {
  renderChangelog(request.sections, request.options).then(
    (markdown) => parentPort?.postMessage({ markdown } satisfies RenderReply),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies RenderReply),
  );
});
