// The `/` line above a filtered list: the query as it is typed, or the one kept, and how many match.
import { Text } from 'ink';
import type { ListFilter } from '../models/list-filter.js';
import { TextField } from './TextField.js';
import { useTone } from './theme.js';

export function FilterLine({ filter, shown, total }: { filter: ListFilter; shown: number; total: number }) {
  const tone = useTone();
  if (!filter.editing && filter.query.value === '') return null;
  return (
    <Text>
      /<TextField state={filter.query} focused={filter.editing} />
      <Text {...tone('muted')}>
        {'  '}
        {shown} of {total}
        {shown === 0 ? ' match: esc clears the filter' : ''}
      </Text>
    </Text>
  );
}
