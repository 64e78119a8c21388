// The title line fits one terminal row: the product name and the context (the branch) stay whole,
// the title (a path on home, the step elsewhere) gives up characters, a path from its start.

interface TitleParts {
  product: string;
  title: string;
  context?: string | undefined;
  /** 'start' for paths (their end says where you are), 'end' for words. */
  cut: 'start' | 'end';
}

const SEPARATOR = ' · ';
const length = (text: string) => [...text].length;

/** The title as it can be shown in `width` columns: whole, shortened with "…", or left out. */
export function fitTitle({ product, title, context, cut }: TitleParts, width: number): string {
  const fixed = length(product) + (context ? length(SEPARATOR) + length(context) : 0);
  const room = width - fixed - length(SEPARATOR);
  if (length(title) <= room) return title;
  // "…" plus at least two characters, or nothing: "…o" says less than no title at all.
  if (room < 3) return '';
  const chars = [...title];
  return cut === 'start'
    ? `…${chars
        .slice(chars.length - (room - 1))
        .join('')
        .trimStart()}`
    : `${chars
        .slice(0, room - 1)
        .join('')
        .trimEnd()}…`;
}
