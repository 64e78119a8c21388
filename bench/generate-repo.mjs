// Generates (and caches under bench/.repos/) seeded conventional-commit repositories with one streamed `git fast-import`.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './seeded-random.mjs';

/** Bump when the generated history changes, so cached repos are rebuilt. */
export const GENERATOR_VERSION = 2;
export const REPOS_DIR = join(dirname(fileURLToPath(import.meta.url)), '.repos');
export const ORIGIN_URL = 'https://github.com/acme/bench.git';
/** Every repo ends with exactly this many commits after its last tag, the same ones whatever the size. */
export const COMMITS_SINCE_LAST_TAG = 50;

const START_EPOCH = 1_420_070_400; // 2015-01-01T00:00:00Z
const SECONDS_PER_COMMIT = 1_800;
const AUTHORS = [
  ['Ada Lovelace', 'ada@example.com'],
  ['Grace Hopper', 'grace@example.com'],
  ['Linus Benchmark', 'linus@example.com'],
  ['Margaret Hamilton', 'margaret@example.com'],
];
const TYPES = [
  ['feat', 30],
  ['fix', 30],
  ['perf', 5],
  ['docs', 10],
  ['chore', 15],
  ['refactor', 10],
];
const SCOPES = ['api', 'cli', 'core', 'parser', 'ui', 'config', 'deps', 'auth', 'db', 'build'];
const VERBS = ['add', 'handle', 'support', 'remove', 'rework', 'speed up', 'validate', 'document', 'simplify', 'cache'];
const NOUNS = [
  'token refresh',
  'empty input',
  'retry logic',
  'config loader',
  'table output',
  'unicode names',
  'date parsing',
  'error messages',
  'plugin hooks',
  'lockfile',
  'timeouts',
  'pagination',
  'exit codes',
  'colour detection',
];
const SENTENCES = [
  'The previous behaviour surprised users on large inputs.',
  'This keeps the public API unchanged.',
  'Measured on the sample project, it halves the time spent here.',
  'Edge cases around Windows paths are covered by new tests.',
  'A follow-up will remove the deprecated option.',
  'See the discussion in the design notes for the trade-offs.',
];

const pick = (random, list) => list[Math.floor(random() * list.length)];
function pickWeighted(random, weighted) {
  const total = weighted.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of weighted) {
    roll -= weight;
    if (roll < 0) return value;
  }
  return weighted[weighted.length - 1][0];
}

/** One conventional commit: { message, type, breaking, scope }. */
export function makeCommit(random) {
  const type = pickWeighted(random, TYPES);
  const scope = random() < 0.6 ? pick(random, SCOPES) : null;
  const breaking = random() < 0.004;
  const subject = `${pick(random, VERBS)} ${pick(random, NOUNS)}`;
  let message = `${type}${scope ? `(${scope})` : ''}${breaking ? '!' : ''}: ${subject}\n`;
  const paragraphs = [];
  if (random() < 0.3) {
    const count = 1 + Math.floor(random() * 3);
    paragraphs.push(Array.from({ length: count }, () => pick(random, SENTENCES)).join(' '));
  }
  const footers = [];
  if (breaking && random() < 0.5) footers.push(`BREAKING CHANGE: ${pick(random, NOUNS)} now behave differently`);
  if (random() < 0.2) footers.push(`Closes #${1 + Math.floor(random() * 5000)}`);
  if (footers.length > 0) paragraphs.push(footers.join('\n'));
  if (paragraphs.length > 0) message += `\n${paragraphs.join('\n\n')}\n`;
  return { message, type, scope, breaking };
}

/** Indexes of tagged commits: ~every 25, the last one exactly COMMITS_SINCE_LAST_TAG before HEAD. */
export function tagPositions(size, random) {
  const positions = [];
  for (let at = size - 1 - COMMITS_SINCE_LAST_TAG; at >= 10; at -= 20 + Math.floor(random() * 11)) positions.push(at);
  return positions.reverse();
}

function bumpVersion([major, minor, patch], commits) {
  if (commits.some((commit) => commit.breaking)) return [major + 1, 0, 0];
  if (commits.some((commit) => commit.type === 'feat')) return [major, minor + 1, 0];
  return [major, minor, patch + 1];
}

const packageJson = (version) =>
  `${JSON.stringify({ name: 'bench', version, private: true, description: 'benchmark fixture for shipwright' }, null, 2)}\n`;

/**
 * The fast-import stream, yielded in chunks so 100k commits never sit in memory as one string.
 * `packageVersions`: each tagged commit also sets package.json's version to its tag's, as a
 * release tool leaves it (what version-file-based tools such as commit-and-tag-version bump from);
 * the messages, tags and versions are the same either way.
 */
export function* fastImportStream(size, { packageVersions = false } = {}) {
  const random = createRandom(0x5eed + size);
  // The tail has its own seed, so every size ends with the same 50 commits.
  const tailRandom = createRandom(0x7a11);
  const tags = new Set(tagPositions(size, random));
  const firstTail = size - COMMITS_SINCE_LAST_TAG;
  let version = null;
  let sinceTag = [];
  let chunk = '';
  const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  for (let i = 0; i < size; i++) {
    const commit =
      i === 0
        ? { message: 'chore: initial commit\n', type: 'chore', scope: null, breaking: false }
        : makeCommit(i >= firstTail ? tailRandom : random);
    const [name, email] = AUTHORS[i % AUTHORS.length];
    const when = `${START_EPOCH + i * SECONDS_PER_COMMIT} +0000`;
    sinceTag.push(commit);
    const tagged = tags.has(i);
    if (tagged) {
      version = version ? bumpVersion(version, sinceTag) : [1, 0, 0];
      sinceTag = [];
    }
    chunk += `commit refs/heads/main\nmark :${i + 1}\nauthor ${name} <${email}> ${when}\ncommitter ${name} <${email}> ${when}\n${data(commit.message)}`;
    if (i === 0) {
      chunk += `M 100644 inline package.json\n${data(packageJson('0.0.0'))}M 100644 inline README.md\n${data('# bench\n')}`;
    } else {
      chunk += `M 100644 inline src/${commit.scope ?? 'misc'}/file-${i % 20}.txt\n${data(`change ${i}\n`)}`;
    }
    if (tagged && packageVersions) chunk += `M 100644 inline package.json\n${data(packageJson(version.join('.')))}`;
    chunk += '\n';
    if (tagged) chunk += `reset refs/tags/v${version.join('.')}\nfrom :${i + 1}\n\n`;
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  yield `${chunk}done\n`;
}

function git(cwd, args) {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
}

/** Feeds a fast-import stream (an iterable of text chunks) into git in `dir`, honouring backpressure. */
async function importInto(dir, stream) {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
  const exited = new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git fast-import exited with ${code}`))));
  });
  for (const chunk of stream) {
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  await exited;
}

/**
 * `dir`, generated from a fast-import stream when missing: built in a temporary folder and renamed
 * when complete (so an interrupted run never leaves a half repo cached), main checked out, refs
 * packed as in a clone, then `after(path)`. Returns whether it had to generate.
 */
export async function cachedRepo(dir, stream, after = () => {}) {
  if (existsSync(join(dir, '.git'))) return false;
  mkdirSync(REPOS_DIR, { recursive: true });
  const temp = `${dir}.tmp-${process.pid}`;
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  git(temp, ['init', '-q', '-b', 'main']);
  git(temp, ['config', 'remote.origin.url', ORIGIN_URL]);
  git(temp, ['config', 'user.name', 'Bench']);
  git(temp, ['config', 'user.email', 'bench@example.com']);
  git(temp, ['config', 'commit.gpgsign', 'false']);
  await importInto(temp, stream());
  git(temp, ['checkout', '-q', '-f', 'main']);
  git(temp, ['pack-refs', '--all']);
  after(temp);
  renameSync(temp, dir);
  return true;
}

/**
 * Path of the cached repo with `size` commits, generating it first when missing. Refs are packed,
 * as in a clone; a commit-graph (what `git gc` / `git maintenance` write) only when asked for;
 * package.json's version kept at the last tag's with `packageVersions` (see fastImportStream).
 */
export async function ensureRepo(size, { commitGraph = false, packageVersions = false, log = () => {} } = {}) {
  const variant = `${packageVersions ? '-versioned' : ''}${commitGraph ? '-graph' : ''}`;
  const dir = join(REPOS_DIR, `g${GENERATOR_VERSION}-${size}${variant}`);
  const started = performance.now();
  const generated = await cachedRepo(
    dir,
    () => fastImportStream(size, { packageVersions }),
    (temp) => {
      if (commitGraph) git(temp, ['commit-graph', 'write', '--reachable']);
    },
  );
  if (!generated) return dir;
  const extras = [packageVersions && 'package.json versioned', commitGraph && 'with commit-graph'].filter(Boolean);
  log(
    `generated ${size} commits${extras.length > 0 ? ` (${extras.join(', ')})` : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dir}`,
  );
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // node bench/generate-repo.mjs [--commit-graph] [--package-versions] [SIZE...]
  const commitGraph = process.argv.includes('--commit-graph');
  const packageVersions = process.argv.includes('--package-versions');
  const sizes = process.argv
    .slice(2)
    .filter((arg) => !arg.startsWith('--'))
    .map(Number);
  for (const size of sizes.length > 0 ? sizes : [1_000, 10_000, 100_000]) {
    console.log(await ensureRepo(size, { commitGraph, packageVersions, log: (line) => console.error(line) }));
  }
}
