// Which part of the message a commit rule speaks about, so each field shows its own rules while it
// is typed and "edit" on the preview goes where the problem is.
import type { CommitDraft } from '../../core/commit-composer/compose-message.js';
import type { Problem } from '../../core/lint/message-verdict.js';

/** The composer steps a rule can point at: the type list and the text fields. */
export type ProblemStep = 'type' | 'scope' | 'subject' | 'body' | 'breaking' | 'closes';

/**
 * The step whose text a commitlint rule checks: type-*, scope-*, subject-* and header-* the header's
 * parts, body-* the body, footer-* the footers (the breaking change when there is one, else the
 * issues), references-empty the issues. Null for rules about no one field (rules-unavailable, …).
 */
export function problemStep(problem: Problem, draft: CommitDraft): ProblemStep | null {
  const { name } = problem;
  if (name.startsWith('type-')) return 'type';
  if (name.startsWith('scope-')) return 'scope';
  if (name.startsWith('subject-') || name.startsWith('header-')) return 'subject';
  if (name.startsWith('body-')) return 'body';
  if (name === 'references-empty') return 'closes';
  if (name.startsWith('footer-')) return draft.breaking.trim() ? 'breaking' : 'closes';
  return null;
}

/**
 * The rules to show while `step` is edited, errors first. The subject shows every header rule (they
 * all hold Enter there), once a subject is typed (before that, "subject may not be empty" is noise).
 */
export function stepProblems(problems: readonly Problem[], draft: CommitDraft, step: string): Problem[] {
  if (step === 'subject' && !draft.subject.trim()) return [];
  const shown: readonly (ProblemStep | null)[] =
    step === 'subject' ? ['type', 'scope', 'subject'] : [step as ProblemStep];
  return problems.filter((problem) => shown.includes(problemStep(problem, draft))).sort((a, b) => b.level - a.level);
}

/** Where "edit" leads: the field of the first error, else of the first warning, else the subject. */
export function stepToEdit(problems: readonly Problem[], draft: CommitDraft): ProblemStep {
  const ranked = [
    ...problems.filter((problem) => problem.level === 2),
    ...problems.filter((problem) => problem.level === 1),
  ];
  for (const problem of ranked) {
    const step = problemStep(problem, draft);
    if (step) return step;
  }
  return 'subject';
}
