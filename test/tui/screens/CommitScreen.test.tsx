// The composer on screen: live validation, the exact preview, refusals that keep the message,
// drafts saved while typing and cleared by a commit.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { nothingStaged } from '../../../src/app/plan-commit.js';
import { emptyDraft } from '../../../src/core/commit-composer/compose-message.js';
import { CommitScreen } from '../../../src/tui/screens/CommitScreen.js';
import { renderComposer, toSubject, type ComposerScreen, toCloses } from '../support/composer.js';
import { fakeServices } from '../support/fake-services.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

type Screen = ComposerScreen;

/** From the subject to the preview, skipping body, breaking change and issues. */
async function toPreview(screen: Screen, subject: string): Promise<void> {
  const { frame, stdin } = screen;
  stdin.write(subject);
  await waitFor(() => expect(frame()).toContain(`feat(auth): ${subject}`));
  stdin.write(KEY.enter);
  await waitFor(() => expect(frame()).toContain('Commit · Body (optional)'));
  stdin.write(KEY.tab);
  await waitFor(() => expect(frame()).toContain('Commit · Breaking change (optional)'));
  stdin.write(KEY.enter);
  await waitFor(() => expect(frame()).toContain('Commit · Closes issues (optional)'));
  stdin.write(KEY.enter);
  await waitFor(() => expect(frame()).toContain('Commit · Preview'));
}

describe('CommitScreen', () => {
  it('starts the closes field with the issue the branch names (feature/42-…), which the message then closes', async () => {
    const screen = renderComposer({ issue: 42 });
    await toSubject(screen, 'auth');
    screen.stdin.write('add the login form');
    await waitFor(() => expect(screen.frame()).toContain('feat(auth): add the login form'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Body (optional)'));
    await toCloses(screen);
    expect(screen.frame()).toContain('#42');
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Preview'));
    expect(screen.frame()).toContain('│ Closes #42');
  });

  it('lists the commit types with what they do to the version', async () => {
    const { frame } = renderComposer();
    await waitFor(() => expect(frame()).toMatch(/❯ feat\s+a new feature\s+→ minor/));
    expect(frame()).toMatch(/fix\s+a bug fix\s+→ patch/);
    expect(frame()).toContain('1 staged');
  });

  it('checks the subject live and shows the rules it breaks', async () => {
    const screen = renderComposer();
    await toSubject(screen, 'auth');
    screen.stdin.write('Add the login form.');
    await waitFor(() => expect(screen.frame()).toContain('✖ subject-case: subject must not be sentence-case'));
    expect(screen.frame()).toContain('✖ subject-full-stop: subject may not end with full stop');
    expect(screen.frame()).toContain('31 characters in the header');
    screen.stdin.write(KEY.enter);
    await screen.settled();
    expect(screen.frame()).toContain('Commit · Subject');
    screen.stdin.write(KEY.ctrlU);
    await waitFor(() => expect(screen.frame()).not.toContain('subject-case'));
    screen.stdin.write('add the login form');
    await waitFor(() => expect(screen.frame()).toContain('feat(auth): add the login form'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Body (optional)'));
  });

  it('previews the exact message and commits exactly that', async () => {
    const screen = renderComposer();
    await toSubject(screen, 'auth');
    screen.stdin.write('add the login form');
    await waitFor(() => expect(screen.frame()).toContain('feat(auth): add the login form'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Body (optional)'));
    screen.stdin.write('Sessions need a way in.\r\nFirst of two.');
    await waitFor(() => expect(screen.frame()).toContain('First of two.'));
    await toCloses(screen);
    screen.stdin.write('#12, 14\r');
    await waitFor(() => expect(screen.frame()).toContain('Commit · Preview'));
    const box = screen
      .frame()
      .split('\n')
      .filter((line) => line.startsWith('│'))
      .map((line) => line.replace(/^│ /, '').replace(/\s*│$/, ''));
    expect(box).toEqual([
      'feat(auth): add the login form',
      '',
      'Sessions need a way in.',
      'First of two.',
      '',
      'Closes #12',
      'Closes #14',
    ]);
    screen.stdin.write('y');
    await waitFor(() => expect(screen.frame()).toContain('✓ Committed.'));
    expect(screen.frame()).toContain(
      'Next: push it (git push) and open a pull request from feature/42-login-form into dev.',
    );
    expect(screen.calls.plans).toEqual([
      {
        title: 'Commit',
        steps: [
          {
            kind: 'commit',
            message:
              'feat(auth): add the login form\n\nSessions need a way in.\nFirst of two.\n\nCloses #12\nCloses #14\n',
            description: 'commit',
          },
        ],
      },
    ]);
  });

  it('saves the draft while typing and clears it after a successful commit', async () => {
    const screen = renderComposer();
    await toSubject(screen, 'auth');
    await toPreview(screen, 'add the login form');
    expect(screen.calls.drafts.at(-1)).toEqual({
      ...emptyDraft(),
      type: 'feat',
      scope: 'auth',
      subject: 'add the login form',
    });
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('✓ Committed.'));
    expect(screen.calls.drafts.at(-1)).toBeNull();
    screen.stdin.write('q');
    await waitFor(() => expect(screen.close).toHaveBeenCalled());
  });

  it('does not save a draft nobody typed (a type chosen by default)', async () => {
    const screen = renderComposer();
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    screen.stdin.write('q');
    await waitFor(() => expect(screen.close).toHaveBeenCalled());
    expect(screen.calls.drafts.filter((draft) => draft !== null)).toEqual([]);
  });

  it('shows the hook’s output when the commit is refused, once, and keeps the message', async () => {
    const hook =
      'shipwright: direct commits on dev are not allowed in this gitflow repository\nhusky - pre-commit script failed (code 1)';
    const screen = renderComposer({
      run: () => ({
        ok: false,
        output: `${hook}\n`,
        error: `Step 1 (commit) failed: git did not make the commit:\n${hook}\nNothing had been changed yet.`,
      }),
    });
    await toSubject(screen, 'auth');
    await toPreview(screen, 'add the login form');
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Not committed'));
    expect(screen.frame()).toContain('✗ The commit was not made. Your message is kept: e edits it, r tries again.');
    expect(screen.frame().match(/direct commits on dev are not allowed/g)).toHaveLength(1);
    expect(screen.frame()).toContain('husky - pre-commit script failed (code 1)');
    expect(screen.frame()).toContain('│ feat(auth): add the login form');
    expect(screen.calls.drafts.at(-1)).toMatchObject({ subject: 'add the login form' });
    screen.stdin.write('e');
    await waitFor(() => expect(screen.frame()).toContain('Commit · Subject'));
    expect(screen.frame()).toContain('feat(auth): add the login form');
  });

  it('says what to stage when the index was emptied before the commit (planCommit refuses it)', async () => {
    const { services, calls } = fakeServices();
    services.planCommit = async () => {
      throw nothingStaged({
        files: [],
        staged: [],
        unstaged: [{ path: 'src/login.ts', index: ' ', worktree: 'M' }],
        clean: false,
      });
    };
    const screen = {
      ...renderScreen(<CommitScreen services={services} close={vi.fn()} />),
      calls,
      close: vi.fn(),
    };
    await toSubject(screen, 'auth');
    await toPreview(screen, 'add the login form');
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Not committed'));
    expect(screen.frame()).toContain('Nothing is staged, so there is nothing to commit.');
    expect(screen.frame()).toContain('stage your changes first: git add src/login.ts');
    expect(calls.plans).toEqual([]);
  });

  it('restores an unfinished draft into the fields', async () => {
    const draft = { ...emptyDraft(), type: 'fix', scope: 'api', subject: 'handle empty pages' };
    const screen = renderComposer({ draft });
    await waitFor(() =>
      expect(screen.frame()).toContain('Restored your unfinished draft: fix(api): handle empty pages'),
    );
    expect(screen.frame()).toContain('❯ fix');
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Scope (optional)'));
    expect(screen.frame()).toMatch(/fix\(api ?\)/);
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('fix(api): handle empty pages'));
  });

  it('discards a restored draft with d: the fields empty, the saved draft deleted', async () => {
    const draft = { ...emptyDraft(), type: 'fix', scope: 'api', subject: 'handle empty pages' };
    const screen = renderComposer({ draft });
    await waitFor(() =>
      expect(screen.frame()).toContain('Restored your unfinished draft: fix(api): handle empty pages · d discards it'),
    );
    expect(screen.frame()).toContain('d discard the draft');
    screen.stdin.write('d');
    await waitFor(() => expect(screen.frame()).not.toContain('Restored your unfinished draft'));
    expect(screen.frame()).toContain('❯ feat');
    expect(screen.frame()).not.toContain('d discard the draft');
    await waitFor(() => expect(screen.calls.drafts.at(-1)).toBeNull());
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('Commit · Scope (optional)'));
    expect(screen.frame()).not.toContain('fix(api');
  });

  it('offers to stage everything when nothing is staged', async () => {
    const screen = renderComposer({ staged: [], unstaged: ['README.md', 'src/app.ts'] });
    await waitFor(() =>
      expect(screen.frame()).toContain(
        'Nothing is staged. 2 changed files — space stages the selected one, a stages them all.',
      ),
    );
    expect(screen.frame()).toContain('README.md');
    screen.stdin.write('a');
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    expect(screen.calls.stagedAll).toBe(1);
    expect(screen.frame()).toContain('2 staged');
  });

  it('completes a scope from the suggestions with Tab', async () => {
    const screen = renderComposer();
    await waitFor(() => expect(screen.frame()).toContain('❯ feat'));
    screen.stdin.write(KEY.enter);
    await waitFor(() => expect(screen.frame()).toContain('suggestions: auth, api'));
    screen.stdin.write('ap');
    await waitFor(() => expect(screen.frame()).toContain('suggestions: api'));
    screen.stdin.write(KEY.tab);
    await waitFor(() => expect(screen.frame()).toMatch(/feat\(api ?\)/));
  });
});

describe('CommitScreen: / filters the commit types', () => {
  it('narrows the list as typed, shows how many match, and Enter keeps it for the list', async () => {
    const screen = renderComposer();
    const { frame, stdin } = screen;
    await waitFor(() => expect(frame()).toContain('❯ feat'));
    expect(frame()).toContain('⏎ choose · s files · / filter · esc/q close (draft kept)');
    stdin.write('/');
    await waitFor(() => expect(frame()).toContain('⏎ keep filter · esc clear filter'));
    stdin.write('doc');
    await waitFor(() => expect(frame()).toContain('1 of 4'));
    expect(frame()).toContain('❯ docs');
    expect(frame()).not.toContain('feat');
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('s files · / filter'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Commit · Scope (optional)'));
    expect(frame()).toContain('docs(');
  });
});
