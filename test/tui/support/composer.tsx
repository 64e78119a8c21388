// The composer screen rendered on fake services, and the walk to its subject field, shared by the
// composer's screen tests.
import { expect, vi } from 'vitest';
import { CommitScreen } from '../../../src/tui/screens/CommitScreen.js';
import { fakeServices, type World } from './fake-services.js';
import { KEY, renderScreen, waitFor } from './render.js';

export function renderComposer(world: World = {}) {
  const { services, calls } = fakeServices(world);
  const close = vi.fn();
  return { ...renderScreen(<CommitScreen services={services} close={close} />), calls, close };
}

export type ComposerScreen = ReturnType<typeof renderComposer>;

/** feat chosen, `scope` typed (none when empty), and on to the subject. */
export async function toSubject({ frame, stdin }: ComposerScreen, scope = ''): Promise<void> {
  await waitFor(() => expect(frame()).toContain('❯ feat'));
  stdin.write(KEY.enter);
  await waitFor(() => expect(frame()).toContain('Commit · Scope (optional)'));
  if (scope) {
    stdin.write(scope);
    await waitFor(() => expect(frame()).toContain(`feat(${scope}`));
  }
  stdin.write(KEY.enter);
  await waitFor(() => expect(frame()).toContain('Commit · Subject'));
}

/** From the body: Tab past it and Enter past the breaking change, onto the closes field. */
export async function toCloses({ frame, stdin }: ComposerScreen): Promise<void> {
  stdin.write(KEY.tab);
  await waitFor(() => expect(frame()).toContain('Commit · Breaking change (optional)'));
  stdin.write(KEY.enter);
  await waitFor(() => expect(frame()).toContain('Commit · Closes issues (optional)'));
}
