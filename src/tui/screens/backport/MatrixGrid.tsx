// The missing-fixes matrix drawn in the window that fits: a row per fix (short hash and header), a
// column per branch (as wide as the names when there is room, else cut with an ellipsis), ✓ where the branch has it, · where it is missing,
// ● where it is marked; the cell under the cursor in brackets (and inverse when colour is on).
import { Box, Text } from 'ink';
import { useTone } from '../../components/theme.js';
import type { BackportMatrixView } from '../../../app/hotfix-backport-services.js';
import { cellKey } from '../../models/backport-selection.js';
import { visibleMatrixRows, type BackportState } from '../../models/backport-model.js';
import { columnWidth, fit, labelWidth, scrollHints } from '../../models/matrix-layout.js';

const LEGEND = '✓ there  · missing  ● marked';

export function MatrixGrid({
  state,
  matrix,
  width,
}: {
  state: BackportState;
  matrix: BackportMatrixView;
  width: number;
}) {
  const tone = useTone();
  const { top, left, viewport, cursor } = state;
  const targets = matrix.targets.slice(left, left + viewport.cols);
  const visible = visibleMatrixRows(state);
  const rows = visible.slice(top, top + viewport.rows).map((index) => ({ index, row: matrix.rows[index]! }));
  const cell = columnWidth(targets, width);
  const label = labelWidth(width, targets.length, cell);
  const hints = scrollHints(top, left, viewport, visible.length, matrix.targets.length);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text {...tone('muted')}>{fit(LEGEND, label)}</Text>
        <Text bold>{targets.map((target) => fit(target, cell - 1) + ' ').join('')}</Text>
      </Text>
      {rows.map(({ index, row }) => {
        const here = index === cursor.row;
        return (
          <Text key={row.hash} wrap="truncate-end">
            <Text {...(here ? tone('accent') : {})}>
              {fit(`${here ? '❯' : ' '} ${row.shortHash} ${row.header}`, label)}
            </Text>
            {targets.map((target, at) => {
              const col = left + at;
              const presence = row.cells[col];
              const marked = state.selected.includes(cellKey(index, col));
              const glyph = presence !== 'missing' ? '✓' : marked ? '●' : '·';
              const selected = here && col === cursor.col;
              const color = presence !== 'missing' ? tone('good') : marked ? tone('accent') : tone('warn');
              return (
                <Text key={target}>
                  {selected ? '[' : ' '}
                  <Text {...color} inverse={selected}>
                    {glyph}
                  </Text>
                  {selected ? ']' : ' '}
                  {' '.repeat(cell - 3)}
                </Text>
              );
            })}
          </Text>
        );
      })}
      <Text {...tone('muted')} wrap="truncate-end">
        {hints || ' '}
      </Text>
    </Box>
  );
}
