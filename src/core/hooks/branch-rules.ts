// Which branch names and tags the branch model allows, and which branches are protected.
import type { ShipwrightConfig, Workflow } from '../config/config-types.js';
import { shellCommand } from '../display-text/shell-words.js';
import { versionFromTag } from '../tags/release-tag.js';

export type NameVerdict = { ok: true } | { ok: false; reason: string; fix: string };

/** A slug after the prefix: lowercase letters, digits, dots, hyphens, slashes, underscores. */
const SLUG = /^[a-z0-9][a-z0-9._/-]*$/;

export function checkBranchName(name: string, config: ShipwrightConfig): NameVerdict {
  const { production, integration } = config.branches;
  if (name === production || name === integration) return { ok: true };
  const types = Object.entries(config.branchTypes);
  for (const [type, branchType] of types) {
    const prefix = [branchType.prefix, ...(branchType.aliases ?? [])].find((candidate) => name.startsWith(candidate));
    if (prefix === undefined) continue;
    const slug = name.slice(prefix.length);
    if (SLUG.test(slug)) return { ok: true };
    const fixed =
      slug
        .toLowerCase()
        .replace(/[^a-z0-9._/-]+/g, '-')
        .replace(/^-+|-+$/g, '') || 'name';
    return {
      ok: false,
      reason: `'${name}' is a ${type} branch, but '${slug}' is not a valid name: use lowercase letters, digits and hyphens.`,
      // Both names: the branch pushed or checked need not be the one checked out.
      fix: shellCommand(['git', 'branch', '-m', name, `${prefix}${fixed}`]),
    };
  }
  const prefixes = types.flatMap(([, branchType]) => [branchType.prefix, ...(branchType.aliases ?? [])]);
  return {
    ok: false,
    reason: `'${name}' does not follow the branch model: branches are ${production}, ${integration}, or start with ${prefixes.join(', ')}.`,
    fix: `rename it, e.g. ${shellCommand(['git', 'branch', '-m', name, `${prefixes[0] ?? 'feature/'}${name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`])}`,
  };
}

export function checkTagName(name: string, config: ShipwrightConfig): NameVerdict {
  if (versionFromTag(name, config.tagPrefix) !== null) return { ok: true };
  return {
    ok: false,
    reason: `tag '${name}' is not a release tag: tags are ${config.tagPrefix}MAJOR.MINOR.PATCH (e.g. ${config.tagPrefix}1.4.0 or ${config.tagPrefix}1.4.0-rc.1).`,
    fix: `delete it locally (${shellCommand(['git', 'tag', '-d', name])}) and let \`shipwright release\` create release tags`,
  };
}

/** Branches that refuse direct commits (pre-commit). */
export function commitProtectedBranches(config: ShipwrightConfig, workflow: Workflow): string[] {
  if (config.protectedBranches) return config.protectedBranches;
  return workflow === 'gitflow' ? [config.branches.production, config.branches.integration] : [];
}

/** Branches whose history must never be rewritten on the remote (pre-push), in either model. */
export function pushProtectedBranches(config: ShipwrightConfig): string[] {
  return config.protectedBranches ?? [config.branches.production, config.branches.integration];
}
