// The package a hook runs for: the hook scripts of a package in a subfolder (packages/app, no root
// package.json) start shipwright in that folder, so lint-staged, tsc and the commitlint config
// are the package's own. Git itself runs hooks at the repository root, where this is the root.
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** The nearest folder with a package.json from `cwd` up to `root`; `root` when there is none. */
export function packageFolder(cwd: string, root: string): string {
  for (let dir = cwd; dir === root || dir.startsWith(`${root}${sep}`); dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dir === root) break;
  }
  return root;
}
