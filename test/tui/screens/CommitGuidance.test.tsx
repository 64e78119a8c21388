// The composer as a demanding terminal user drives it: the editing keys a terminal sends (through
// Ink's own parsing), the body's rules while it is typed, edit going where the problem is.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App } from '../../../src/tui/App.js';
import type { Problem } from '../../../src/core/lint/message-verdict.js';
import { checkHeader } from '../support/data.js';
import { renderComposer, toSubject, type ComposerScreen, toCloses } from '../support/composer.js';
import { fakeServices } from '../support/fake-services.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

type Screen = ComposerScreen;

const subjectLine = (screen: Screen) =>
  screen
    .frame()
    .split('\n')
    .find((line) => line.includes('feat: ')) ?? '';

describe('composer editing keys', () => {
  it('Delete erases right of the cursor, Backspace left', async () => {
    const screen = renderComposer();
    await toSubject(screen);
    screen.stdin.write('abcd');
    await waitFor(() => expect(screen.frame()).toContain('feat: abcd'));
    screen.stdin.write(KEY.left);
    await screen.settled();
    screen.stdin.write(KEY.left);
    await screen.settled();
    screen.stdin.write(KEY.delete);
    await waitFor(() => expect(screen.frame()).toContain('feat: abd'));
    screen.stdin.write(KEY.backspace);
    await waitFor(() => expect(screen.frame()).toContain('feat: ad'));
  });
  it('Ctrl-U clears the line even in the same chunk as text; Ctrl-W erases a word; Home and Ctrl-E move', async () => {
    const screen = renderComposer();
    await toSubject(screen);
    screen.stdin.write('abcd\u0015xy');
    await waitFor(() => expect(subjectLine(screen)).toMatch(/feat: xy/));
    screen.stdin.write('foo bar');
    await waitFor(() => expect(screen.frame()).toContain('xyfoo bar'));
    screen.stdin.write(KEY.ctrlW);
    await waitFor(() => expect(subjectLine(screen)).toMatch(/feat: xyfoo$/));
    screen.stdin.write(KEY.home);
    await screen.settled();
    screen.stdin.write('Z');
    await waitFor(() => expect(subjectLine(screen)).toMatch(/feat: Zxyfoo/));
    screen.stdin.write('\u0005');
    await screen.settled();
    screen.stdin.write('E');
    await waitFor(() => expect(subjectLine(screen)).toMatch(/feat: Zxyfoo E/));
  });
  it('erases and moves by word with the sequences terminals send for Alt and Ctrl; Ctrl-K kills to the end', async () => {
    const screen = renderComposer();
    await toSubject(screen);
    screen.stdin.write('add the csv export');
    await waitFor(() => expect(subjectLine(screen)).toMatch(/feat: add the csv export$/));
    screen.stdin.write('\u001b[1;5D'); // Ctrl-←: before "export"
    await screen.settled();
    screen.stdin.write('\u001bb'); // Alt-B: before "csv"
    await screen.settled();
    screen.stdin.write('\u001b\u007f'); // Alt-Backspace: "the " goes
    await waitFor(() => expect(subjectLine(screen)).toMatch(/feat: add csv export$/));
    screen.stdin.write('\u001b[3;5~'); // Ctrl-Delete: "csv" goes
    await waitFor(() => expect(subjectLine(screen)).toMatch(/feat: add {2}export$/));
    screen.stdin.write('\u000b'); // Ctrl-K
    await waitFor(() => expect(subjectLine(screen)).toMatch(/feat: add$/));
  });

  it('moves between the lines of the body with ↑ and ↓', async () => {
    const screen = renderComposer();
    await toSubject(screen);
    screen.stdin.write('add x');
    await waitFor(() => expect(screen.frame()).toContain('feat: add x'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Body'));
    screen.stdin.write('first line');
    await screen.settled();
    screen.stdin.write(KEY.enter);
    await screen.settled();
    screen.stdin.write('second');
    await waitFor(() => expect(screen.frame()).toContain('second'));
    screen.stdin.write(KEY.up);
    await screen.settled();
    screen.stdin.write('X');
    await waitFor(() => expect(screen.frame()).toContain('first Xline'));
    screen.stdin.write(KEY.down);
    await screen.settled();
    screen.stdin.write('Y');
    await waitFor(() => expect(screen.frame()).toContain('secondY'));
  });

  /** The header rules, and the body's lines at most 20 characters (an error). */
  const shortBody = (message: string): Problem[] => {
    const [header = '', , ...rest] = message.split('\n');
    const long = rest.some((line) => line.length > 20);
    return [
      ...checkHeader(header),
      ...(long
        ? [
            {
              level: 2 as const,
              name: 'body-max-line-length',
              message: "body's lines must not be longer than 20 characters",
            },
          ]
        : []),
    ];
  };

  it('shows the body rules while the body is typed, and e on the preview goes back to the body', async () => {
    const screen = renderComposer({ check: shortBody });
    await toSubject(screen);
    screen.stdin.write('add x');
    await waitFor(() => expect(screen.frame()).toContain('feat: add x'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Body'));
    screen.stdin.write('this line is far too long for the rules');
    await waitFor(() =>
      expect(screen.frame()).toContain("✖ body-max-line-length: body's lines must not be longer than 20 characters"),
    );
    await toCloses(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Preview'));
    expect(screen.frame()).toContain('✖ body-max-line-length');
    expect(screen.frame()).toContain('e edit the body');
    screen.stdin.write('e');
    await waitFor(() => expect(screen.frame()).toContain('Commit · Body (optional)'));
    screen.stdin.write(KEY.ctrlU);
    await waitFor(() => expect(screen.frame()).not.toContain('body-max-line-length'));
  });

  it('reads the staged files again after a refused commit: the count is the index’s, not the one before', async () => {
    const index = { staged: ['src/login.ts'], unstaged: ['src/session.ts'] };
    const screen = renderComposer({
      index,
      run: () => {
        // Another terminal stages a file while the hooks refuse the commit.
        index.staged = ['src/login.ts', 'src/session.ts'];
        index.unstaged = [];
        return { ok: false, output: 'husky - pre-commit script failed (code 1)\n' };
      },
    });
    // Something is left unstaged: the composer opens on the files, and Enter goes on to the type.
    await waitFor(() => expect(screen.frame()).toContain('Commit · Files'));
    screen.stdin.write(KEY.enter);
    await toSubject(screen);
    expect(screen.frame()).toContain('1 staged');
    screen.stdin.write('add x');
    await waitFor(() => expect(screen.frame()).toContain('feat: add x'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Body'));
    await toCloses(screen);
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Preview'));
    screen.stdin.write('y');
    await waitFor(() => expect(screen.frame()).toContain('Commit · Not committed'));
    await waitFor(() => expect(screen.frame()).toContain('2 staged'));
  });

  const ON_DEV = {
    branch: 'dev',
    summary:
      'dev is protected: the pre-commit hook refuses direct commits on dev in this gitflow repository (changes reach it through a branch and a merge).',
    command: 'git switch -c feature/my-change',
  };

  it('warns on a protected branch before the message is written; b opens the branch screen, which leads back', async () => {
    const { services } = fakeServices({ protectedBranch: ON_DEV });
    const screen = renderScreen(<App services={services} initial="commit" />);
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    // Wrapped to the terminal's width: read as one line of words.
    const flat = () => screen.frame().replace(/\s+/g, ' ');
    const top = screen.frame().split('\n').slice(0, 6).join(' ');
    expect(top).toContain('⚠ dev is protected: the pre-commit hook refuses direct commits on dev');
    expect(flat()).toContain('next: b starts a branch for this work');
    expect(flat()).toContain('git switch -c feature/my-change');
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Scope (optional)'));
    // In a text field b is a letter: the warning says where b works.
    expect(flat()).toContain('next: b on the type list (Esc) or the preview starts a branch');
    screen.stdin.write(KEY.escape);
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    screen.stdin.write('b');
    await waitFor(() => expect(screen.frame()).toContain('❯ feature'));
    screen.stdin.write(KEY.escape);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Type'));
  });

  it('says nothing about protection on a branch that takes commits, and b is not a key there', async () => {
    const screen = renderComposer();
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    expect(screen.frame()).not.toContain('protected');
    expect(screen.frame()).not.toContain('starts a branch');
    expect(screen.frame()).not.toContain('b new branch');
  });

  it('starts the issues with the branch’s #42, which can be edited or removed, and saves no draft for it alone', async () => {
    const screen = renderComposer({ issue: 42 });
    await toSubject(screen);
    screen.stdin.write('add search filters');
    await waitFor(() => expect(screen.frame()).toContain('feat: add search filters'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Body'));
    await toCloses(screen);
    expect(screen.frame()).toContain('#42');
    screen.stdin.write(' #7');
    await waitFor(() => expect(screen.frame()).toContain('#42 #7'));
    screen.stdin.write(KEY.ctrlU);
    await waitFor(() => expect(screen.frame()).not.toContain('#42'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Preview'));
    expect(screen.frame()).not.toContain('Closes #');
    expect(screen.calls.drafts.at(-1)).toMatchObject({ subject: 'add search filters', closes: [] });
  });

  it('saves no draft when only the branch’s issue is in it (nobody typed anything)', async () => {
    const screen = renderComposer({ issue: 42 });
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    screen.stdin.write('q');
    await waitFor(() => expect(screen.close).toHaveBeenCalled());
    expect(screen.calls.drafts.filter((draft) => draft !== null)).toEqual([]);
  });

  it('shows the scopes scope-enum allows at the scope step, and Tab completes one', async () => {
    const screen = renderComposer({ scopes: ['web', 'api', 'auth'], scopeEnum: true });
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('allowed by scope-enum: web, api, auth'));
    screen.stdin.write('au');
    await waitFor(() => expect(screen.frame()).toContain('allowed by scope-enum: auth'));
    screen.stdin.write(KEY.tab);
    await waitFor(() => expect(screen.frame()).toMatch(/feat\(auth ?\)/));
  });
});
