// Where a conflicted file stands, from git's unmerged list and the file's content, and what to do next.
import { describe, expect, it } from 'vitest';
import {
  conflictFileAdvice,
  conflictFileState,
  hasConflictMarkers,
} from '../../../src/core/conflict/conflict-files.js';

const MARKED = 'a\n<<<<<<< HEAD\nours\n=======\ntheirs\n>>>>>>> 1234567 (fix: x)\nb\n';

describe('conflictFileState', () => {
  it('tells markers left, resolved but not staged, deleted and staged apart', () => {
    expect(conflictFileState(true, MARKED)).toBe('markers');
    expect(conflictFileState(true, 'a\nours and theirs\nb\n')).toBe('unstaged');
    expect(conflictFileState(true, null)).toBe('deleted');
    // git add (or git rm) took it off the unmerged list, whatever the file now says.
    expect(conflictFileState(false, 'a\n')).toBe('staged');
  });

  it('does not call a file staged while its markers are still in it (git add takes it as it is)', () => {
    expect(conflictFileState(false, MARKED)).toBe('staged-markers');
    expect(conflictFileAdvice({ path: 'src/a.js', state: 'staged-markers' })).toBe(
      'staged, markers remain: edit them out, then git add src/a.js',
    );
  });

  it('calls a file edited again after git add not staged (what is staged is not what it says)', () => {
    expect(conflictFileState(false, 'a\nresolved\n', true)).toBe('unstaged');
    expect(conflictFileState(false, MARKED, true)).toBe('markers');
  });

  it('names the key that stages a resolved file before the command', () => {
    expect(conflictFileAdvice({ path: 'src/a.js', state: 'unstaged' }, 'g')).toBe(
      'resolved, not staged: press g / git add src/a.js',
    );
  });

  it('counts markers only at the start of a line, diff3 base markers included', () => {
    expect(hasConflictMarkers('x <<<<<<< not a marker\n')).toBe(false);
    expect(hasConflictMarkers('========== a heading rule\n')).toBe(false);
    expect(hasConflictMarkers('ours\n||||||| base\n')).toBe(true);
    expect(hasConflictMarkers('=======\n')).toBe(true);
  });
});

describe('conflictFileAdvice', () => {
  it('says what is left, with the command that does it (quoted for the shell)', () => {
    expect(conflictFileAdvice({ path: 'src/a.js', state: 'markers' })).toBe('conflict markers left: edit it');
    expect(conflictFileAdvice({ path: 'my file.js', state: 'unstaged' })).toBe(
      "resolved, not staged: git add 'my file.js'",
    );
    expect(conflictFileAdvice({ path: 'old.js', state: 'deleted' })).toBe(
      'deleted here: git rm old.js (or restore it)',
    );
    expect(conflictFileAdvice({ path: 'a.js', state: 'staged' })).toBe('staged ✓');
  });
});
