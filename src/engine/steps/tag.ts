// tag: an annotated tag on HEAD; undo deletes exactly the tag object it created.
import { shellCommand } from '../../core/display-text/shell-words.js';
import { environmentError } from '../../core/errors.js';
import type { TagStep } from '../../core/plan/plan.js';
import { isValidRefName, readRefValue } from '../../git/read-refs.js';
import { deleteRef, createAnnotatedTag } from '../../git/write-refs.js';
import type { StepEnvironment, Undo } from './step-handler.js';

export async function applyTag(step: TagStep, context: StepEnvironment): Promise<Undo> {
  const ref = `refs/tags/${step.name}`;
  if (!(await isValidRefName(context.root, ref))) {
    throw environmentError(`'${step.name}' is not a valid tag name.`, {
      code: 'bad-ref-name',
      fix: 'use a tag prefix without spaces, `..`, `~`, `^`, `:` or a leading `-` (tagPrefix in shipwright.config.json)',
    });
  }
  if ((await readRefValue(context.root, ref)) !== null) {
    throw environmentError(`The tag ${step.name} already exists.`, {
      code: 'tag-exists',
      fix: `look at it with \`${shellCommand(['git', 'show', step.name])}\`; delete it (${shellCommand(['git', 'tag', '-d', step.name])}) only if it was made by mistake`,
    });
  }
  await createAnnotatedTag(context.root, step.name, step.message);
  const created = await readRefValue(context.root, ref);
  return {
    label: `tag ${step.name}`,
    manual: shellCommand(['git', 'tag', '-d', step.name]),
    run: async () => {
      if (created !== null && (await readRefValue(context.root, ref)) === created) await deleteRef(context.root, ref);
    },
  };
}
