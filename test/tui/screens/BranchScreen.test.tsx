// The branch wizard on screen: type → name → issue → confirm → created through services.runPlan.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { BranchScreen } from '../../../src/tui/screens/BranchScreen.js';
import { fakeServices, type World } from '../support/fake-services.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

function renderWizard(world: World = {}, preferredType?: string) {
  const { services, calls } = fakeServices(world);
  const back = vi.fn();
  const screen = renderScreen(
    <BranchScreen services={services} back={back} {...(preferredType ? { preferredType } : {})} />,
  );
  return { ...screen, calls, back };
}

describe('BranchScreen', () => {
  it('lists the branch types with their prefix, base and description', async () => {
    const { frame } = renderWizard();
    await waitFor(() => expect(frame()).toMatch(/❯ feature\s+feature\/\s+from dev\s+a new capability/));
    expect(frame()).toMatch(/hotfix\s+hotfix\/\s+from main\s+an urgent fix for production/);
    expect(frame()).toContain('shipwright · Start a branch · feature from dev');
  });

  it('starts at the preferred type (`shipwright branch hotfix`)', async () => {
    const { frame } = renderWizard({}, 'hotfix');
    await waitFor(() => expect(frame()).toContain('❯ hotfix'));
  });

  it('creates the branch through services.runPlan with the plan for the typed name and issue', async () => {
    const { frame, stdin, calls } = renderWizard();
    await waitFor(() => expect(frame()).toContain('❯ feature'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Name:'));
    stdin.write('Login form');
    await waitFor(() => expect(frame()).toContain('Branch: feature/login-form from dev'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Issue number (optional):'));
    stdin.write('42\r');
    await waitFor(() => expect(frame()).toContain('Create feature/42-login-form from dev and switch to it?'));
    expect(calls.branchRequests).toEqual([{ type: 'feature', name: 'Login form', issue: 42 }]);
    expect(calls.plans).toEqual([]);
    stdin.write('y');
    await waitFor(() => expect(frame()).toContain('✓ On feature/42-login-form (from dev).'));
    expect(frame()).toContain('Next: make your change, then commit it: c on the home screen, or shipwright commit.');
    expect(calls.plans).toEqual([
      {
        title: 'Start feature/42-login-form',
        steps: [
          {
            kind: 'create-branch',
            name: 'feature/42-login-form',
            from: 'dev',
            description: 'create feature/42-login-form from dev and switch to it',
          },
        ],
      },
    ]);
  });

  it('takes a name typed in one burst with Enter', async () => {
    const { frame, stdin } = renderWizard();
    await waitFor(() => expect(frame()).toContain('❯ feature'));
    stdin.write('j');
    await waitFor(() => expect(frame()).toContain('❯ fix'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Name:'));
    stdin.write('empty search\r');
    await waitFor(() => expect(frame()).toContain('Issue number (optional):'));
    expect(frame()).toContain('Branch: fix/empty-search from dev');
  });

  it('refuses a name whose branch exists, live, and does not go on', async () => {
    const { frame, stdin, settled } = renderWizard({ branches: ['main', 'dev', 'feature/login'] });
    await waitFor(() => expect(frame()).toContain('❯ feature'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Name:'));
    stdin.write('login');
    await waitFor(() => expect(frame()).toContain("✗ a branch 'feature/login' already exists"));
    stdin.write(KEY.enter);
    await settled();
    expect(frame()).not.toContain('Issue number');
    stdin.write(' form');
    await waitFor(() => expect(frame()).not.toContain('already exists'));
  });

  it('shows the plan’s warnings before creating', async () => {
    const { frame, stdin } = renderWizard({
      branchWarnings: [
        'dev is 2 commits behind origin/dev; update it first with: git switch dev && git pull --ff-only',
      ],
    });
    await waitFor(() => expect(frame()).toContain('❯ feature'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Name:'));
    stdin.write('x\r');
    await waitFor(() => expect(frame()).toContain('Issue number'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('⚠ dev is 2 commits behind origin/dev'));
  });

  it('shows what git said when creating fails', async () => {
    const { frame, stdin } = renderWizard({
      run: () => ({ ok: false, output: '', error: 'fatal: invalid reference: dev' }),
    });
    await waitFor(() => expect(frame()).toContain('❯ feature'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Name:'));
    stdin.write('x\r');
    await waitFor(() => expect(frame()).toContain('Issue number'));
    stdin.write('\r');
    await waitFor(() => expect(frame()).toContain('Create feature/x'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('✗ fatal: invalid reference: dev'));
  });

  it('goes back with Escape and leaves from the list', async () => {
    const { frame, stdin, back } = renderWizard();
    await waitFor(() => expect(frame()).toContain('❯ feature'));
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Name:'));
    stdin.write(KEY.escape);
    await waitFor(() => expect(frame()).toContain('❯ feature'));
    stdin.write('q');
    await waitFor(() => expect(back).toHaveBeenCalled());
  });
});
