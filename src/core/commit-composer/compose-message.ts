// A Conventional Commit message from its parts, as the composer and `shipwright commit` build it.

export interface CommitDraft {
  type: string;
  scope: string;
  subject: string;
  body: string;
  /** Text of the BREAKING CHANGE footer; empty when the change is not breaking. */
  breaking: string;
  /** Issue numbers closed by the commit. */
  closes: number[];
}

export const emptyDraft = (): CommitDraft => ({ type: '', scope: '', subject: '', body: '', breaking: '', closes: [] });

export function commitHeader(draft: Pick<CommitDraft, 'type' | 'scope' | 'subject' | 'breaking'>): string {
  const scope = draft.scope.trim() ? `(${draft.scope.trim()})` : '';
  const bang = draft.breaking.trim() ? '!' : '';
  return `${draft.type.trim()}${scope}${bang}: ${draft.subject.trim()}`;
}

/** Header, blank line, body, blank line, footers (BREAKING CHANGE first, then Closes). */
export function composeMessage(draft: CommitDraft): string {
  const parts = [commitHeader(draft)];
  const body = draft.body.trimEnd();
  if (body) parts.push(body);
  const footers: string[] = [];
  if (draft.breaking.trim()) footers.push(`BREAKING CHANGE: ${draft.breaking.trim()}`);
  for (const issue of [...new Set(draft.closes)]) footers.push(`Closes #${issue}`);
  if (footers.length > 0) parts.push(footers.join('\n'));
  return `${parts.join('\n\n')}\n`;
}

/** `#12, 14 #15` → [12, 14, 15]. */
export function parseIssueList(text: string): number[] {
  return [...text.matchAll(/\d+/g)].map((match) => Number(match[0])).filter((n) => n > 0);
}
