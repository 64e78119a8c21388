// Remote URLs → web bases for changelog links.
import { describe, expect, it } from 'vitest';
import { parseRepositoryUrl, repositoryFieldUrl } from '../../../src/core/repository/repository-url.js';

describe('parseRepositoryUrl', () => {
  it.each([
    ['https://github.com/acme/app.git', 'github', 'https://github.com/acme/app'],
    ['https://github.com/acme/app', 'github', 'https://github.com/acme/app'],
    ['git+https://github.com/acme/app.git', 'github', 'https://github.com/acme/app'],
    ['https://token@github.com/acme/app.git', 'github', 'https://github.com/acme/app'],
    ['git@github.com:acme/app.git', 'github', 'https://github.com/acme/app'],
    ['ssh://git@github.com/acme/app.git', 'github', 'https://github.com/acme/app'],
    ['ssh://git@github.com:22/acme/app.git', 'github', 'https://github.com/acme/app'],
    ['git://github.com/acme/app.git', 'github', 'https://github.com/acme/app'],
    ['github:acme/app', 'github', 'https://github.com/acme/app'],
    ['acme/app', 'github', 'https://github.com/acme/app'],
    ['https://gitlab.com/group/sub/app.git', 'gitlab', 'https://gitlab.com/group/sub/app'],
    ['git@gitlab.com:group/sub/app.git', 'gitlab', 'https://gitlab.com/group/sub/app'],
    ['gitlab:group/app', 'gitlab', 'https://gitlab.com/group/app'],
    ['https://bitbucket.org/team/app.git', 'bitbucket', 'https://bitbucket.org/team/app'],
    ['git@bitbucket.org:team/app.git', 'bitbucket', 'https://bitbucket.org/team/app'],
    ['https://git.example.com/team/app.git', 'other', 'https://git.example.com/team/app'],
    ['https://www.github.com/acme/app/', 'github', 'https://github.com/acme/app'],
  ])('%s', (input, type, webBase) => {
    expect(parseRepositoryUrl(input)).toMatchObject({ type, webBase });
  });

  it.each([
    [''],
    [null],
    [undefined],
    ['file:///tmp/origin.git'],
    ['/srv/git/app.git'],
    ['../app.git'],
    ['C:\\repos\\app'],
    ['https://github.com/'],
    ['nonsense'],
  ])('has no web page for %j', (input) => {
    expect(parseRepositoryUrl(input)).toBeNull();
  });

  it('splits owner and repository as changelog templates need them', () => {
    expect(parseRepositoryUrl('git@gitlab.com:group/sub/app.git')).toEqual({
      type: 'gitlab',
      host: 'https://gitlab.com',
      owner: 'group/sub',
      repository: 'app',
      webBase: 'https://gitlab.com/group/sub/app',
    });
  });
});

describe('repositoryFieldUrl', () => {
  it('reads string and object forms of package.json repository', () => {
    expect(repositoryFieldUrl('acme/app')).toBe('acme/app');
    expect(repositoryFieldUrl({ type: 'git', url: 'https://github.com/acme/app.git' })).toBe(
      'https://github.com/acme/app.git',
    );
    expect(repositoryFieldUrl({ type: 'git' })).toBeNull();
    expect(repositoryFieldUrl(undefined)).toBeNull();
  });
});
