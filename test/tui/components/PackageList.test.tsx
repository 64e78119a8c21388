// The package list as a person reads it: checkboxes, versions, why, and the keys.
import { describe, expect, it } from 'vitest';
import { PackageList } from '../../../src/tui/components/PackageList.js';
import {
  createPackageSelection,
  reducePackageSelection,
  type PackageRow,
} from '../../../src/tui/models/package-selection.js';
import { renderScreen } from '../support/render.js';

const ROWS: PackageRow[] = [
  {
    name: '@acme/core',
    current: '1.0.0',
    version: '1.1.0',
    bump: 'minor',
    reason: 'commits',
    because: 'feat: a parser',
    deciding: ['feat(core): a parser', 'fix: both at once'],
  },
  {
    name: '@acme/cli',
    current: '2.1.0',
    version: '2.1.1',
    bump: 'patch',
    reason: 'dependency',
    because: 'depends on @acme/core 1.1.0',
    deciding: [],
  },
  {
    name: 'evil\u001b[31m',
    current: null,
    version: '1.0.0',
    bump: null,
    reason: 'commits',
    because: 'first release',
    deciding: ['feat: \u001b[2Jclear'],
  },
];

describe('PackageList', () => {
  it('shows every package, its versions and why, the commits under the cursor and the keys', () => {
    const { frame } = renderScreen(<PackageList selection={createPackageSelection(ROWS)} />);
    const text = frame();
    expect(text).toContain('Packages: 3 of 3 to release');
    expect(text).toContain('› [x] @acme/core  1.0.0 → 1.1.0  minor');
    expect(text).toContain('  [x] @acme/cli   2.1.0 → 2.1.1  depends on @acme/core 1.1.0');
    expect(text).toContain('Why @acme/core:\n  feat(core): a parser\n  fix: both at once');
    expect(text).toContain('space in / out · a all / none · b patch → minor → major → suggested');
  });

  it('a package taken out and a bump chosen by hand; terminal codes in names are stripped', () => {
    let selection = createPackageSelection(ROWS);
    for (const action of ['down', 'toggle', 'down', 'bump', 'bump'] as const)
      selection = reducePackageSelection(selection, action);
    const text = renderScreen(<PackageList selection={selection} />).frame();
    expect(text).toContain('Packages: 2 of 3 to release');
    expect(text).toContain('  [ ] @acme/cli');
    expect(text).toContain('› [x] evil[31m    new → minor (chosen)');
    expect(text).not.toContain('\u001b[2J');
  });

  it('read-only on the home screen: no checkboxes, no keys', () => {
    const text = renderScreen(<PackageList selection={createPackageSelection(ROWS)} readOnly />).frame();
    expect(text).toContain('Packages: 3 to release');
    expect(text).not.toContain('[x]');
    expect(text).not.toContain('space in / out');
  });
});
