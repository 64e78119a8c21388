// The terminal's size, re-read on every resize, so frames reflow at once instead of at the next key.
import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

interface TerminalSize {
  columns: number;
  /** Undefined when the output is not a terminal (tests): frames then take the height they need. */
  rows: number | undefined;
}

const read = (stdout: NodeJS.WriteStream): TerminalSize => ({
  columns: stdout.columns || 80,
  rows: stdout.isTTY && stdout.rows ? stdout.rows : undefined,
});

export function useTerminalSize(): TerminalSize {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => read(stdout));
  useEffect(() => {
    const update = () => setSize(read(stdout));
    stdout.on('resize', update);
    return () => {
      stdout.off('resize', update);
    };
  }, [stdout]);
  return size;
}
