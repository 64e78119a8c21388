// What to tell a user whose earlier commit was killed while lint-staged held their files in a stash.

interface LeftoverBackup {
  ref: string;
}

export function describeLeftoverBackups(backups: readonly LeftoverBackup[]): { summary: string; fix: string } | null {
  const first = backups[0];
  if (!first) return null;
  const count = backups.length === 1 ? 'a lint-staged backup' : `${backups.length} lint-staged backups`;
  return {
    summary: `${count} from an interrupted commit ${backups.length === 1 ? 'is' : 'are'} still in the stash (${backups.map((b) => b.ref).join(', ')}): the files and index of that commit may be only there`,
    fix: `see it with \`git stash list\` and \`git stash show -p ${first.ref}\`; get it back with \`git stash pop ${first.ref}\` (or drop it: \`git stash drop ${first.ref}\`)`,
  };
}
