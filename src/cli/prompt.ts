// Minimal line prompts for commands run on a terminal (the TUI brings richer ones).
import { createInterface } from 'node:readline/promises';

export async function askLine(question: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return (await rl.question(question)).trim();
  } finally {
    rl.close();
  }
}

/** Enter accepts the default. */
export async function confirm(question: string, defaultYes = true): Promise<boolean> {
  const answer = (await askLine(`${question} ${defaultYes ? '[Y/n]' : '[y/N]'} `)).toLowerCase();
  if (answer === '') return defaultYes;
  return answer === 'y' || answer === 'yes';
}

export async function choose<T extends string>(question: string, choices: readonly T[], fallback: T): Promise<T> {
  const answer = (
    await askLine(`${question} (${choices.map((c) => (c === fallback ? `[${c}]` : c)).join('/')}) `)
  ).toLowerCase();
  return (choices.find((choice) => choice === answer) ?? fallback) as T;
}
