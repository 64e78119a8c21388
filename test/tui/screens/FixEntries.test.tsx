// Home's ways into the hotfix wizard and the backport matrix: their menu rows and keys (h, p; the
// "fixes missing" warning names p), and the router taking each there and back home.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/tui/App.js';
import { HomeScreen } from '../../../src/tui/screens/HomeScreen.js';
import { fakeServices } from '../support/fake-services.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

describe('home → hotfix and backport', () => {
  it.each([
    ['h', 'hotfix'],
    ['p', 'backport'],
  ])('%s opens %s; the menu shows the key and the help bar stays as it was', async (letter, target) => {
    const open = vi.fn();
    const { frame, stdin } = renderScreen(<HomeScreen services={fakeServices().services} open={open} quit={vi.fn()} />);
    await waitFor(() => expect(frame()).toContain('⚠ fixes on main missing from dev (1) · p backports'));
    expect(frame()).toContain('Hotfix (start or finish) (h)');
    expect(frame()).toContain('Backport fixes (matrix) (p)');
    expect(frame()).toContain('↑↓/kj move · ⏎ open · b/c/l/R/h/p screens · r refresh · q/esc quit · ? help');
    stdin.write(letter);
    await waitFor(() => expect(open).toHaveBeenCalledWith(target));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens the backport matrix from home and comes back with q', async () => {
    const { frame, stdin } = renderScreen(<App services={fakeServices().services} initial="home" />);
    await waitFor(() => expect(frame()).toContain('Backport fixes (matrix) (p)'));
    stdin.write('p');
    await waitFor(() => expect(frame()).toContain('❯ a1a1a1a fix(export)'));
    stdin.write('q');
    await waitFor(() => expect(frame()).toContain('Backport fixes (matrix) (p)'));
  });

  it('opens the hotfix wizard from the menu with Enter and comes back with Escape', async () => {
    const { frame, stdin } = renderScreen(<App services={fakeServices().services} initial="home" />);
    await waitFor(() => expect(frame()).toContain('❯ Start a branch'));
    stdin.write('jjjj');
    await waitFor(() => expect(frame()).toContain('❯ Hotfix (start or finish)'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Which release needs the fix?'));
    stdin.write(KEY.escape);
    await waitFor(() => expect(frame()).toContain('Hotfix (start or finish) (h)'));
  });
});
