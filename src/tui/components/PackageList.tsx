// The monorepo package list for the home screen and the release wizard: each package with a
// pending release, its suggested (or chosen) bump and version, in or out of the run, and the
// commits that decide the row under the cursor. Renders a PackageSelection; keys are PACKAGE_KEYS.
import { Box, Text } from 'ink';
import { helpText } from '../keymap.js';
import { bumpOf, PACKAGE_KEYS, type PackageSelection } from '../models/package-selection.js';
import { useTone } from './theme.js';

interface PackageListProps {
  selection: PackageSelection;
  /** Rows shown at once (the cursor stays in view). */
  height?: number;
  /** Home screen: no checkboxes or keys, just what would be released. */
  readOnly?: boolean;
}

/** Strips control characters: names and commit headers are data, not terminal codes. */
// eslint-disable-next-line no-control-regex
const plain = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]/g, '');

export function PackageList({ selection, height = 12, readOnly = false }: PackageListProps) {
  const tone = useTone();
  const { rows, cursor } = selection;
  if (rows.length === 0) return <Text {...tone('muted')}>No package has anything to release.</Text>;
  const width = Math.max(...rows.map((row) => plain(row.name).length));
  const start = Math.max(0, Math.min(cursor - Math.floor(height / 2), rows.length - height));
  const visible = rows.slice(start, start + height);
  const current = rows[cursor];
  return (
    <Box flexDirection="column">
      <Text>Packages: {readOnly ? rows.length : `${selection.selected.length} of ${rows.length}`} to release</Text>
      {visible.map((row, offset) => {
        const index = start + offset;
        const inRun = selection.selected.includes(row.name);
        const bump = bumpOf(selection, row);
        const chosen = selection.overrides[row.name] !== undefined;
        return (
          <Text key={row.name} {...(index === cursor && !readOnly ? tone('accent') : {})}>
            {readOnly ? '  ' : `${index === cursor ? '›' : ' '} ${inRun ? '[x]' : '[ ]'} `}
            {plain(row.name).padEnd(width)}
            {'  '}
            {row.current ?? 'new'} → {chosen ? `${bump} (chosen)` : row.version}
            {'  '}
            <Text {...tone('muted')}>{row.reason === 'commits' ? (bump ?? 'first release') : plain(row.because)}</Text>
          </Text>
        );
      })}
      {!readOnly && current && current.deciding.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text {...tone('muted')}>Why {plain(current.name)}:</Text>
          {current.deciding.slice(0, 5).map((header, index) => (
            <Text key={index}>
              {'  '}
              {plain(header)}
            </Text>
          ))}
          {current.deciding.length > 5 ? (
            <Text {...tone('muted')}>
              {'  '}… and {current.deciding.length - 5} more
            </Text>
          ) : null}
        </Box>
      ) : null}
      {readOnly ? null : <Text {...tone('muted')}>{helpText(PACKAGE_KEYS)}</Text>}
    </Box>
  );
}
