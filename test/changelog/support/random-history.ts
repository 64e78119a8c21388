// Builds a long, seeded pseudo-random conventional-commit history in a real repository.
import { execa } from 'execa';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import semver from 'semver';
import { ISOLATED_GIT_ENV } from './conventional-changelog.js';
import { createRandom } from '../../../bench/seeded-random.mjs';

export interface RandomHistoryOptions {
  seed: number;
  /** Commits on the main line, branch commits not counted. */
  commits: number;
  /** Release tags to place on main-line commits (never on merges). */
  releases: number;
  /** `remote.origin.url`, if any. */
  origin?: string;
  /** Probability that a commit starts a feature branch merged back with --no-ff. */
  mergeChance?: number;
}

export interface RandomHistory {
  dir: string;
  tags: string[];
  commitCount: number;
}

const TYPES: [string, number][] = [
  ['feat', 24],
  ['fix', 28],
  ['perf', 5],
  ['docs', 8],
  ['chore', 10],
  ['refactor', 7],
  ['test', 5],
  ['build', 3],
  ['ci', 3],
  ['style', 2],
  ['feature', 1],
  ['Fix', 1],
  ['', 3],
];
const SCOPES = ['api', 'ui', 'core', 'cli', 'db', 'auth', 'deps', 'i18n'];
const WORDS = [
  'cache',
  'login',
  'export',
  'search',
  'retry',
  'timeout',
  'parser',
  'router',
  'theme',
  'upload',
  'token',
  'session',
  'index',
  'queue',
  'report',
  'webhook',
  'filter',
  'locale',
  'banner',
  'pager',
];
const VERBS = ['add', 'handle', 'support', 'fix', 'speed up', 'simplify', 'document', 'drop', 'rename', 'validate'];

export async function createRandomHistory(options: RandomHistoryOptions): Promise<RandomHistory> {
  const random = createRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const chance = (p: number): boolean => random() < p;
  const weighted = (): string => {
    const total = TYPES.reduce((sum, [, weight]) => sum + weight, 0);
    let roll = random() * total;
    for (const [type, weight] of TYPES) if ((roll -= weight) < 0) return type;
    return 'fix';
  };

  const dir = await mkdtemp(join(tmpdir(), `shipwright-equivalence-${options.seed}-`));
  const git = async (args: string[], input?: string): Promise<string> =>
    (await execa('git', args, { cwd: dir, env: ISOLATED_GIT_ENV, ...(input === undefined ? {} : { input }) })).stdout;
  await git(['init', '-q', '-b', 'main']);
  if (options.origin) await git(['remote', 'add', 'origin', options.origin]);

  // One `git fast-import` per batch instead of a git process per commit; a batch ends only when a
  // revert needs the hash of a commit that is still in it.
  const marksFile = join(dir, '.git', 'generator-marks');
  const hashes = new Map<number, string>();
  const subjects = new Map<number, string>();
  let stream = '';
  let mark = 0;
  const flush = async (): Promise<void> => {
    if (stream.length === 0) return;
    await git(
      ['fast-import', '--quiet', `--import-marks-if-exists=${marksFile}`, `--export-marks=${marksFile}`],
      stream,
    );
    stream = '';
    for (const line of (await readFile(marksFile, 'utf8')).split('\n')) {
      const [id, hash] = line.split(' ');
      if (id && hash) hashes.set(Number(id.slice(1)), hash);
    }
  };

  let clock = Date.UTC(2023, 0, 1) / 1000;
  let issue = 1;
  const message = async (): Promise<string> => {
    const nonRevert = [...subjects.keys()];
    if (nonRevert.length > 3 && chance(0.03)) {
      const target = pick(nonRevert);
      if (!hashes.has(target)) await flush();
      return `Revert "${subjects.get(target)}"\n\nThis reverts commit ${hashes.get(target)}.`;
    }
    const type = weighted();
    let subject = `${pick(VERBS)} the ${pick(WORDS)}${chance(0.3) ? ` ${pick(WORDS)}` : ''}`;
    if (chance(0.08)) subject += ` (#${issue++})`;
    if (chance(0.04)) subject += ` for @${pick(['octocat', 'ada-l', 'grace'])}`;
    if (chance(0.05)) subject += ` in \`${pick(WORDS)}()\``;
    if (type === '') return `${subject[0]?.toUpperCase()}${subject.slice(1)}`;
    const scope = chance(0.5) ? `(${pick(SCOPES)})` : '';
    const bang = chance(0.04) ? '!' : '';
    const paragraphs = [`${type}${scope}${bang}: ${subject}`];
    if (chance(0.3)) paragraphs.push(`The ${pick(WORDS)} ${pick(WORDS)} needed this; see the ${pick(WORDS)} notes.`);
    const footers: string[] = [];
    if (chance(0.04)) footers.push(`BREAKING CHANGE: the ${pick(WORDS)} option is now \`${pick(WORDS)}\`.`);
    if (chance(0.01)) footers.push(`BREAKING-CHANGE: ${pick(WORDS)} is gone`);
    if (chance(0.12)) footers.push(`Closes #${issue++}`);
    if (chance(0.04)) footers.push(`Fixes #${issue++}, fixes #${issue++}`);
    if (chance(0.03)) footers.push(`Refs acme/other#${issue++}`);
    if (footers.length > 0) paragraphs.push(footers.join('\n'));
    return paragraphs.join('\n\n');
  };

  const tips = new Map<string, number>();
  const commit = async (branch: string, text?: string, merge?: number): Promise<number> => {
    clock += merge === undefined ? 3600 + Math.floor(random() * 3) * 86_400 : 1800;
    const body = `${text ?? (await message())}\n`;
    const id = ++mark;
    const who = `Ada Lovelace <ada@example.com> ${clock} +0000`;
    const parent = tips.get(branch) ?? (branch === 'main' ? undefined : tips.get('main'));
    stream += `commit refs/heads/${branch}\nmark :${id}\nauthor ${who}\ncommitter ${who}\ndata ${Buffer.byteLength(body)}\n${body}`;
    stream += `${parent === undefined ? '' : `from :${parent}\n`}${merge === undefined ? '' : `merge :${merge}\n`}\n`;
    tips.set(branch, id);
    const header = body.split('\n')[0] as string;
    if (merge === undefined && !header.startsWith('Revert "')) subjects.set(id, header);
    return id;
  };

  const tags: string[] = [];
  let version = '0.1.0';
  let commitCount = 0;
  const every = Math.max(2, Math.floor(options.commits / (options.releases + 1)));
  let branches = 0;
  for (let i = 1; i <= options.commits; i++) {
    if (chance(options.mergeChance ?? 0) && i < options.commits - 1) {
      const name = `feature/${++branches}`;
      const length = 1 + Math.floor(random() * 4);
      for (let j = 0; j < length; j++) await commit(name);
      commitCount += length;
      await commit('main', `Merge pull request #${issue++} from acme/${name}`, tips.get(name));
    }
    const id = await commit('main');
    commitCount += 1;
    if (i % every === 0 && tags.length < options.releases && i < options.commits) {
      stream += `reset refs/tags/v${version}\nfrom :${id}\n\n`;
      tags.push(`v${version}`);
      version = semver.inc(version, pick(['patch', 'minor', 'minor', 'major'] as const)) as string;
    }
  }
  // Something releasable after the last tag, so there is an upcoming section to compare.
  await commit('main', `feat: ${pick(VERBS)} the ${pick(WORDS)}`);
  commitCount += 1;
  await flush();
  return { dir, tags, commitCount };
}
