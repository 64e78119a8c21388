// Divides release sections between two renderers (this thread and a worker) by commit count.
export interface RenderSplit<S> {
  /** Newest sections: rendered here. */
  newer: S[];
  /** Oldest sections: rendered by the worker; empty when the history is too small to share. */
  older: S[];
}

/**
 * Rendering costs about the same per commit, so each side gets about half the commits; whole
 * sections only, newest first on both sides, so their Markdown joins in order. Below
 * `minimumCommits` a worker costs more to start than it saves: nothing is shared.
 */
export function splitForRender<S extends { commits: readonly unknown[] }>(sections: readonly S[], minimumCommits: number): RenderSplit<S> {
  const total = sections.reduce((sum, section) => sum + section.commits.length, 0);
  if (sections.length < 2 || total < minimumCommits) return { newer: [...sections], older: [] };
  let newerCommits = 0;
  let cut = 0;
  while (cut < sections.length - 1 && newerCommits + (sections[cut]?.commits.length ?? 0) / 2 < total / 2) {
    newerCommits += sections[cut]?.commits.length ?? 0;
    cut += 1;
  }
  return { newer: sections.slice(0, Math.max(cut, 1)), older: sections.slice(Math.max(cut, 1)) };
}
