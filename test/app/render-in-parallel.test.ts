// The two-thread changelog renderer writes exactly what one renderChangelog call writes. Uses the
// built worker (dist/changelog-render-worker.js, built by `npm test`'s pretest).
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { joinRendered, startChangelogRenderer, type RenderReport } from '../../src/app/render-in-parallel.js';
import { renderChangelog, type RenderOptions } from '../../src/core/changelog/render-changelog.js';
import { splitIntoSections } from '../../src/core/changelog/release-section.js';
import type { ConventionalCommit } from '../../src/core/commits/conventional-commit.js';
import { aCommit, aTag } from '../helpers/build-commits.js';

const WORKER = new URL('../../dist/changelog-render-worker.js', import.meta.url);

const MESSAGES = [
  'feat(api): add a <b>bold</b> endpoint',
  'fix: handle `<empty>` input, closes #12',
  'perf(db): index the lookup table',
  'feat!: drop Node 18\n\nBREAKING CHANGE: Node 20.17 or newer is required.',
  'chore: bump deps',
  'docs: explain the flags',
  'revert: feat(api): add a bold endpoint\n\nThis reverts commit 0123456789abcdef0123456789abcdef01234567.',
  'fix(ui): keep the cursor, thanks @ada, fixes #7',
];

/** 3,000 commits, a release every 50, oldest first in the loop, newest first as git log returns. */
function aLongHistory(): { history: ConventionalCommit[]; sections: ReturnType<typeof splitIntoSections> } {
  const history: ConventionalCommit[] = [];
  const tags = [];
  let parent: string | undefined;
  for (let index = 0; index < 3000; index += 1) {
    const hash = index.toString(16).padStart(40, 'a');
    const day = new Date(Date.UTC(2020, 0, 1) + index * 3_600_000).toISOString();
    history.push(aCommit(MESSAGES[index % MESSAGES.length] as string, { hash, parents: parent ? [parent] : [], date: day }));
    if (index % 50 === 49) tags.push(aTag(`v1.${tags.length}.0`, `1.${tags.length}.0`, hash));
    parent = hash;
  }
  history.reverse();
  tags.reverse();
  return { history, sections: splitIntoSections(history, tags) };
}

const OPTIONS: RenderOptions[] = [
  { preset: 'conventionalcommits', repository: { type: 'github', host: 'https://github.com', owner: 'acme', repository: 'app', webBase: 'https://github.com/acme/app' } },
  { preset: 'angular', repository: null },
];

describe('startChangelogRenderer', () => {
  it('needs the built worker', () => {
    expect(existsSync(WORKER), 'run `npm run build` first').toBe(true);
  });

  it.each(OPTIONS)('renders a long history on two threads exactly as one render does ($preset)', async (options) => {
    const { sections } = aLongHistory();
    expect(sections.length).toBeGreaterThan(50);
    const reports: RenderReport[] = [];
    const parallel = await startChangelogRenderer({ workerFile: WORKER, onReport: (report) => reports.push(report) }).render(sections, options);
    expect(reports).toEqual([{ threads: 2 }]);
    expect(parallel).toBe(await renderChangelog(sections, options));
  });

  it('renders in this thread when the worker cannot start: same text', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'shipwright-worker-'));
    const broken = join(folder, 'broken-worker.mjs');
    await writeFile(broken, 'throw new Error("the worker fails to load");\n');
    const { sections } = aLongHistory();
    const options = OPTIONS[0] as RenderOptions;
    const reports: RenderReport[] = [];
    const rendered = await startChangelogRenderer({ workerFile: pathToFileURL(broken), onReport: (report) => reports.push(report) }).render(sections, options);
    expect(reports).toEqual([{ threads: 1, workerFailed: 'the worker fails to load' }]);
    expect(rendered).toBe(await renderChangelog(sections, options));
  });

  it('renders a short history in this thread: a worker would cost more than it saves', async () => {
    const { history } = aLongHistory();
    const sections = splitIntoSections(history.slice(0, 120), [aTag('v9.0.0', '9.0.0', history[0]?.raw.hash), aTag('v8.0.0', '8.0.0', history[60]?.raw.hash)]);
    const reports: RenderReport[] = [];
    const options = OPTIONS[1] as RenderOptions;
    const rendered = await startChangelogRenderer({ workerFile: WORKER, onReport: (report) => reports.push(report) }).render(sections, options);
    expect(reports).toEqual([{ threads: 1 }]);
    expect(rendered).toBe(await renderChangelog(sections, options));
  });

  it('joins two renders with the blank line one render puts between sections', () => {
    expect(joinRendered('## 2.0.0\n', '## 1.0.0\n')).toBe('## 2.0.0\n\n## 1.0.0\n');
    expect(joinRendered('', '## 1.0.0\n')).toBe('## 1.0.0\n');
    expect(joinRendered('## 2.0.0\n', '')).toBe('## 2.0.0\n');
  });
});
