import { describe, expect, it } from 'vitest';
import { ignoreNodeModules } from '../../../src/core/init/ignore-node-modules.js';

describe('ignoreNodeModules', () => {
  it.each([
    ['no .gitignore', null, 'node_modules/\n'],
    ['an empty one', '', 'node_modules/\n'],
    ['one without it', 'dist/\n', 'dist/\nnode_modules/\n'],
    ['one without a final newline', 'dist/', 'dist/\nnode_modules/\n'],
    ['CRLF line ends', 'dist/\r\n', 'dist/\r\nnode_modules/\r\n'],
  ])('adds node_modules/ to %s', (_case, text, expected) => {
    expect(ignoreNodeModules(text)).toBe(expected);
  });

  it.each(['node_modules', 'node_modules/', '/node_modules', '**/node_modules/', 'dist\n  node_modules  \ncoverage'])(
    'leaves %j alone',
    (text) => {
      expect(ignoreNodeModules(text)).toBeNull();
    },
  );

  it('does not take a longer name for it', () => {
    expect(ignoreNodeModules('my_node_modules_backup\n')).toBe('my_node_modules_backup\nnode_modules/\n');
  });
});
