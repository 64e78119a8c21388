// What the release wizard derives from its state for display: the header naming the branch
// model, the version menu, the review text (changelog section and plan) and the push summary.
import { wrapLines } from './wrap-lines.js';
import type { PreparedRelease } from '../../app/prepare-release.js';
import type { ReleaseOutlook } from '../../app/read-release-outlook.js';
import type { Plan } from '../../core/plan/plan.js';
import type { VersionChoice } from '../../core/version/version-options.js';
import { plural } from '../../core/display-text/plural.js';

interface MenuEntry {
  choice: VersionChoice;
  label: string;
  /** null: unknown yet, or (with `available` false) this choice makes no release. */
  version: string | null;
  available: boolean;
}

interface ViewSource {
  outlook: ReleaseOutlook | null;
  suggested: PreparedRelease | null;
  release: PreparedRelease | null;
  /** A monorepo's package list (the wizard's state): the title then says packages. */
  packages?: unknown;
}

const DEFAULT_CHOICES: VersionChoice[] = [
  { kind: 'suggested' },
  { kind: 'bump', bump: 'patch' },
  { kind: 'bump', bump: 'minor' },
  { kind: 'bump', bump: 'major' },
  { kind: 'prerelease', preid: 'rc' },
];

const labelOf = (choice: VersionChoice): string =>
  choice.kind === 'bump' ? choice.bump : choice.kind === 'prerelease' ? `prerelease (${choice.preid})` : choice.kind;

/** The outlook's options plus custom; without an outlook, the choices with versions left to the preparation. */
export function menuEntries(source: ViewSource): MenuEntry[] {
  const known = source.outlook?.options ?? DEFAULT_CHOICES.map((choice) => ({ choice, version: null }));
  const entries = known.map(({ choice, version }): MenuEntry => {
    if (choice.kind === 'suggested') {
      const suggested = source.suggested?.version ?? version;
      return { choice, label: labelOf(choice), version: suggested, available: suggested !== null };
    }
    // Without an outlook a bump's version is not known here, but preparing it will tell.
    return { choice, label: labelOf(choice), version, available: version !== null || source.outlook === null };
  });
  return [...entries, { choice: { kind: 'custom', version: '' }, label: 'custom', version: null, available: true }];
}

const stable = (version: string): string => version.replace(/[-+].*$/, '');

/** "Trunk release on main", "Gitflow: start release/1.4.0 from dev", "Gitflow: finish release/1.4.0". */
export function flowTitle(source: ViewSource, highlighted: string | null): string {
  const flow = source.release?.flow ?? source.outlook?.flow;
  const outlook = source.outlook;
  if (source.packages || source.release?.packageTags)
    return `Release packages on ${source.release?.branch ?? outlook?.branch ?? 'this branch'}`;
  if (flow === 'trunk')
    return `Trunk release on ${source.release?.branch ?? outlook?.branch ?? outlook?.production ?? 'the production branch'}`;
  if (flow === 'finish') return `Gitflow: finish ${source.release?.branch ?? outlook?.branch ?? 'the release branch'}`;
  const created = source.release?.plan.steps.find((step) => step.kind === 'create-branch');
  if (created?.kind === 'create-branch')
    return `Gitflow: start ${created.name} from ${created.from.replace(/^refs\/heads\//, '')}`;
  if (flow === 'start') {
    const version = source.release?.version ?? highlighted;
    const prefix = outlook?.releasePrefix ?? 'release/';
    const integration = outlook?.integration ?? 'the integration branch';
    return version
      ? `Gitflow: start ${prefix}${stable(version)} from ${integration}`
      : `Gitflow: start a release branch from ${integration}`;
  }
  return 'Release';
}

interface ReviewLine {
  text: string;
  style?: 'heading' | 'muted';
}

/** The changelog section, then the plan with its notes: one text to scroll through, wrapped to `width`. */
export function reviewLines(release: PreparedRelease, width: number | null = null): ReviewLine[] {
  const section = release.changelogSection.replace(/\n+$/, '').split('\n');
  const count = release.packageTags?.length ?? 0;
  const title = release.packageTags
    ? `Changelog sections of ${plural(count, 'package')}`
    : release.flow === 'start'
      ? `What ${release.version} brings (CHANGELOG.md is written when it finishes)`
      : `Changelog section for ${release.version}`;
  const steps = release.plan.steps.map((step, index): ReviewLine => ({ text: `  ${index + 1}. ${step.description}` }));
  const notes = (release.plan.notes ?? []).map((note): ReviewLine => ({ text: `  · ${note}`, style: 'muted' }));
  return wrapLines<ReviewLine>(
    [
      { text: title, style: 'heading' },
      ...section.map((text): ReviewLine => ({ text, ...(text.startsWith('#') ? { style: 'heading' as const } : {}) })),
      { text: '' },
      { text: `Plan: ${release.plan.title} (${plural(release.plan.steps.length, 'step')})`, style: 'heading' },
      ...steps,
      ...notes,
    ],
    width,
  );
}

/** The refs the plan's push sends, as people name them: `main`, `v1.4.0`, `delete release/1.4.0`. */
export function pushedRefs(plan: Plan): string[] {
  const short = (ref: string) => ref.replace(/^refs\/(heads|tags)\//, '');
  return plan.steps.flatMap((step) =>
    step.kind === 'push'
      ? step.refspecs.map((refspec) =>
          refspec.startsWith(':') ? `delete ${short(refspec.slice(1))}` : short(refspec.split(':').at(-1) ?? refspec),
        )
      : [],
  );
}

/** The question the confirm step asks, naming what moves and where it goes. */
export function confirmQuestion(release: PreparedRelease): string {
  const push = release.pushed ? ` and push to ${release.remote}` : ' (locally: nothing is pushed)';
  const created = release.plan.steps.find((step) => step.kind === 'create-branch');
  if (release.flow === 'start')
    return `Start ${created?.kind === 'create-branch' ? created.name : release.tag} from ${release.branch}${push}?`;
  if (release.flow === 'finish') return `Finish ${release.branch}: merge it, tag ${release.tag}${push}?`;
  return `Release ${release.tag} from ${release.branch}${push}?`;
}
