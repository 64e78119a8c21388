// The router: home opens every screen and every screen leads back home; opened on a screen
// directly (`shipwright commit`), closing it ends the program.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { App } from '../../../src/tui/App.js';
import { manualGate } from '../support/fake-release-services.js';
import { fakeServices } from '../support/fake-services.js';
import { KEY, renderScreen, waitFor } from '../support/render.js';

afterEach(cleanup);

describe('App', () => {
  it('goes from home to the composer and back, and reads the status again on return', async () => {
    const { services } = fakeServices();
    let reads = 0;
    const readStatus = services.readStatus;
    services.readStatus = () => {
      reads += 1;
      return readStatus();
    };
    const { frame, stdin } = renderScreen(<App services={services} initial="home" />);
    await waitFor(() => expect(frame()).toContain('Next version: 1.3.0'));
    stdin.write('c');
    await waitFor(() => expect(frame()).toContain('❯ feat'));
    stdin.write('q');
    await waitFor(() => expect(frame()).toContain('Next version: 1.3.0'));
    expect(reads).toBe(2);
  });

  it('? shows every key of the screen; the key that closes it does nothing else; in a text field ? is typed', async () => {
    const { services } = fakeServices();
    const { frame, stdin } = renderScreen(<App services={services} initial="home" />);
    await waitFor(() => expect(frame()).toContain('? help'));
    stdin.write('?');
    await waitFor(() => expect(frame()).toContain('Keys on this screen'));
    expect(frame()).toMatch(/R\s+release/);
    expect(frame()).toMatch(/p\s+backport/);
    expect(frame()).toMatch(/ctrl\+z\s+suspend/);
    expect(frame()).toContain('any key closes this help');
    // Escape closes the overlay; it does not quit home.
    stdin.write(KEY.escape);
    await waitFor(() => expect(frame()).toContain('Start a branch (b)'));
    expect(frame()).not.toContain('Keys on this screen');
    stdin.write('c');
    await waitFor(() => expect(frame()).toContain('❯ feat'));
    stdin.write(KEY.enter);
    stdin.write(KEY.enter);
    await waitFor(() => expect(frame()).toContain('Commit · Subject'));
    expect(frame()).not.toContain('? help');
    stdin.write('why?');
    await waitFor(() => expect(frame()).toContain('why?'));
    expect(frame()).not.toContain('Keys on this screen');
  });

  it('goes from home to the branch wizard and back with Escape', async () => {
    const { services } = fakeServices();
    const { frame, stdin } = renderScreen(<App services={services} initial="home" />);
    await waitFor(() => expect(frame()).toContain('Start a branch (b)'));
    stdin.write('b');
    await waitFor(() => expect(frame()).toContain('❯ feature'));
    stdin.write(KEY.escape);
    await waitFor(() => expect(frame()).toContain('Start a branch (b)'));
  });

  it('goes from home to the release wizard and back', async () => {
    const { services } = fakeServices();
    const { frame, stdin } = renderScreen(<App services={services} initial="home" />);
    await waitFor(() => expect(frame()).toContain('Release (wizard) (R)'));
    stdin.write('R');
    await waitFor(() => expect(frame()).toContain('❯ suggested'));
    expect(frame()).toContain('shipwright · Trunk release on main · version');
    stdin.write('q');
    await waitFor(() => expect(frame()).toContain('Release (wizard) (R)'));
  });

  it('turns Ctrl-C during a release run into a stop instead of leaving the program', async () => {
    const { gate } = manualGate();
    const { services, calls } = fakeServices({ release: { runGate: gate } });
    const rendered = renderScreen(<App services={services} initial="release" />);
    await waitFor(() => expect(rendered.frame()).toContain('❯ suggested'));
    rendered.stdin.write('\r');
    await waitFor(() => expect(rendered.frame()).toContain('Changelog section'));
    rendered.stdin.write('\r');
    await waitFor(() => expect(rendered.frame()).toContain('push to origin?'));
    rendered.stdin.write('y');
    await waitFor(() => expect(rendered.frame()).toContain('· set version 1.5.0 in package.json'));
    rendered.stdin.write('\u0003');
    await waitFor(() => expect(rendered.frame()).toContain('Stopping:'));
    await waitFor(() => expect(calls.release.stops).toBe(1));
  });

  it('leaves the program on Ctrl-C anywhere else', async () => {
    const { services } = fakeServices();
    const rendered = renderScreen(<App services={services} initial="home" />);
    await waitFor(() => expect(rendered.frame()).toContain('Start a branch (b)'));
    rendered.stdin.write('\u0003');
    await rendered.settled();
    rendered.stdin.write('c');
    await rendered.settled();
    expect(rendered.frame()).not.toContain('Commit ·');
  });

  it('ends the program when a screen opened directly is closed', async () => {
    const { services } = fakeServices();
    const rendered = renderScreen(<App services={services} initial="changelog" />);
    await waitFor(() => expect(rendered.frame()).toContain('Changelog preview'));
    rendered.stdin.write('q');
    // useApp().exit() unmounts: nothing goes back home, and input goes nowhere.
    await rendered.settled();
    rendered.stdin.write('c');
    await rendered.settled();
    expect(rendered.frame()).not.toContain('Start a branch (b)');
    expect(rendered.frame()).not.toContain('Commit ·');
  });
});
