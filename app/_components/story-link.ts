/**
 * Stories in a link: `?story=` holds a story's JSON compressed with lz-string's
 * `compressToEncodedURIComponent` (the TypeScript playground's convention), so a link carries
 * the whole story and no server stores anything. Reading a link never throws: whatever the
 * parameter holds, the answer is a checked story or the problems with their JSON paths.
 * Light (lz-string and the zod validator); running the story loads the engine (`runLinkedStory`).
 */
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { storyLimits } from '@/simulations/stories/fields';
import type { StoryRun } from '@/simulations/stories/play';
import type { Story } from '@/simulations/stories/schema';
import { parseStoryText, type StoryCheck } from '@/simulations/stories/validate';

/** The query parameter that carries a story. */
export { STORY_PARAM } from './story-param';
import { STORY_PARAM } from './story-param';

/**
 * The longest `?story=` value read, in characters (one octet each: the encoding is URL-safe
 * ASCII): 64 KiB, the same figure as the story's own JSON limit.
 */
export const STORY_PARAM_MAX = storyLimits.bytes;

/** A story as its `?story=` value. */
export function encodeStoryParam(story: Story): string {
  return compressToEncodedURIComponent(JSON.stringify(story));
}

/**
 * Reads a `?story=` value: its length (at most `STORY_PARAM_MAX`), then lz-string, then the
 * story validator (size of the JSON, shape, references). Never throws.
 */
export function decodeStoryParam(value: string): StoryCheck {
  if (value.length > STORY_PARAM_MAX)
    return {
      ok: false,
      problems: [
        {
          path: 'story',
          message: `the link's story is ${value.length} characters compressed; the limit is ${STORY_PARAM_MAX} (64 KiB)`,
        },
      ],
    };
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(value);
  } catch {
    text = null;
  }
  // lz-string answers null or "" for what it did not write.
  if (!text)
    return {
      ok: false,
      problems: [
        {
          path: 'story',
          message:
            'the link does not hold a compressed story (it may have been cut short when it was copied)',
        },
      ],
    };
  return parseStoryText(text);
}

/** `base` (an address without query, e.g. `https://lab.example/`) with the story in `?story=`. */
export function storyLinkUrl(base: string, story: Story): string {
  return `${base}?${STORY_PARAM}=${encodeStoryParam(story)}`;
}

/**
 * Checks and runs a checked story against both protocols (loads the engine on first use).
 * Never throws: a failure to load the engine is reported as a problem too.
 */
export async function runLinkedStory(story: Story): Promise<StoryRun> {
  try {
    const { runStory } = await import('@/simulations/stories/play');
    return runStory(story);
  } catch (error) {
    return {
      ok: false,
      kind: 'failed',
      problems: [{ path: 'story', message: `the simulator could not be loaded: ${String(error)}` }],
    };
  }
}
