// The changelog preview: the upcoming section, scrolled a line or a page at a time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { ChangelogScreen } from '../../../src/tui/screens/ChangelogScreen.js';
import { fakeServices } from '../support/fake-services.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

/** 40 lines: a heading and 39 numbered entries. */
const LONG = [
  '## [1.3.0](https://github.com/acme/taskboard/compare/v1.2.0...v1.3.0) (2024-04-04)',
  ...Array.from({ length: 39 }, (_, i) => `* entry ${i + 1}`),
].join('\n');

function renderPreview(markdown: string) {
  const { services } = fakeServices({ changelog: markdown });
  const back = vi.fn();
  return { ...renderScreen(<ChangelogScreen services={services} back={back} />), back };
}

/** The numbered entries on screen. */
const entries = (frame: string) => [...frame.matchAll(/\* entry (\d+)/g)].map((match) => Number(match[1]));

describe('ChangelogScreen', () => {
  it('shows the first screenful and where it is', async () => {
    const { frame } = renderPreview(LONG);
    // ink-testing-library reports no rows, so the screen assumes 24: 18 lines of text.
    await waitFor(() => expect(frame()).toContain('40 lines · 1–18'));
    expect(frame()).toContain('## [1.3.0]');
    expect(entries(frame())).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  it('wraps a long entry to the width instead of cutting it: the closes part is on screen', async () => {
    const entry =
      '* **search:** filter the board by label, assignee and milestone ([a1b2c3d](https://github.com/acme/taskboard/commit/a1b2c3d)), closes [#42](https://github.com/acme/taskboard/issues/42) [#43](https://github.com/acme/taskboard/issues/43)';
    const { frame } = renderPreview(`### Features\n\n${entry}\n`);
    await waitFor(() => expect(frame()).toContain('### Features'));
    expect(frame()).not.toContain('…');
    expect(frame()).toMatch(/\), closes\n {2}\[#42\]\(https:\/\/github\.com\/acme\/taskboard\/issues\/42\)\n/);
    expect(frame()).toContain('[#43](https://github.com/acme/taskboard/issues/43)');
    // ink-testing-library's terminal is 100 columns: the entry takes four lines, its rest indented.
    expect(frame()).toContain('Changelog preview · 6 lines');
    for (const line of frame().split('\n')) expect([...line].length).toBeLessThanOrEqual(100);
  });

  it('scrolls a line with j and back with k', async () => {
    const { frame, stdin } = renderPreview(LONG);
    await waitFor(() => expect(frame()).toContain('1–18'));
    stdin.write('j');
    await waitFor(() => expect(frame()).toContain('2–19'));
    expect(frame()).not.toContain('## [1.3.0]');
    expect(entries(frame())[0]).toBe(1);
    stdin.write('k');
    await waitFor(() => expect(frame()).toContain('1–18'));
  });

  it('scrolls once per key of a fast burst', async () => {
    const { frame, stdin } = renderPreview(LONG);
    await waitFor(() => expect(frame()).toContain('1–18'));
    stdin.write('jjj');
    await waitFor(() => expect(frame()).toContain('4–21'));
    stdin.write(`${KEY.down}${KEY.down}`);
    await waitFor(() => expect(frame()).toContain('6–23'));
  });

  it('pages with space and page down, jumps with G and g, and never scrolls past the end', async () => {
    const { frame, stdin, settled } = renderPreview(LONG);
    await waitFor(() => expect(frame()).toContain('1–18'));
    stdin.write(' ');
    await waitFor(() => expect(frame()).toContain('19–36'));
    stdin.write(KEY.pageDown);
    await waitFor(() => expect(frame()).toContain('23–40'));
    expect(entries(frame()).at(-1)).toBe(39);
    stdin.write('j');
    await settled();
    expect(frame()).toContain('23–40');
    stdin.write('g');
    await waitFor(() => expect(frame()).toContain('1–18'));
    stdin.write('G');
    await waitFor(() => expect(frame()).toContain('23–40'));
  });

  it('says when there is nothing to release', async () => {
    const { frame } = renderPreview('');
    await waitFor(() => expect(frame()).toContain('Nothing to release yet'));
  });

  it('goes back with q', async () => {
    const { frame, stdin, back } = renderPreview(LONG);
    await waitFor(() => expect(frame()).toContain('q/esc back'));
    stdin.write('q');
    await waitFor(() => expect(back).toHaveBeenCalled());
  });
});
