// Keeps the resolved commit rules under .git/shipwright/, keyed by the content of everything that
// can change them, so a warm commit-msg hook never loads @commitlint/load and its config loaders.
// Per worktree (the worktree's own git dir): the key is the content of that worktree's config
// files, and worktrees on branches whose configs differ would evict one shared entry on every commit.
import { createHash } from 'node:crypto';
import { readFile, mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { readCommitRulesSources } from './commit-rules-sources.js';
import { COMMITLINT_FILES } from './commitlint-files.js';
import { loadCommitRules, type CommitRules } from './load-commit-rules.js';

const CACHE_FILE = 'commit-rules.json';
const LOCKFILES = ['package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'npm-shrinkwrap.json'];

class Uncacheable extends Error {}

/** JSON with RegExps kept; functions (plugins, custom ignores, async rules) cannot be cached. */
function encodeRules(value: unknown): unknown {
  if (value instanceof RegExp) return { $regexp: [value.source, value.flags] };
  if (Array.isArray(value)) return value.map(encodeRules);
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return value;
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeRules(inner)]));
  }
  throw new Uncacheable(typeof value);
}

function decodeRules(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeRules);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const regexp = record.$regexp;
    if (Array.isArray(regexp) && Object.keys(record).length === 1)
      return new RegExp(String(regexp[0]), String(regexp[1]));
    return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, decodeRules(inner)]));
  }
  return value;
}

/** Everything whose change could change the rules: config files, package.json, lockfiles, versions. */
async function cacheKey(root: string): Promise<string> {
  const hash = createHash('sha256').update(`shipwright ${packageJson.version}\0${root}\0`);
  for (const file of [...COMMITLINT_FILES, 'package.json', ...LOCKFILES]) {
    const content = await readFile(join(root, file)).catch(() => null);
    if (content) hash.update(file).update('\0').update(content).update('\0');
  }
  return hash.digest('hex');
}

/** The content hash of each file `extends` reached, by absolute path; a missing file is its own value. */
async function hashSources(paths: readonly string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const path of paths) {
    const content = await readFile(path).catch(() => null);
    hashes[path] = content ? createHash('sha256').update(content).digest('hex') : 'missing';
  }
  return hashes;
}

async function sourcesUnchanged(sources: unknown): Promise<boolean> {
  if (typeof sources !== 'object' || sources === null) return false;
  const recorded = Object.entries(sources as Record<string, unknown>);
  const now = await hashSources(recorded.map(([path]) => path));
  return recorded.every(([path, hash]) => now[path] === hash);
}

export async function loadCommitRulesCached(root: string, gitDir: string): Promise<CommitRules> {
  const dir = join(gitDir, 'shipwright');
  const path = join(dir, CACHE_FILE);
  const key = await cacheKey(root);
  const cached = await readFile(path, 'utf8').then(
    (text) => JSON.parse(text) as { key?: string; sources?: unknown; rules?: unknown },
    () => null,
  );
  // The root files decide the key; the files their `extends` reached are checked one by one.
  if (cached?.key === key && cached.rules && (await sourcesUnchanged(cached.sources)))
    return decodeRules(cached.rules) as CommitRules;

  const rules = await loadCommitRules(root);
  try {
    const encoded = encodeRules(rules);
    const sources = await readCommitRulesSources(root, rules);
    if (sources === null) throw new Uncacheable('extends');
    await mkdir(dir, { recursive: true });
    const temp = `${path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ key, sources: await hashSources(sources), rules: encoded }));
    await rename(temp, path);
  } catch (error) {
    // Plugins or function-valued rules: correct, just not cacheable. Any other failure to write the
    // cache must not block a commit either.
    if (!(error instanceof Uncacheable) && (error as NodeJS.ErrnoException).code === undefined) throw error;
  }
  return rules;
}
