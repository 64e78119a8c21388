// The precompiled preset templates match the installed handlebars and presets; a stale table would
// silently fall back to compiling (slower, same output), so it fails here instead.
import { readFile } from 'node:fs/promises';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { renderChangelog } from '../../../src/core/changelog/render-changelog.js';
import { splitIntoSections } from '../../../src/core/changelog/release-section.js';
import { aLinearHistory, aTag } from '../../helpers/build-commits.js';
// @ts-expect-error: a plain .mjs build script without type declarations
import { generatePrecompiledTemplates, OUTPUT } from '../../../scripts/precompile-templates.mjs';
import { PRECOMPILED_TEMPLATES } from '../../../src/core/changelog/precompiled-templates.js';

describe('precompiled changelog templates', () => {
  it('are what scripts/precompile-templates.mjs generates from the installed packages (npm run templates)', async () => {
    expect(await readFile(OUTPUT as string, 'utf8')).toBe(
      await (generatePrecompiledTemplates as () => Promise<string>)(),
    );
  });

  it('cover the main template and the three partials of both presets', () => {
    expect(PRECOMPILED_TEMPLATES).toHaveLength(8);
  });

  it('serve every template a render needs: Handlebars never compiles one at run time', async () => {
    const history = aLinearHistory([
      'feat(api): a',
      'fix: b',
      'feat!: c\n\nBREAKING CHANGE: it broke',
      'perf: d',
      'revert: e',
    ]);
    const sections = splitIntoSections(history, [aTag('v1.0.0', '1.0.0', history[0]?.raw.hash)]);
    const compile = Handlebars.compile;
    Handlebars.compile = (() => {
      throw new Error('compiled at run time');
    }) as typeof Handlebars.compile;
    try {
      for (const preset of ['conventionalcommits', 'angular'] as const) {
        const markdown = await renderChangelog(sections, { preset, repository: null });
        expect(markdown).toContain('it broke');
      }
    } finally {
      Handlebars.compile = compile;
    }
  });
});
