// A small spinner for git work that takes longer than a blink (ink-spinner would add a dependency for 15 lines).
import { Text } from 'ink';
import { useEffect, useState } from 'react';
import { useTone } from './theme.js';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export function Spinner({ label }: { label: string }) {
  const [frame, setFrame] = useState(0);
  const tone = useTone();
  useEffect(() => {
    const timer = setInterval(() => setFrame((current) => (current + 1) % FRAMES.length), 80);
    return () => clearInterval(timer);
  }, []);
  return (
    <Text>
      <Text {...tone('accent')}>{FRAMES[frame]}</Text> {label}
    </Text>
  );
}
