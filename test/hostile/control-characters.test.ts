// Terminal control sequences in commit subjects never reach the terminal or a written file raw.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONTROL_CHARACTER as CONTROL,
  escapeControls,
  escapeControlsForTerminal,
} from '../../src/core/display-text/control-characters.js';
import { HOSTILE_CONTROLS } from '../helpers/hostile-corpus.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('escapeControls', () => {
  it('shows each control character as \\xNN and keeps tab, line feed and CRLF', () => {
    expect(escapeControls('a\u001b]0;t\u0007b')).toBe('a\\x1b]0;t\\x07b');
    expect(escapeControls('x\u009by\u007f')).toBe('x\\x9by\\x7f');
    expect(escapeControls('one\ttwo\r\nthree\rfour\n')).toBe('one\ttwo\r\nthree\\x0dfour\n');
  });

  it('with colour on, keeps SGR colour sequences and escapes every other escape', () => {
    expect(escapeControlsForTerminal('\u001b[31m✖\u001b[39m \u001b]0;t\u0007 \u001b[2J', true)).toBe(
      '\u001b[31m✖\u001b[39m \\x1b]0;t\\x07 \\x1b[2J',
    );
    expect(escapeControlsForTerminal('\u001b[31m✖', false)).toBe('\\x1b[31m✖');
  });
});

describe('the CLI with control characters in commit subjects', () => {
  async function hostileRepo(): Promise<TempRepo> {
    const r = await createTempRepo();
    await r.commit('feat: first', { path: 'package.json', content: '{ "name": "demo", "version": "1.0.0" }\n' });
    await r.tag('v1.0.0', { message: 'v1.0.0' });
    for (const subject of HOSTILE_CONTROLS) await r.commit(subject);
    return r;
  }

  it.each([
    ['status'],
    ['version'],
    ['changelog', '--stdout'],
    ['release', '--dry-run', '--no-push'],
    ['lint-msg', '--from', 'v1.0.0', '--to', 'HEAD'],
  ])('%s prints no control character', async (...args) => {
    repo = await hostileRepo();
    const result = await runShipwright(args, { cwd: repo.dir });
    expect([0, 1], result.stderr).toContain(result.code);
    expect(result.stdout + result.stderr).not.toMatch(CONTROL);
    expect(result.stdout + result.stderr).not.toMatch(/internal error/);
  });

  it('CHANGELOG.md and the tag message are written without them, the escapes visible', async () => {
    repo = await hostileRepo();
    const result = await runShipwright(['release', '--yes', '--no-push'], { cwd: repo.dir });
    expect(result.code, result.stderr).toBe(0);
    const changelog = await readFile(join(repo.dir, 'CHANGELOG.md'), 'utf8');
    expect(changelog).not.toMatch(CONTROL);
    expect(changelog).toContain('retitle \\x1b]0;pwned\\x07 the terminal');
    const tagMessage = await repo.git('tag', '-l', '--format=%(contents)', 'v1.1.0');
    expect(tagMessage).toContain('clear \\x1b[2J\\x1b[H the screen');
    expect(tagMessage).not.toMatch(CONTROL);
  });
});
