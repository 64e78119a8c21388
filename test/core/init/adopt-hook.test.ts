// Adopting existing hooks line by line: what shipwright supersedes goes, the team's commands stay.
import { describe, expect, it } from 'vitest';
import { adoptHook, describeAdoption, runsShipwrightHook, supersededBy } from '../../../src/core/init/adopt-hook.js';

const OWN = {
  'pre-commit': 'b=node_modules/.bin/shipwright; if [ -x "$b" ]; then "$b" hook pre-commit || exit $?; fi',
  'commit-msg': 'b=node_modules/.bin/shipwright; if [ -x "$b" ]; then "$b" hook commit-msg "$1" || exit $?; fi',
  'pre-push': 'b=node_modules/.bin/shipwright; if [ -x "$b" ]; then "$b" hook pre-push "$@" || exit $?; fi',
};

describe('supersededBy', () => {
  it.each([
    ['pre-commit', 'npx lint-staged'],
    ['pre-commit', 'npx --no -- lint-staged'],
    ['pre-commit', 'pnpm exec lint-staged --concurrent false'],
    ['pre-commit', 'yarn lint-staged'],
    ['pre-commit', 'bunx lint-staged'],
    ['pre-commit', './node_modules/.bin/lint-staged'],
    ['commit-msg', 'npx --no -- commitlint --edit "$1"'],
    ['commit-msg', 'pnpm commitlint --edit ${1}'],
    ['prepare-commit-msg', 'exec < /dev/tty && npx cz --hook || true'],
    ['prepare-commit-msg', 'exec < /dev/tty && node_modules/.bin/git-cz --hook || true'],
  ] as const)('%s: `%s` is superseded', (hook, line) => {
    expect(supersededBy(hook, line)).not.toBeNull();
  });

  it.each([
    ['pre-commit', 'npm test'],
    ['pre-commit', '# npx lint-staged (disabled)'],
    ['pre-commit', 'node scripts/check-licenses.mjs'],
    ['commit-msg', 'node scripts/add-ticket-number.mjs "$1"'],
    ['pre-push', 'npx lint-staged'],
    ['pre-commit', 'npx commitlint --edit "$1"'],
  ] as const)('%s: `%s` is the team’s own', (hook, line) => {
    expect(supersededBy(hook, line)).toBeNull();
  });
});

describe('adoptHook', () => {
  it('replaces lint-staged in place and keeps every other command in order', () => {
    const adopted = adoptHook(
      'pre-commit',
      '#!/usr/bin/env sh\n. "$(dirname -- "$0")/_/husky.sh"\n\nnpx lint-staged\nnode scripts/check-licenses.mjs\n',
      OWN['pre-commit'],
    );
    expect(adopted.text).toBe(`#!/usr/bin/env sh\n\n${OWN['pre-commit']}\nnode scripts/check-licenses.mjs\n`);
    expect(adopted.changes.map((change) => [change.action, change.line])).toEqual([
      ['removed', '. "$(dirname -- "$0")/_/husky.sh"'],
      ['replaced', 'npx lint-staged'],
      ['added', OWN['pre-commit']],
      ['kept', 'node scripts/check-licenses.mjs'],
    ]);
    const shown = describeAdoption(adopted.changes);
    expect(shown).toContain(
      '- npx lint-staged   (replaced: by `shipwright hook pre-commit`: shipwright hook pre-commit runs lint-staged itself)',
    );
    expect(shown).toContain('= node scripts/check-licenses.mjs   (kept: your command; it still runs)');
  });

  it('a pre-push that runs the tests keeps them, with shipwright’s check first', () => {
    const adopted = adoptHook('pre-push', 'npm test\n', OWN['pre-push']);
    expect(adopted.text).toBe(`${OWN['pre-push']}\nnpm test\n`);
    expect(adopted.changes).toEqual([
      { line: 'npm test', action: 'kept', why: 'your command; it still runs' },
      { line: OWN['pre-push'], action: 'added', why: 'runs `shipwright hook pre-push`' },
    ]);
  });

  it('the commitizen prompt goes; a hook with nothing left has empty text', () => {
    const adopted = adoptHook('prepare-commit-msg', 'exec < /dev/tty && npx cz --hook || true\n', null);
    expect(adopted.text).toBe('');
    expect(adopted.changes).toEqual([
      expect.objectContaining({ action: 'removed', line: 'exec < /dev/tty && npx cz --hook || true' }),
    ]);
  });

  it('a compound line that runs lint-staged is kept and reported as running twice', () => {
    const adopted = adoptHook('pre-commit', 'npx lint-staged && npm run build\n', OWN['pre-commit']);
    expect(adopted.doubled).toEqual(['npx lint-staged && npm run build']);
    expect(adopted.text).toBe(`${OWN['pre-commit']}\nnpx lint-staged && npm run build\n`);
  });

  it('adopting an adopted hook changes nothing', () => {
    const first = adoptHook(
      'commit-msg',
      'npx --no -- commitlint --edit "$1"\nnode scripts/add-ticket.mjs "$1"\n',
      OWN['commit-msg'],
    );
    expect(runsShipwrightHook(first.text, 'commit-msg')).toBe(true);
    const second = adoptHook('commit-msg', first.text, OWN['commit-msg']);
    expect(second.changed).toBe(false);
    expect(second.text).toBe(first.text);
  });
});
