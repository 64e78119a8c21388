// Branch names from what a person types: "Login form!" for issue 42 → feature/42-login-form.
import type { BranchType } from '../config/config-types.js';

/**
 * Lowercase ASCII words joined by hyphens; accents folded, everything else dropped. Dots between
 * characters stay, so versions keep their shape (hotfix/1.4.1, release/2.0.0-rc.1).
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/-?\.-?/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
}

export function branchName(type: BranchType, name: string, issue?: number | null): string {
  const slug = slugify(name);
  return `${type.prefix}${issue ? `${issue}${slug ? '-' : ''}` : ''}${slug}`;
}

/** The issue number a branch was named with (`feature/42-login-form` → 42), as branchName writes it; else null. */
export function issueOfBranch(branch: string | null): number | null {
  const match = /^[^/]+\/(\d{1,9})(?:-|$)/.exec(branch ?? '');
  return match ? Number(match[1]) : null;
}

/** The base branch a type starts from: `production`, `integration`, or a branch name. */
export function resolveBase(
  type: BranchType,
  branches: { production: string; integration: string },
  workflow: 'gitflow' | 'trunk',
): string {
  if (type.base === 'production') return branches.production;
  if (type.base === 'integration') return workflow === 'gitflow' ? branches.integration : branches.production;
  return type.base;
}
