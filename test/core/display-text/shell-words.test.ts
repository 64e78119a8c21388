// Printed commands survive a POSIX shell: each word arrives exactly as given (the CLI test runs one through sh).
import { describe, expect, it } from 'vitest';
import { quoteShellWord, shellCommand } from '../../../src/core/display-text/shell-words.js';

describe('quoteShellWord', () => {
  it.each([
    ['tag=v1.2.0', 'tag=v1.2.0'],
    ['deploy-production.yml', 'deploy-production.yml'],
    ['', "''"],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$(x)', "'$(x)'"],
  ])('%j → %s', (word, quoted) => {
    expect(quoteShellWord(word)).toBe(quoted);
  });

  it('joins words into one command', () => {
    expect(shellCommand(['gh', 'workflow', 'run', 'Deploy production', '-f', 'tag=v1.0.0'])).toBe(
      "gh workflow run 'Deploy production' -f tag=v1.0.0",
    );
  });
});
