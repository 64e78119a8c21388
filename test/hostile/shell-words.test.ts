// Commands printed for pasting quote every word for a POSIX shell (one helper: core/display-text/shell-words.ts).
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { flagWords, quoteShellWord, shellCommand } from '../../src/core/display-text/shell-words.js';
import { createReleaseRepo, type ReleaseRepo } from '../helpers/release-repo.js';
import { runShipwright } from '../helpers/run-shipwright.js';

const HOSTILE_NAMES = ['release/$(touch pwned)', "fix/it's", 'a b', '-x', 'feature/`id`', 'x;rm -rf y'];

describe('shell words', () => {
  it.each(HOSTILE_NAMES)('%s pastes as one word, exactly as typed', async (name) => {
    const line = `printf '%s\\n' ${quoteShellWord(name)} ${flagWords('--to', name)}`;
    const { stdout } = await execa('sh', ['-c', line]);
    expect(stdout.split('\n')).toEqual(name.startsWith('-') ? [name, `--to=${name}`] : [name, '--to', name]);
  });

  it('shellCommand leaves plain words alone', () => {
    expect(shellCommand(['git', 'push', '--atomic', 'origin', 'main', 'v1.2.0'])).toBe(
      'git push --atomic origin main v1.2.0',
    );
  });
});

describe('the preRelease fix line', () => {
  const repos: ReleaseRepo[] = [];
  afterEach(async () => {
    await Promise.all(repos.splice(0).map((entry) => entry.remove()));
  });

  it('quotes the program and its arguments', async () => {
    const entry = await createReleaseRepo({ config: { preRelease: ['node', '-e', 'process.exit(3)'] } });
    repos.push(entry);
    const result = await runShipwright(['release', '--yes', '--no-push'], { cwd: entry.repo.dir });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("node -e 'process.exit(3)'");
    expect(result.stderr).not.toContain('node -e process.exit(3)');
  });
});
