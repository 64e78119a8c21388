// Keymaps as data: key names, matching, and the help bar drawn from the same list.
import { describe, expect, it } from 'vitest';
import { fitHelp, helpEntries, helpRows, helpText, keyName, matchKey, type Keymap } from '../../src/tui/keymap.js';
import { BRANCH_KEYS } from '../../src/tui/models/branch-model.js';
import { COMPOSER_KEYS } from '../../src/tui/models/commit-model.js';
import { homeKeymap } from '../../src/tui/models/home-model.js';
import { ctrl, NO_KEY, press, text } from './support/keys.js';

const KEYS: Keymap<'up' | 'down' | 'save' | 'quit'> = [
  { keys: ['up', 'k'], action: 'up', description: 'move', hidden: true },
  { keys: ['down', 'j'], action: 'down', description: 'move' },
  { keys: ['ctrl+s'], action: 'save', description: 'save' },
  { keys: ['q', 'escape'], action: 'quit', description: 'quit' },
];

describe('keyName', () => {
  // [the key as a person names it, its name in a keymap, what Ink reports]
  it.each([
    ['Enter', 'return', press('return')],
    ['Escape', 'escape', press('escape')],
    ['Tab', 'tab', press('tab')],
    ['Shift-Tab', 'shift+tab', press('tab', { shift: true })],
    ['Up', 'up', press('up')],
    ['Down', 'down', press('down')],
    ['Left', 'left', press('left')],
    ['Right', 'right', press('right')],
    ['Page Up', 'pageup', press('pageup')],
    ['Page Down', 'pagedown', press('pagedown')],
    ['Backspace', 'backspace', press('backspace')],
    ['Delete', 'backspace', press('delete')],
    ['the space bar', 'space', text(' ')],
    ['Ctrl-S', 'ctrl+s', ctrl('S')],
    ['Shift-G', 'G', text('G')],
  ] as const)('%s is named %s', (_key, name, event) => {
    expect(keyName(event.input, event.key)).toBe(name);
  });
});

describe('matchKey', () => {
  it('finds the action bound to a key, hidden bindings included', () => {
    expect(matchKey(KEYS, 'j', NO_KEY)).toBe('down');
    expect(matchKey(KEYS, 'k', NO_KEY)).toBe('up');
    expect(matchKey(KEYS, '', press('escape').key)).toBe('quit');
    expect(matchKey(KEYS, 's', ctrl('s').key)).toBe('save');
  });

  it('returns null for unbound keys and for runs of characters', () => {
    expect(matchKey(KEYS, 'x', NO_KEY)).toBeNull();
    expect(matchKey(KEYS, 's', NO_KEY)).toBeNull();
    expect(matchKey(KEYS, 'jj', NO_KEY)).toBeNull();
  });
});

describe('helpText', () => {
  it('merges neighbours of one description or group into one entry, and leaves lone hidden ones to ?', () => {
    const keymap: Keymap<string> = [
      { keys: ['pageup'], action: 'pageup', description: 'page', hidden: true },
      { keys: ['pagedown', 'space'], action: 'pagedown', description: 'page' },
      { keys: ['b'], action: 'branch', description: 'branch', group: 'screens' },
      { keys: ['c'], action: 'commit', description: 'commit', group: 'screens' },
      { keys: ['x'], action: 'abort', description: 'abort', hidden: true },
    ];
    expect(helpEntries(keymap)).toEqual(['pgup/pgdn/space page', 'b/c screens']);
    expect(helpRows(keymap)).toEqual([
      ['pgup', 'page'],
      ['pgdn space', 'page'],
      ['b', 'branch'],
      ['c', 'commit'],
      ['x', 'abort'],
    ]);
  });

  it('fits the bar to the width by leaving entries out whole, keeping the way back and ? help', () => {
    const entries = ['↑↓/kj move', '⏎ open', 'r refresh', 'q quit', '? help'];
    expect(fitHelp(entries, 80)).toBe('↑↓/kj move · ⏎ open · r refresh · q quit · ? help');
    expect(fitHelp(entries, 30)).toBe('↑↓/kj move · q quit · ? help');
    expect(fitHelp(entries, 5)).toBe('q quit · ? help');
  });

  it('lists the visible bindings with short labels', () => {
    expect(helpText(KEYS)).toBe('↑↓/kj move · ctrl+s save · q/esc quit');
  });

  it('draws every screen’s help bar from its keymap', () => {
    expect(helpText(homeKeymap(null))).toBe('↑↓/kj move · ⏎ open · b/c/l/R/h/p screens · r refresh · q/esc quit');
    expect(helpText(BRANCH_KEYS.confirm)).toBe('⏎/y create · esc/n back');
    expect(helpText(COMPOSER_KEYS.body ?? [])).toBe('tab/ctrl+s next (⏎ = new line) · esc back');
    expect(helpText(COMPOSER_KEYS.refused ?? [])).toBe('e edit the message · r retry · q/esc close (draft kept)');
  });
});
