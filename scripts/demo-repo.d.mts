// Types for scripts/demo-repo.mjs, which the end-to-end tests import.
export declare const PROJECT_ROOT: string;
export declare const SHIPWRIGHT_BIN: string;
export declare const DEMO_IDENTITY: { name: string; email: string };
export declare const DEMO_REPOSITORY_URL: string;

export interface DemoRepo {
  /** The folder holding both repositories. */
  root: string;
  /** The working repository, on dev. */
  repo: string;
  /** Its bare `origin`. */
  origin: string;
}

export declare function createDemoRepo(root: string, options?: { shipwrightBin?: string }): Promise<DemoRepo>;
export declare function linkShipwright(repo: string, bin?: string): Promise<void>;
