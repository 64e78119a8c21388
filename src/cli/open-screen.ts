// A command typed alone on a terminal opens its TUI screen (`shipwright release`, `hotfix`,
// `backport`); with any argument or flag it stays the plain command, as scripts and CI use it.
import { loadTui } from './load-tui.js';
import { openRepo } from '../app/open-repo.js';
import type { ScreenName } from '../tui/App.js';
import type { CommandContext, CommandSpec } from './command.js';

/**
 * The TUI needs a terminal that can move its cursor: `TERM=dumb` (Emacs shells, some CI consoles)
 * gets the plain command's output, as a pipe does.
 */
export const drawsScreens = (io: CommandContext['io']): boolean => io.interactive && io.env.TERM !== 'dumb';

/** True when nothing but global flags (--cwd, --no-color) was given and there is a terminal. */
export const typedAlone = ({ io, args }: CommandContext, spec: CommandSpec): boolean =>
  drawsScreens(io) &&
  args.positionals.length === 0 &&
  Object.keys(spec.options).every((name) => args.values[name] === undefined);

export async function openScreen({ io, cwd }: CommandContext, screen: ScreenName): Promise<number> {
  // The TUI bundle (Ink, React) loads while git answers, not after.
  const tui = loadTui();
  const repo = await openRepo(cwd);
  const { openTui } = await tui;
  return openTui(repo, { screen, color: io.color });
}
