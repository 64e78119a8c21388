// Reads tags with their peeled commits and dates in one `git for-each-ref`.
import type { GitTag } from '../core/tags/release-tag.js';
import { readGit } from './run-git.js';

const FORMAT = ['%(refname)', '%(objecttype)', '%(objectname)', '%(*objectname)', '%(creatordate:iso-strict)'].join('%00');

export function parseTagLine(line: string): GitTag | undefined {
  const [refname = '', objecttype, objectname = '', peeled = '', date = ''] = line.split('\0');
  if (!refname.startsWith('refs/tags/')) return undefined;
  const annotated = objecttype === 'tag';
  return { name: refname.slice('refs/tags/'.length), commit: annotated ? peeled : objectname, date, annotated };
}

/**
 * Tags, optionally only those reachable from `mergedInto` (a fully qualified ref or HEAD), so a
 * tag on another branch never decides this branch's version.
 */
export async function readTags(cwd: string, options: { mergedInto?: string } = {}): Promise<GitTag[]> {
  const args = ['for-each-ref', `--format=${FORMAT}`];
  if (options.mergedInto) args.push(`--merged=${options.mergedInto}`);
  args.push('refs/tags/');
  const out = await readGit(cwd, args);
  return out
    .split('\n')
    .map(parseTagLine)
    .filter((tag): tag is GitTag => tag !== undefined && tag.commit.length > 0);
}
