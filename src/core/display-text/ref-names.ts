// Refs as a person writes them: `refs/heads/dev` → `dev`, `refs/tags/v0.1.1` → `tag v0.1.1`,
// `refs/remotes/origin/main` → `origin/main`. Only for what people read: commands and --json keep
// the full ref name, which is what git needs.

/** The readable name of a full ref; anything else (HEAD, a name already short) as it is. */
export function describeRef(ref: string): string {
  if (ref.startsWith('refs/heads/')) return ref.slice('refs/heads/'.length);
  if (ref.startsWith('refs/tags/')) return `tag ${ref.slice('refs/tags/'.length)}`;
  if (ref.startsWith('refs/remotes/')) return ref.slice('refs/remotes/'.length);
  return ref;
}
