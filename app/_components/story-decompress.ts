/**
 * The one step of reading a `?story=` value that can be made expensive on purpose: lz-string's
 * decompression. An LZ code can name a dictionary entry one character longer than the last, so
 * a value under the 64 KiB link limit can expand to hundreds of millions of characters (a 10 MB
 * run of one letter compresses to about 8,300 characters). The page runs this in a worker
 * (story-decompress.worker.ts) with a time limit; the command line and the tests call it
 * directly. Imports only lz-string, so the worker stays small.
 */
import { decompressFromEncodedURIComponent } from 'lz-string';

/**
 * The longest decompressed story text, in UTF-16 code units: 64 KiB, the validator's
 * `storyLimits.bytes` (a text of more code units has more UTF-8 octets, so it is over that
 * limit too). story-decompress.test.ts checks that the two agree.
 */
export const STORY_TEXT_MAX = 64 * 1024;

/** The longest `?story=` value read, in characters (URL-safe ASCII, one octet each): 64 KiB. */
export const STORY_PARAM_MAX = 64 * 1024;

/** What the page and the tests say of a value that expands past `STORY_TEXT_MAX`. */
export const TOO_LARGE_DECOMPRESSED = `the link's story is too large once decompressed (limit 64 KiB)`;

/** A `?story=` value decompressed: the JSON text, or why there is none (path `story`). */
export type Decompressed =
  | { readonly ok: true; readonly text: string }
  | {
      readonly ok: false;
      readonly problems: readonly { readonly path: 'story'; readonly message: string }[];
    };

const refuse = (message: string): Decompressed => ({ ok: false, problems: [{ path: 'story', message }] });

/**
 * A `?story=` value's text: its length checked first (at most `STORY_PARAM_MAX`), then
 * lz-string's `decompressFromEncodedURIComponent`, whose output must be at most
 * `STORY_TEXT_MAX` code units. lz-string has no way to stop early, so its work is bounded by the
 * input (64 KiB of codes) and, in the page, by the worker's time limit. Never throws (an output
 * past the engine's longest string is a RangeError, reported as too large).
 */
export function decompressStoryParam(value: string): Decompressed {
  if (value.length > STORY_PARAM_MAX)
    return refuse(
      `the link's story is ${value.length} characters compressed; the limit is ${STORY_PARAM_MAX} (64 KiB)`,
    );
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(value);
  } catch (error) {
    if (error instanceof RangeError) return refuse(TOO_LARGE_DECOMPRESSED);
    text = null;
  }
  // lz-string answers null or "" for what it did not write.
  if (!text)
    return refuse(
      'the link does not hold a compressed story (it may have been cut short when it was copied)',
    );
  if (text.length > STORY_TEXT_MAX) return refuse(TOO_LARGE_DECOMPRESSED);
  return { ok: true, text };
}
