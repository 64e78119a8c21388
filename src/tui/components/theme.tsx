// Colours that disappear under NO_COLOR or --no-color: components ask the theme, never hard-code.
import { createContext, useContext } from 'react';

export type Tone = 'accent' | 'good' | 'bad' | 'warn' | 'muted';

const COLORS: Record<Tone, string> = { accent: 'cyan', good: 'green', bad: 'red', warn: 'yellow', muted: 'gray' };

interface Theme {
  color: boolean;
}

export const ThemeContext = createContext<Theme>({ color: true });

/** Props for <Text>: a colour when colour is on, dim text for `muted` either way. */
export function useTone(): (tone: Tone) => { color?: string; dimColor?: boolean } {
  const { color } = useContext(ThemeContext);
  return (tone) => {
    if (!color) return tone === 'muted' ? { dimColor: true } : {};
    return tone === 'muted' ? { color: COLORS.muted } : { color: COLORS[tone] };
  };
}
