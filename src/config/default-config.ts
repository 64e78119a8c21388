// Defaults for the workflow in DESIGN.md: feature/fix → dev → release → main, hotfix from main.
import { jsonVersionFile } from '../core/release/version-file-spec.js';
import { DEFAULT_BUMP_RULES } from '../core/version/bump-rules.js';
import type { ShipwrightConfig } from '../core/config/config-types.js';
import { defaultPackagesConfig } from './validate-packages-config.js';

export const CONFIG_FILE = 'shipwright.config.json';

export function defaultConfig(): ShipwrightConfig {
  return {
    workflow: null,
    branches: { production: 'main', integration: 'dev' },
    branchTypes: {
      feature: {
        prefix: 'feature/',
        base: 'integration',
        description: 'a new capability, merged into the integration branch',
        aliases: ['feat/'],
      },
      fix: { prefix: 'fix/', base: 'integration', description: 'a bug fix for the next release', aliases: ['bugfix/'] },
      chore: { prefix: 'chore/', base: 'integration', description: 'maintenance that ships nothing users see' },
      docs: { prefix: 'docs/', base: 'integration', description: 'documentation only' },
      release: {
        prefix: 'release/',
        base: 'integration',
        description: 'stabilises the next version before it reaches the production branch',
      },
      hotfix: {
        prefix: 'hotfix/',
        base: 'production',
        description: 'an urgent fix for production, cut from the production branch or its newest tag',
      },
    },
    tagPrefix: 'v',
    versionFiles: [jsonVersionFile('package.json')],
    changelog: { file: 'CHANGELOG.md', preset: 'conventionalcommits' },
    bumpRules: { ...DEFAULT_BUMP_RULES },
    firstVersion: '1.0.0',
    prereleaseChannels: { release: null, integration: null },
    secretScan: { enabled: true, allow: [] },
    stagedChecks: [],
    stagedCheckIgnore: { 'console-log': ['bin/**', '**/cli/**', 'scripts/**'], todo: ['**/CHANGELOG.md'] },
    protectedBranches: null,
    checklist: { before: [], after: [] },
    githubRelease: false,
    publish: false,
    deploy: { workflow: null, tagInput: 'tag' },
    hotfix: { propagation: 'merge' },
    backport: { branches: false },
    packages: defaultPackagesConfig(),
  };
}
