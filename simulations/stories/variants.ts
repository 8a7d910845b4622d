/**
 * A story's variants (docs/STORIES.md, "Variants"): the same timeline with some of the setup
 * replaced, as the built-in scenarios offer "leave a copy on the server" or "STARTTLS".
 */
import type { Story, StoryVariant } from './schema';
import type { StoryProblem } from './validate';

/** The setup fields a variant may replace, each as a whole. */
export const VARIANT_FIELDS = ['accounts', 'devices', 'network', 'pop3', 'imap', 'security'] as const;

/**
 * The story as its variant `id` tells it: each setup field the variant names replaces the
 * story's; the result has no variants of its own. Throws on an unknown id (a caller's bug: the
 * ids come from the story itself).
 */
export function applyVariant(story: Story, id: string): Story {
  const variant = story.variants?.find((v) => v.id === id);
  if (!variant) throw new Error(`the story ${story.id ?? ''} has no variant ${id}`);
  const { variants: _variants, ...rest } = story;
  void _variants;
  const replaced: Partial<Story> = {};
  for (const key of VARIANT_FIELDS)
    if (variant[key] !== undefined) Object.assign(replaced, { [key]: variant[key] });
  return { ...rest, ...replaced };
}

/**
 * What is wrong with the variants: an id given twice, a variant that replaces nothing, and every
 * problem `check` (the validator's checks across fields) finds in a variant's story that it does
 * not find in the story itself, reported at `variants[i]` with the path inside that story.
 */
export function variantProblems(story: Story, check: (s: Story) => StoryProblem[]): StoryProblem[] {
  const problems: StoryProblem[] = [];
  const variants: readonly StoryVariant[] = story.variants ?? [];
  const own = new Set(check(story).map((p) => `${p.path}: ${p.message}`));
  variants.forEach((v, i) => {
    if (variants.findIndex((w) => w.id === v.id) !== i)
      problems.push({ path: `variants[${i}].id`, message: `"${v.id}" is listed twice` });
    if (VARIANT_FIELDS.every((key) => v[key] === undefined))
      problems.push({
        path: `variants[${i}]`,
        message: `replaces nothing: name at least one of ${VARIANT_FIELDS.join(', ')}`,
      });
    else
      for (const p of check(applyVariant(story, v.id)))
        if (!own.has(`${p.path}: ${p.message}`))
          problems.push({ path: `variants[${i}]`, message: `${p.path}: ${p.message}` });
  });
  return problems;
}
