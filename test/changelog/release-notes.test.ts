// `shipwright changelog --release-notes VERSION` is exactly that version's section of the full
// changelog, without its heading, on the fixtures whose sections are hardest to cut.
import { rm } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { runShipwright } from '../helpers/run-shipwright.js';
import { ISOLATED_GIT_ENV } from './support/conventional-changelog.js';
import { buildFixtureRepo, listFixtureCases } from './support/fixture-cases.js';

beforeAll(() => {
  Object.assign(process.env, ISOLATED_GIT_ENV, { SOURCE_DATE_EPOCH: '1735689600' });
});

/** Splits `--release-count 0` output into version → section body (heading removed, trimmed). */
function sectionsByVersion(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const chunk of markdown.split(/^(?=#{1,2} )/m)) {
    const version = /^#{1,2} \[?([^\]\s]+)/.exec(chunk)?.[1];
    if (version) sections.set(version, `${chunk.split('\n').slice(1).join('\n').trim()}\n`);
  }
  return sections;
}

describe('shipwright changelog --release-notes', () => {
  it.each(['prereleases', 'tag-on-merge', 'two-tags-one-commit', 'angular', 'no-remote'])(
    'matches the full changelog for every release in %s',
    async (name) => {
      const fixture = (await listFixtureCases()).find((candidate) => candidate.name === name);
      if (!fixture) throw new Error(`no fixture ${name}`);
      const dir = await buildFixtureRepo(fixture);
      try {
        const preset = fixture.config.preset ? ['--preset', fixture.config.preset] : [];
        const full = await runShipwright(['changelog', '--stdout', '--release-count', '0', ...preset], { cwd: dir });
        const sections = sectionsByVersion(full.stdout);
        expect(sections.size).toBeGreaterThan(1);
        for (const [version, body] of sections) {
          const notes = await runShipwright(['changelog', '--release-notes', version, ...preset], { cwd: dir });
          expect({ version, code: notes.code, stderr: notes.stderr }).toEqual({ version, code: 0, stderr: '' });
          expect(notes.stdout, version).toBe(body);
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
