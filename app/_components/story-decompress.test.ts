import { readFileSync } from 'node:fs';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { storyLimits } from '@/simulations/stories/fields';
import { decompressStoryParam, STORY_TEXT_MAX, TOO_LARGE_DECOMPRESSED } from './story-decompress';
import { decodeStoryParam } from './story-link';

/**
 * A decompression bomb: `compressToEncodedURIComponent('a'.repeat(10_000_000))`, kept as a file
 * because making it takes lz-string half a minute.
 */
const BOMB = readFileSync('app/_components/story-bomb.fixture.txt', 'utf8').trim();

describe('decompressing a ?story= value', () => {
  it("bounds the text by the validator's limit (64 KiB)", () => {
    expect(STORY_TEXT_MAX).toBe(storyLimits.bytes);
  });

  it('the fixture is a bomb: under the 64 KiB link limit, 10 MB once decompressed', () => {
    expect(BOMB.length).toBeLessThan(64 * 1024);
    expect(decompressFromEncodedURIComponent(BOMB)).toBe('a'.repeat(10_000_000));
  });

  it('refuses the bomb quickly, with a clear problem', () => {
    const started = performance.now();
    const answer = decompressStoryParam(BOMB);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(answer).toEqual({ ok: false, problems: [{ path: 'story', message: TOO_LARGE_DECOMPRESSED }] });
    const check = decodeStoryParam(BOMB);
    expect(check.ok).toBe(false);
    if (!check.ok)
      expect(check.problems[0]!.message).toBe(
        "the link's story is too large once decompressed (limit 64 KiB)",
      );
  });

  it('keeps a text of exactly 64 KiB and refuses one character more', () => {
    const text = (n: number) =>
      Array.from({ length: n }, (_, i) => String.fromCharCode(97 + ((i * 7) % 26))).join('');
    expect(decompressStoryParam(compressToEncodedURIComponent(text(STORY_TEXT_MAX)))).toEqual({
      ok: true,
      text: text(STORY_TEXT_MAX),
    });
    const over = decompressStoryParam(compressToEncodedURIComponent(text(STORY_TEXT_MAX + 1)));
    expect(over.ok).toBe(false);
    if (!over.ok) expect(over.problems[0]!.message).toBe(TOO_LARGE_DECOMPRESSED);
  });
});
