// Draws a text field with its cursor; editing happens in models/text-edit.ts (ink-text-input has
// no multi-line mode, which the commit body needs).
import { Text } from 'ink';
import type { TextState } from '../models/text-edit.js';
import { useTone } from './theme.js';

export function TextField({
  state,
  focused,
  placeholder,
}: {
  state: TextState;
  focused: boolean;
  placeholder?: string;
}) {
  const tone = useTone();
  if (state.value.length === 0) {
    return focused ? (
      <Text>
        <Text inverse> </Text>
        <Text {...tone('muted')}>{placeholder ?? ''}</Text>
      </Text>
    ) : (
      <Text {...tone('muted')}>{placeholder ?? ''}</Text>
    );
  }
  if (!focused) return <Text>{state.value}</Text>;
  const before = state.value.slice(0, state.cursor);
  const at = state.value[state.cursor] ?? ' ';
  const after = state.value.slice(state.cursor + 1);
  return (
    <Text>
      {before}
      <Text inverse>{at === '\n' ? ' ' : at}</Text>
      {at === '\n' ? '\n' : ''}
      {after}
    </Text>
  );
}
