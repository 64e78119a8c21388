// Messages of hundreds of kilobytes lint and parse in linear time (bench/ times them; here they
// must finish and give the right verdict, where the library's regexes ran for minutes or hours).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanMessage } from '../../src/core/lint/clean-message.js';
import { runShipwright } from '../helpers/run-shipwright.js';
import { createTempRepo, type TempRepo } from '../helpers/temp-repo.js';

const SIZE = 200_000;
const SUBJECTS: [string, string][] = [
  ['one long word', `fix: ${'a'.repeat(SIZE)}`],
  ['a word and a hash', `fix: ${'a'.repeat(SIZE)}#1`],
  ['spaces', `fix: ${' '.repeat(SIZE)}x`],
  ['short words', `fix: ${'a '.repeat(SIZE / 2)}x`],
  ['references', `fix: ${'#1 '.repeat(SIZE / 3)}x`],
  ['a revert of spaces', `revert: ${' '.repeat(SIZE)}x`],
];

let repo: TempRepo | undefined;
afterEach(async () => {
  await repo?.remove();
  repo = undefined;
});

describe('long messages', () => {
  it('cleanMessage trims a line of spaces without retrying at every blank', () => {
    expect(cleanMessage(`fix: x${' '.repeat(SIZE)}\n${' \t'.repeat(SIZE)}y \n`, { commentChar: '#' })).toBe(
      `fix: x\n${' \t'.repeat(SIZE)}y`,
    );
  });

  it.each(SUBJECTS)(
    'lint-msg on a 200 KB subject (%s) refuses it for its length, naming the rule',
    async (_, subject) => {
      repo = await createTempRepo();
      await repo.write('msg.txt', `${subject}\n`);
      const result = await runShipwright(['lint-msg', 'msg.txt'], { cwd: repo.dir });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stdout).toMatch(
        /header-max-length: header must not be longer than 100 characters, current length is \d{6}/,
      );
    },
  );

  it('lint-msg accepts the same subjects when the config allows long headers', async () => {
    repo = await createTempRepo();
    await repo.write(
      'commitlint.config.mjs',
      "export default { rules: { 'header-max-length': [0], 'type-enum': [2, 'always', ['fix', 'revert']], 'subject-empty': [2, 'never'] } };\n",
    );
    for (const [name, subject] of SUBJECTS) {
      await repo.write('msg.txt', `${subject}\n`);
      const result = await runShipwright(['lint-msg', 'msg.txt'], { cwd: repo.dir });
      expect(result.code, `${name}: ${result.stdout.slice(0, 300)}`).toBe(0);
    }
  });
});
