/**
 * Stories in a link: `?story=` holds a story's JSON compressed with lz-string's
 * `compressToEncodedURIComponent` (the TypeScript playground's convention), so a link carries
 * the whole story and no server stores anything. Reading a link never throws: whatever the
 * parameter holds, the answer is a checked story or the problems with their JSON paths.
 * Light (lz-string and the zod validator); running the story loads the engine (`runLinkedStory`).
 */
import { compressToEncodedURIComponent } from 'lz-string';
import type { StoryRun } from '@/simulations/stories/play';
import type { Story } from '@/simulations/stories/schema';
import { parseStoryText, type StoryCheck } from '@/simulations/stories/validate';

/** The query parameter that carries a story. */
export { STORY_PARAM } from './story-param';
import { STORY_PARAM } from './story-param';
import { decompressStoryParam, type Decompressed } from './story-decompress';
import { decompressInWorker } from './story-open';

/** The longest `?story=` value read, in characters: 64 KiB (see story-decompress.ts). */
export { STORY_PARAM_MAX } from './story-decompress';

/** A story as its `?story=` value. */
export function encodeStoryParam(story: Story): string {
  return compressToEncodedURIComponent(JSON.stringify(story));
}

/**
 * Reads a `?story=` value: its length (at most `STORY_PARAM_MAX`), then lz-string (output at
 * most 64 KiB: `decompressStoryParam`), then the story validator (size of the JSON, shape,
 * references). Never throws. Runs lz-string on the caller's thread: the page uses
 * `decodeStoryParamInWorker` instead.
 */
export function decodeStoryParam(value: string): StoryCheck {
  return checkDecompressed(decompressStoryParam(value));
}

/** `decodeStoryParam` with lz-string in a worker under a time limit (story-open.ts). */
export async function decodeStoryParamInWorker(value: string): Promise<StoryCheck> {
  return checkDecompressed(await decompressInWorker(value));
}

/**
 * `decodeStoryParamInWorker`, with the decompressed JSON text when there was one (null for a
 * value that is not lz-string or is too large): a story that is refused can then be fixed.
 */
export async function readStoryParamInWorker(
  value: string,
): Promise<{ check: StoryCheck; text: string | null }> {
  const text = await decompressInWorker(value);
  return { check: checkDecompressed(text), text: text.ok ? text.text : null };
}

const checkDecompressed = (text: Decompressed): StoryCheck =>
  text.ok ? parseStoryText(text.text) : { ok: false, problems: text.problems };

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
