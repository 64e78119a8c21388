// A Plan is plain data: what a command will change, shown before it runs and executed as is.

export interface WriteFileStep {
  kind: 'write-file';
  /** Path relative to the repository root. */
  path: string;
  content: string;
  /** One line for people, e.g. "update CHANGELOG.md with 1.4.0". */
  description: string;
}

export type PlanStep = WriteFileStep;

export interface Plan {
  title: string;
  steps: PlanStep[];
}

export const describePlan = (plan: Plan): string =>
  [`${plan.title}:`, ...plan.steps.map((step, index) => `  ${index + 1}. ${step.description}`)].join('\n');
