// The hotfix wizard's reads: the same prepareHotfixStart / prepareHotfixFinish as `shipwright
// hotfix`, plus the release tags a hotfix can start from, each answered as data.
import { newestOfEachLine, nextHotfixVersion } from '../core/hotfix/hotfix-version.js';
import { selectReleaseTags } from '../core/tags/release-tag.js';
import { refExists } from '../git/read-refs.js';
import { readTags } from '../git/read-tags.js';
import type { HotfixBackportServices, HotfixOutlook } from './hotfix-backport-services.js';
import { answer } from './error-report.js';
import { today, type OpenRepo } from './open-repo.js';
import { readProductionRelease } from './read-release-state.js';
import { branchPrefix } from '../config/branch-prefix.js';
const prepareHotfix = () => import('./prepare-hotfix.js');

type HotfixServices = Pick<HotfixBackportServices, 'readHotfixOutlook' | 'prepareHotfixStart' | 'prepareHotfixFinish'>;

async function readHotfixOutlook(repo: OpenRepo): Promise<HotfixOutlook> {
  const { config } = repo.loaded;
  const prefix = branchPrefix(config, 'hotfix');
  const production = config.branches.production;
  const tags = selectReleaseTags(await readTags(repo.cwd), config.tagPrefix);
  const versions = tags.map((tag) => tag.version);
  // The newest release of each line only: `hotfix start --from` refuses a superseded one.
  const releases = newestOfEachLine(tags).map((tag) => ({
    tag: tag.name,
    version: tag.version,
    next: nextHotfixVersion(tag.version, versions),
  }));
  // As `hotfix start` without --from.
  const onProduction = (await refExists(repo.cwd, `refs/heads/${production}`))
    ? await readProductionRelease(repo)
    : undefined;
  const branch = repo.state.branch;
  return {
    branch,
    prefix,
    onHotfix: branch !== null && branch.startsWith(prefix),
    production,
    releases,
    productionTag: onProduction?.name ?? null,
  };
}

/** `current` reads HEAD again: the wizard may stay open while the repository moves. */
export function createHotfixServices(current: () => Promise<OpenRepo>): HotfixServices {
  return {
    readHotfixOutlook: () => answer(async () => readHotfixOutlook(await current())),
    prepareHotfixStart: (request) =>
      answer(async () => (await prepareHotfix()).prepareHotfixStart(await current(), request)),
    prepareHotfixFinish: ({ skip, push }) =>
      answer(async () =>
        (await prepareHotfix()).prepareHotfixFinish(await current(), { skip, push, keepBranch: false, day: today() }),
      ),
  };
}
