// Which commits belong to which package: those touching its folder, followed back through folder
// renames, plus those touching the shared paths the config names (e.g. the root lockfile).

/** One commit's changed paths as `git log --name-status -M` lists them (merges list none). */
export interface ChangedPaths {
  hash: string;
  /** Every path the commit changed (for a rename, the new path). */
  paths: readonly string[];
  /** Renames and copies: where the file came from. */
  renames: readonly { from: string; to: string }[];
}

interface PackageFolder {
  name: string;
  /** '' for the root: every path is its own. */
  dir: string;
}

/** Is `path` the file or folder `shared`, or inside it? */
const within = (path: string, folder: string): boolean =>
  folder === '' || path === folder || path.startsWith(`${folder}/`);

/**
 * The hashes of each package's commits, by name. `changes` newest first, parents after children
 * (`--topo-order`), so a folder renamed at some commit is known under its old name for the older
 * commits: a rename of `OLD/x` to `NEW/x` where NEW is (or was) the package's folder makes OLD one
 * of its folders from there on back. The lookup walks each path's parent folders in a map, so
 * the cost follows paths × depth, not paths × packages.
 */
export function assignCommitsToPackages(
  changes: readonly ChangedPaths[],
  packages: readonly PackageFolder[],
  sharedPaths: readonly string[] = [],
): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>(packages.map((pkg) => [pkg.name, new Set<string>()]));
  const owners = new Map<string, string[]>();
  const own = (dir: string, name: string) => {
    const list = owners.get(dir);
    if (!list) owners.set(dir, [name]);
    else if (!list.includes(name)) list.push(name);
  };
  for (const pkg of packages) own(pkg.dir, pkg.name);
  const everyone = packages.map((pkg) => pkg.name);

  /** The packages owning `path`, each with the folder that made it theirs. */
  const ownersOf = (path: string): { name: string; dir: string }[] => {
    const found: { name: string; dir: string }[] = [];
    let slash = path.indexOf('/');
    while (slash > 0) {
      const dir = path.slice(0, slash);
      const names = owners.get(dir);
      if (names) for (const name of names) found.push({ name, dir });
      slash = path.indexOf('/', slash + 1);
    }
    return found;
  };

  const rootOwners = owners.get('') ?? [];
  for (const change of changes) {
    // The root package (a workspace of one) owns every commit, empty ones and merges included.
    const touched = new Set<string>(rootOwners);
    for (const path of change.paths) {
      if (sharedPaths.some((shared) => within(path, shared))) for (const name of everyone) touched.add(name);
      for (const { name } of ownersOf(path)) touched.add(name);
    }
    for (const { from, to } of change.renames) {
      for (const { name, dir } of ownersOf(to)) {
        if (dir === '') continue;
        const rest = to.slice(dir.length); // `/src/x.js`
        if (!from.endsWith(rest)) continue;
        const oldDir = from.slice(0, from.length - rest.length);
        if (oldDir !== '' && oldDir !== dir) own(oldDir, name);
      }
    }
    for (const name of touched) result.get(name)?.add(change.hash);
  }
  return result;
}
