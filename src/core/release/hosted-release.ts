// The hosted release on GitHub after the push: gh's arguments, and the same as commands to paste
// when gh cannot run here. Pure.
import { shellCommand } from '../display-text/shell-words.js';

/** `gh release create TAG --title TAG --notes-file FILE [--prerelease]` without the program. */
export const githubReleaseArgs = (tag: string, notesFile: string, prerelease: boolean): string[] => [
  'release',
  'create',
  tag,
  '--title',
  tag,
  '--notes-file',
  notesFile,
  ...(prerelease ? ['--prerelease'] : []),
];

/** The notes written by shipwright itself, then gh: works from any clone that has the tag. */
export const githubReleaseCommand = (tag: string, version: string, prerelease: boolean): string =>
  `${shellCommand(['npx', 'shipwright', 'changelog', '--release-notes', version])} > release-notes.md && ${shellCommand(['gh', ...githubReleaseArgs(tag, 'release-notes.md', prerelease)])}`;
