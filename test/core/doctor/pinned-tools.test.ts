// doctor on the lint-staged and commitlint a project pins, from data.
import { describe, expect, it } from 'vitest';
import { checkPinnedCommitlint, checkPinnedLintStaged } from '../../../src/core/doctor/doctor-check.js';

const OWN = '^16.4.0';

describe('checkPinnedLintStaged', () => {
  it('names the lint-staged pre-commit runs, and why when it is not the pinned one', () => {
    const check = (declared: string | null, installed: string | null, install = 'npm install') =>
      checkPinnedLintStaged({ declared, installed, own: OWN }, '13.0.0', install);
    expect(check(null, null)).toEqual({
      id: 'lint-staged-version',
      status: 'ok',
      summary: "pre-commit runs shipwright's own lint-staged ^16.4.0 (the project pins none)",
    });
    expect(check('^15.2.0', '15.2.10').summary).toBe(
      "pre-commit runs the project's lint-staged 15.2.10 (package.json: ^15.2.0; shipwright's own: ^16.4.0)",
    );
    const old = check('^11.0.0', '11.2.6', 'pnpm install');
    expect(old.status).toBe('warn');
    expect(old.summary).toContain("older than 13.0.0, whose API pre-commit calls: it runs shipwright's own ^16.4.0");
    expect(old.fix).toBe('pnpm add -D lint-staged@^16');
    const missing = check('^15.0.0', null, 'yarn install');
    expect(missing.status).toBe('warn');
    expect(missing.fix).toBe('yarn install');
    expect(check('^15.0.0', '14.0.1').summary).toBe(
      'package.json pins lint-staged ^15.0.0, but node_modules has 14.0.1',
    );
  });
});

describe('checkPinnedCommitlint', () => {
  it('states a different major and how to align them; says nothing when the project pins none', () => {
    expect(checkPinnedCommitlint({ declared: null, installed: null, own: '^20.5.3' }, 'npm install')).toBeNull();
    const same = checkPinnedCommitlint({ declared: '^20.1.0', installed: '20.1.0', own: '^20.5.3' }, 'npm install');
    expect(same?.status).toBe('ok');
    const older = checkPinnedCommitlint({ declared: '17.7.1', installed: '17.7.1', own: '^20.5.3' }, 'npm install');
    expect(older?.status).toBe('warn');
    expect(older?.summary).toContain('the project pins @commitlint/cli 17.7.1 (package.json: 17.7.1)');
    expect(older?.summary).toContain('runs 17.x and may judge a message differently');
    expect(older?.fix).toMatch(/^npm install --save-dev @commitlint\/cli@\^20 @commitlint\/config-conventional@\^20/);
  });
});
