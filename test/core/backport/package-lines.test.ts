import { describe, expect, it } from 'vitest';
import {
  branchAsTyped,
  chooseBackportBranches,
  isPackageMaintenanceBranch,
} from '../../../src/core/backport/backport-branches.js';

describe("a workspace package's maintenance lines", () => {
  it('are its name, @ or /, then a line', () => {
    expect(isPackageMaintenanceBranch('@acme/core@1.x', '@acme/core')).toBe(true);
    expect(isPackageMaintenanceBranch('@acme/core/1.4.x', '@acme/core')).toBe(true);
    expect(isPackageMaintenanceBranch('@acme/core@v2', '@acme/core')).toBe(true);
    expect(isPackageMaintenanceBranch('@acme/core-utils@1.x', '@acme/core')).toBe(false);
    expect(isPackageMaintenanceBranch('@acme/core@main', '@acme/core')).toBe(false);
    expect(isPackageMaintenanceBranch('1.x', '@acme/core')).toBe(false);
  });

  const rules = {
    branches: ['main', 'dev', 'release/2.0', '1.x', '@acme/core@1.x', '@acme/web@0.x'],
    remoteBranches: ['@acme/core/0.x'],
    production: 'main',
    integration: 'dev',
    releasePrefix: 'release/',
  };

  it("--package: the default targets are that package's lines, not the repository's or another package's", () => {
    expect(chooseBackportBranches({ ...rules, package: '@acme/core' }).targets).toEqual([
      'dev',
      'release/2.0',
      '@acme/core@1.x',
      '@acme/core/0.x',
    ]);
    expect(chooseBackportBranches(rules).targets).toEqual(['dev', 'release/2.0', '1.x']);
  });

  it("--to 1.x names the package's line first; a full name or a line it lacks stays as typed", () => {
    expect(branchAsTyped(rules, '1.x', '@acme/core')).toBe('@acme/core@1.x');
    expect(branchAsTyped(rules, 'origin/0.x', '@acme/core')).toBe('@acme/core/0.x');
    expect(branchAsTyped(rules, '1.x')).toBe('1.x');
    expect(branchAsTyped(rules, '1.x', '@acme/web')).toBe('1.x');
    expect(branchAsTyped(rules, '@acme/web@0.x', '@acme/core')).toBe('@acme/web@0.x');
    expect(branchAsTyped(rules, '3.x', '@acme/core')).toBeNull();
  });
});
