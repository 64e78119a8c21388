// conventional-commits-parser as the library itself parses, in a Node process of its own: this
// process's CommitParser carries the linear scan (linear-reference-scan.ts), so it cannot be the reference.
import { execa } from 'execa';
import { fileURLToPath } from 'node:url';

export interface ReferenceOptions {
  preset: 'conventionalcommits' | 'angular';
  /** Plain-data options laid over the preset's parser options (issuePrefixes, referenceActions, …). */
  overrides?: Record<string, unknown>;
}

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const SCRIPT = `
import { CommitParser } from 'conventional-commits-parser';
import cc from 'conventional-changelog-conventionalcommits';
import angular from 'conventional-changelog-angular';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { options, messages } = JSON.parse(input);
const preset = await (options.preset === 'angular' ? angular() : cc());
const parser = new CommitParser({ ...preset.parser, ...(options.overrides ?? {}) });
const results = messages.map((message) => parser.parse(message));
process.stdout.write(JSON.stringify(results));
`;

/** What the unpatched library makes of each message, as JSON (undefined fields dropped). */
export async function referenceParse(options: ReferenceOptions, messages: readonly string[]): Promise<unknown[]> {
  const { stdout } = await execa('node', ['--input-type=module', '-e', SCRIPT], {
    cwd: ROOT,
    input: JSON.stringify({ options, messages }),
  });
  return JSON.parse(stdout) as unknown[];
}

/** A value as it survives JSON, to compare with referenceParse's answers. */
export const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;
