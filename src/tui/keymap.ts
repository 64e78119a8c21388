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
  /** Neighbours with the same group share one help-bar entry (`b/c/l/R/h/p screens`); `?` lists each. */
  group?: string;
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

const label = (key: string): string => LABELS[key] ?? key;

/**
 * The help bar's entries: a binding and its neighbours of the same description make one entry
 * (`↑↓/kj move`, the hidden half of a pair included); other hidden bindings are left to the `?` overlay.
 */
export function helpEntries<A extends string>(keymap: Keymap<A>): string[] {
  const groups: KeyBinding<A>[][] = [];
  for (const binding of keymap) {
    const last = groups.at(-1);
    const name = (one: KeyBinding<A>) => one.group ?? one.description;
    if (last && name(last[0]!) === name(binding)) last.push(binding);
    else groups.push([binding]);
  }
  return groups
    .filter((group) => group.some((binding) => !binding.hidden))
    .map((group) => {
      if (group.length === 1) return `${group[0]!.keys.map(label).join('/')} ${group[0]!.description}`;
      const named = group[0]!.group;
      if (named) return `${group.map((binding) => label(binding.keys[0] ?? '')).join('/')} ${named}`;
      const run = (labels: string[]) => labels.join(labels.every((one) => [...one].length === 1) ? '' : '/');
      const first = run(group.map((binding) => label(binding.keys[0] ?? '')));
      const rest = run(group.flatMap((binding) => binding.keys.slice(1).map(label)));
      return `${rest ? `${first}/${rest}` : first} ${group[0]!.description}`;
    });
}

/** `↑↓/kj move · ⏎ choose · q back` */
export function helpText<A extends string>(keymap: Keymap<A>): string {
  return helpEntries(keymap).join(' · ');
}

/**
 * The help bar in `columns`: entries that do not fit are left out whole (never cut mid-word), from
 * the end; the last two (the way back, and `? help`, which lists them all) are always kept.
 */
export function fitHelp(entries: readonly string[], columns: number): string {
  const kept = [...entries];
  const width = (list: readonly string[]) => [...list.join(' · ')].length;
  while (kept.length > 2 && width(kept) > columns) kept.splice(kept.length - 3, 1);
  return kept.join(' · ');
}

/** Every binding with its keys spelled out, for the `?` overlay: `["↑ k", "move"]`. */
export function helpRows<A extends string>(keymap: Keymap<A>): [string, string][] {
  return keymap.map((binding) => [binding.keys.map(label).join(' '), binding.description]);
}
