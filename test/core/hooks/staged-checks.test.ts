// Staged-content checks on the lines a commit adds.
import { describe, expect, it } from 'vitest';
import { parseAddedLines, runStagedChecks } from '../../../src/core/hooks/staged-checks.js';

const DIFF = [
  'diff --git a/src/app.ts b/src/app.ts',
  '--- a/src/app.ts',
  '+++ b/src/app.ts',
  '@@ -3,0 +4,3 @@ export function x() {',
  '+  console.log("debug");',
  '+  // TODO: remove',
  '+<<<<<<< HEAD',
  'diff --git a/keys/id b/keys/id',
  'new file mode 100644',
  '--- /dev/null',
  '+++ b/keys/id',
  '@@ -0,0 +1,2 @@',
  '+-----BEGIN OPENSSH PRIVATE KEY-----',
  '+abc',
  'diff --git a/README.md b/README.md',
  '--- a/README.md',
  '+++ b/README.md',
  '@@ -10,0 +11 @@',
  '+Use console.log( in examples',
  '',
].join('\n');

describe('staged checks', () => {
  it('parses added lines with their file and line numbers', () => {
    expect(parseAddedLines(DIFF).map((l) => `${l.file}:${l.line}`)).toEqual([
      'src/app.ts:4',
      'src/app.ts:5',
      'src/app.ts:6',
      'keys/id:1',
      'keys/id:2',
      'README.md:11',
    ]);
  });

  it('finds only what the enabled checks look for', () => {
    const lines = parseAddedLines(DIFF);
    expect(runStagedChecks(lines, ['conflict-markers', 'private-keys']).map((f) => [f.check, f.file, f.line])).toEqual([
      ['conflict-markers', 'src/app.ts', 6],
      ['private-keys', 'keys/id', 1],
    ]);
    expect(runStagedChecks(lines, ['console-log']).map((f) => f.file)).toEqual(['src/app.ts']);
    expect(runStagedChecks(lines, ['todo']).map((f) => f.line)).toEqual([5]);
    expect(runStagedChecks(lines, [])).toEqual([]);
  });
});
