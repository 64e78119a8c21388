// Keymaps are data: each screen lists its bindings, input is matched against them, and the help
// bar is drawn from the same list, so what the bar says is what the keys do.
import type { Key } from 'ink';

export interface KeyBinding<A extends string> {
  /** 'q', 'escape', 'return', 'up', 'down', 'left', 'right', 'tab', 'pageup', 'pagedown', 'space', 'ctrl+s', … */
  keys: readonly string[];
  action: A;
  description: string;
  /** Left out of the help bar (e.g. vim-style duplicates). */
  hidden?: boolean;
}

export type Keymap<A extends string> = readonly KeyBinding<A>[];

/** The name of a key press in the notation keymaps use. */
export function keyName(input: string, key: Key): string {
  if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
  if (key.return) return 'return';
  if (key.escape) return 'escape';
  if (key.tab) return key.shift ? 'shift+tab' : 'tab';
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.leftArrow) return 'left';
  if (key.rightArrow) return 'right';
  if (key.pageUp) return 'pageup';
  if (key.pageDown) return 'pagedown';
  if (key.backspace || key.delete) return 'backspace';
  if (input === ' ') return 'space';
  return input;
}

export function matchKey<A extends string>(keymap: Keymap<A>, input: string, key: Key): A | null {
  const name = keyName(input, key);
  return keymap.find((binding) => binding.keys.includes(name))?.action ?? null;
}

const LABELS: Record<string, string> = {
  return: '⏎',
  escape: 'esc',
  up: '↑',
  down: '↓',
  left: '←',
  right: '→',
  tab: 'tab',
  space: 'space',
  pageup: 'pgup',
  pagedown: 'pgdn',
};

/** `↑↓ move · ⏎ choose · q back` */
export function helpText<A extends string>(keymap: Keymap<A>): string {
  return keymap
    .filter((binding) => !binding.hidden)
    .map((binding) => `${binding.keys.map((k) => LABELS[k] ?? k).join('/')} ${binding.description}`)
    .join(' · ');
}
