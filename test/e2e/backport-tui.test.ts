// End to end, as a person uses it: the built CLI in a real terminal (tmux), on a repository where
// main has a fix dev lacks. Open the backport matrix from home, mark the cell, plan, confirm — then
// ask git: dev has the pick with its `(cherry picked from commit …)` line, and the user's branch,
// working tree (a modified and an untracked file) and worktree list are exactly as they were.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SHIPWRIGHT_BIN } from '../../scripts/demo-repo.mjs';
import { ensureBuiltCli } from './support/built-cli.js';
import { terminalEnv } from './support/terminal-env.js';
import { HAS_TMUX, openTerminal, type Terminal } from './support/tmux.js';

const suite = HAS_TMUX ? describe : describe.skip;

suite(
  HAS_TMUX
    ? 'the backport matrix in a terminal (tmux)'
    : 'the backport matrix in a terminal — skipped: tmux is not installed',
  () => {
    let root: string;
    let repo: string;
    let home: string;
    let term: Terminal | undefined;
    let fix: string;

    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: repo,
        encoding: 'utf8',
        env: { ...terminalEnv(home), GIT_AUTHOR_DATE: '@1717200000 +0000', GIT_COMMITTER_DATE: '@1717200000 +0000' },
      }).trim();
    const commit = (message: string, path: string, content: string): string => {
      writeFileSync(join(repo, path), content);
      git('add', path);
      git('commit', '-q', '--no-verify', '-m', message);
      return git('rev-parse', 'HEAD');
    };
    /** Everything of the user's that a backport must leave alone. */
    const userState = () => ({
      head: git('symbolic-ref', 'HEAD'),
      main: git('rev-parse', 'main'),
      status: git('status', '--porcelain', '--untracked-files=all'),
      readme: readFileSync(join(repo, 'README.md'), 'utf8'),
      scratch: readFileSync(join(repo, 'scratch.txt'), 'utf8'),
    });

    beforeAll(async () => {
      await ensureBuiltCli();
    }, 120_000);

    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'shipwright-e2e-backport-'));
      repo = join(root, 'repo');
      home = join(root, 'home');
      mkdirSync(repo);
      mkdirSync(home);
      git('init', '-q', '--initial-branch=main');
      for (const [key, value] of [
        ['user.name', 'Ada Lovelace'],
        ['user.email', 'ada@example.com'],
        ['commit.gpgsign', 'false'],
        ['tag.gpgsign', 'false'],
      ] as const)
        git('config', key, value);
      commit('chore: initial commit', 'export.js', 'export const toCsv = (rows) => rows.join("\\n");\n');
      commit('docs: readme', 'README.md', '# taskboard\n');
      git('tag', '-a', '-m', 'v1.0.0', 'v1.0.0');
      git('branch', 'dev');
      fix = commit(
        'fix(export): keep leading zeros in CSV cells',
        'export.js',
        'export const toCsv = (rows) => rows.map((r) => `"${r}"`).join("\\n");\n',
      );
      // The user's own unfinished work on main: none of it may move.
      writeFileSync(join(repo, 'README.md'), '# taskboard\n\nWork in progress.\n');
      writeFileSync(join(repo, 'scratch.txt'), 'untracked notes\n');
    });

    afterEach(() => {
      term?.kill();
      term = undefined;
      rmSync(root, { recursive: true, force: true });
    });

    /** The shell in the repository, the TUI opened on home and then on the backport matrix. */
    async function openMatrix(): Promise<Terminal> {
      const t = openTerminal({ cwd: repo, env: terminalEnv(home) });
      term = t;
      await t.waitFor('e2e$');
      t.type(`node ${SHIPWRIGHT_BIN}`);
      t.press('Enter');
      await t.waitFor('fixes on main missing from dev (1) · p backports');
      t.type('p');
      await t.waitFor(/❯ [0-9a-f]{7,} fix\(export\): keep leading zeros/);
      await t.waitFor('on dev: missing — space selects it');
      return t;
    }

    it('marks the missing cell, backports it in a private worktree and leaves the working tree alone', async () => {
      const before = userState();
      const devBefore = git('rev-parse', 'dev');
      const t = await openMatrix();
      for (const line of t.screen({ joined: true }).split('\n'))
        expect([...line.trimEnd()].length, line).toBeLessThanOrEqual(80);
      t.press('Space');
      await t.waitFor('1 marked');
      t.press('Enter');
      await t.waitFor('Backport? Nothing is pushed, and your working tree is not touched.');
      expect(t.screen()).toMatch(/pick [0-9a-f]{7} "fix\(export\): keep leading zeros in CSV cells" onto dev/);
      t.type('y');
      await t.waitFor('✓ Backported.', 30_000);
      expect(t.screen()).toContain('dev: 1 picked.');

      expect(git('log', '-1', '--format=%B', 'dev')).toContain(`(cherry picked from commit ${fix})`);
      expect(git('rev-parse', 'dev^')).toBe(devBefore);
      expect(git('show', 'dev:export.js')).toBe(git('show', `${fix}:export.js`));
      expect(userState()).toEqual(before);
      expect(
        git('worktree', 'list', '--porcelain')
          .split('\n')
          .filter((line) => line.startsWith('worktree ')),
      ).toHaveLength(1);
      expect(existsSync(join(repo, '.git', 'shipwright'))).toBe(false);

      // Back to the matrix, read again: nothing is missing any more.
      t.press('Enter');
      await t.waitFor('✓ Every fix on main is on dev: nothing to backport.');
    });

    it('with six maintenance branches draws every column, starts on a cell to pick and scrolls when narrow', async () => {
      // dev already has the fix, so the first cell with something to pick is in the second column.
      git('switch', '-q', 'dev');
      git('cherry-pick', '-x', fix);
      git('switch', '-q', 'main');
      for (const line of ['1.x', '2.x', '3.x', '4.x', '5.x', '6.x']) git('branch', line, 'v1.0.0');
      const t = openTerminal({ cwd: repo, env: terminalEnv(home), width: 120, height: 30 });
      term = t;
      await t.waitFor('e2e$');
      t.type(`node ${SHIPWRIGHT_BIN} backport`);
      t.press('Enter');
      const screen = await t.waitFor(/❯ [0-9a-f]{7,} fix\(export\)/);
      const header = screen.split('\n').find((line) => line.includes('✓ there'))!;
      const row = screen.split('\n').find((line) => line.includes('❯'))!;
      const names = ['dev', '6.x', '5.x', '4.x', '3.x', '2.x', '1.x'];
      for (const name of names) expect(header).toContain(name);
      // One cell per column, the last one too, under its name: ✓ for dev, · (the cursor's in brackets) for the rest.
      const cells = row.slice(header.indexOf('dev') - 1).match(/[✓·●]/g);
      expect(cells).toEqual(['✓', '·', '·', '·', '·', '·', '·']);
      expect(row.lastIndexOf('·')).toBeGreaterThanOrEqual(header.indexOf('1.x') - 1);
      expect(row).toMatch(/✓\s+\[·\]/);
      expect(screen).toContain('on 6.x: missing — space selects it');

      // Narrowed to 80 columns, five branches fit; the others are one key away.
      t.resize(80, 24);
      await t.waitFor('2 more branches →');
      t.press('Right', 'Right', 'Right', 'Right', 'Right');
      await t.waitFor('on 1.x: missing — space selects it');
      expect(t.screen()).toContain('← 2 more branches');
      for (const line of t.screen({ joined: true }).split('\n'))
        expect([...line.trimEnd()].length, line).toBeLessThanOrEqual(80);
    });

    it('stops on a conflict: c is refused while unresolved, then concludes the pick once resolved', async () => {
      git('switch', '-q', 'dev');
      commit('chore: rewrite the export on dev', 'export.js', 'export const toCsv = () => "dev rewrote this";\n');
      git('switch', '-q', 'main');
      const before = userState();
      const t = await openMatrix();
      t.press('Space');
      await t.waitFor('1 marked');
      t.press('Enter');
      await t.waitFor('Backport? Nothing is pushed');
      t.type('y');
      await t.waitFor('Backport fixes · conflict · on dev', 30_000);
      expect(t.screen()).toContain('    export.js');
      expect(t.screen()).toContain('Resolve them in this private worktree (your own working tree is untouched):');
      t.type('c');
      await t.waitFor(/✗ pick [0-9a-f]{7} "fix\(export\): keep leading zeros in CSV cells" onto dev still has/);
      const worktree = t.screen({ joined: true }).match(/untouched\):\n {2}(\S+)/)?.[1] ?? '';
      expect(worktree).toContain(join('.git', 'shipwright', 'worktrees'));
      // Each file's line says where it stands, as git sees it, and follows the user's edits.
      await t.waitFor('export.js  conflict markers left: edit it');
      const unmerged = (dir: string) =>
        execFileSync('git', ['-C', dir, 'diff', '--name-only', '--diff-filter=U'], {
          env: terminalEnv(home),
          encoding: 'utf8',
        }).trim();
      // git add takes the file with its markers: that is not "staged ✓".
      execFileSync('git', ['-C', worktree, 'add', 'export.js'], { env: terminalEnv(home) });
      await t.waitFor('export.js  staged, markers remain: edit them out, then git add export.js');
      expect(t.screen()).not.toContain('staged ✓');
      expect(unmerged(worktree)).toBe('');
      writeFileSync(
        join(worktree, 'export.js'),
        'export const toCsv = (rows) => rows.map((r) => `"${r}"`).join(";");\n',
      );
      await t.waitFor('export.js  resolved, not staged: press g / git add export.js');
      t.type('g');
      await t.waitFor('export.js  staged ✓');
      const staged = execFileSync('git', ['-C', worktree, 'diff', '--name-only'], {
        env: terminalEnv(home),
        encoding: 'utf8',
      }).trim();
      expect(staged).toBe('');
      t.type('c');
      await t.waitFor('✓ Backported.', 30_000);
      // The pick whose conflict was settled is listed done (with what became of it), not passed over.
      expect(t.screen()).toMatch(
        /✓ pick [0-9a-f]{7} "fix\(export\): keep leading zeros in CSV cells" onto dev \(conflic/,
      );
      expect(t.screen()).not.toContain('↷');

      expect(git('log', '-1', '--format=%B', 'dev')).toContain(`(cherry picked from commit ${fix})`);
      expect(git('show', 'dev:export.js')).toContain('join(";")');
      expect(userState()).toEqual(before);
      expect(existsSync(worktree)).toBe(false);
      expect(existsSync(join(repo, '.git', 'shipwright'))).toBe(false);
    });
  },
);
