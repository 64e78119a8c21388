// The backport screen's reads: the missing-fixes matrix (as `backport --list` reads it) shaped for
// drawing, and the same prepareBackport as `shipwright backport SHA... --to BRANCH...`.
import type { BackportMatrixView, HotfixBackportServices } from './hotfix-backport-services.js';
import { answer } from './error-report.js';
import type { OpenRepo } from './open-repo.js';
import { readBackportMatrix, type BackportReport } from './read-backport-matrix.js';

type BackportServices = Pick<HotfixBackportServices, 'readBackportMatrix' | 'prepareBackport'>;

function matrixView(report: BackportReport): BackportMatrixView {
  return {
    source: report.source,
    targets: report.targets,
    rows: report.rows.map((row) => {
      const hash = row.commit.raw.hash;
      return {
        hash,
        shortHash: report.shortHashes.get(hash) ?? hash.slice(0, 7),
        header: row.commit.header,
        cells: row.cells,
      };
    }),
  };
}

export function createBackportServices(current: () => Promise<OpenRepo>): BackportServices {
  return {
    readBackportMatrix: () => answer(async () => matrixView(await readBackportMatrix(await current()))),
    prepareBackport: (request) =>
      answer(async () => (await import('./prepare-backport.js')).prepareBackport(await current(), request)),
  };
}
