// Generates (and caches under bench/.repos/) a seeded npm workspace for the monorepo release bench:
// PACKAGES packages under packages/, SIZE commits each touching one package folder (one in eight
// two), released in batches as changesets and lerna do: at each release point every package
// changed since its own last release gets its next `<name>@<version>` tag and manifest version.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cachedRepo, makeCommit, REPOS_DIR, tagPositions } from './generate-repo.mjs';
import { createRandom } from './seeded-random.mjs';

/** Bump when the generated history changes, so cached repos are rebuilt. */
export const WORKSPACE_GENERATOR_VERSION = 1;
const START_EPOCH = 1_420_070_400;
const SECONDS_PER_COMMIT = 1_800;

const packageName = (index) => `@bench/pkg-${String(index).padStart(3, '0')}`;
const packageDir = (index) => `packages/pkg-${String(index).padStart(3, '0')}`;
const manifest = (index, version, dependency) =>
  `${JSON.stringify({ name: packageName(index), version, ...(dependency === null ? {} : { dependencies: { [packageName(dependency)]: `^${dependency === index ? version : '1.0.0'}` } }) }, null, 2)}\n`;

function bump([major, minor, patch], commits) {
  if (commits.some((commit) => commit.breaking)) return [major + 1, 0, 0];
  if (commits.some((commit) => commit.type === 'feat')) return [major, minor + 1, 0];
  return [major, minor, patch + 1];
}

export function* workspaceStream(size, packages) {
  const random = createRandom(0xb0b + size + packages);
  const releases = new Set(tagPositions(size, random));
  const versions = Array.from({ length: packages }, () => [1, 0, 0]);
  // Every tenth package depends on the one before it (a caret range): dependents exist, no cycles.
  const dependencyOf = (index) => (index % 10 === 9 ? index - 1 : null);
  const pending = Array.from({ length: packages }, () => []);
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let chunk = '';
  for (let i = 0; i < size; i++) {
    const when = `${START_EPOCH + i * SECONDS_PER_COMMIT} +0000`;
    const commit =
      i === 0 ? { message: 'chore: set up the workspace\n', type: 'chore', breaking: false } : makeCommit(random);
    chunk += `commit refs/heads/main\nmark :${i + 1}\nauthor Bench <bench@example.com> ${when}\ncommitter Bench <bench@example.com> ${when}\n${data(commit.message)}`;
    if (i === 0) {
      chunk += `M 100644 inline package.json\n${data(`${JSON.stringify({ name: 'bench-workspace', private: true, workspaces: ['packages/*'] }, null, 2)}\n`)}`;
      for (let p = 0; p < packages; p++)
        chunk += `M 100644 inline ${packageDir(p)}/package.json\n${data(manifest(p, '1.0.0', dependencyOf(p)))}`;
    } else {
      const touched = [Math.floor(random() * packages)];
      if (random() < 0.125) touched.push(Math.floor(random() * packages));
      for (const p of new Set(touched)) {
        chunk += `M 100644 inline ${packageDir(p)}/src/file-${i % 20}.txt\n${data(`change ${i}\n`)}`;
        pending[p].push(commit);
      }
    }
    const tags = [];
    if (releases.has(i)) {
      for (let p = 0; p < packages; p++) {
        if (
          pending[p].length === 0 ||
          !pending[p].some((c) => c.type === 'feat' || c.type === 'fix' || c.type === 'perf' || c.breaking)
        )
          continue;
        versions[p] = bump(versions[p], pending[p]);
        pending[p] = [];
        const version = versions[p].join('.');
        chunk += `M 100644 inline ${packageDir(p)}/package.json\n${data(manifest(p, version, dependencyOf(p)))}`;
        tags.push(`${packageName(p)}@${version}`);
      }
    }
    chunk += '\n';
    for (const tag of tags) chunk += `reset refs/tags/${tag}\nfrom :${i + 1}\n\n`;
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}done\n`;
}

/** Path of the cached workspace, generating it first when missing. */
export async function ensureWorkspace(size, packages, { log = () => {} } = {}) {
  const dir = join(REPOS_DIR, `w${WORKSPACE_GENERATOR_VERSION}-${size}-${packages}`);
  const started = performance.now();
  if (!(await cachedRepo(dir, () => workspaceStream(size, packages)))) return dir;
  log(
    `generated a ${packages}-package workspace with ${size} commits in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}`,
  );
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // node bench/generate-workspace.mjs [SIZE] [PACKAGES]
  const [size = 10_000, packages = 100] = process.argv.slice(2).map(Number);
  console.log(await ensureWorkspace(size, packages, { log: (line) => console.error(line) }));
}
