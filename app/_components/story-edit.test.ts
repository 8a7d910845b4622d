import { readFileSync } from 'node:fs';
import { decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { storyLimits } from '@/simulations/stories/fields';
import { formatProblems, parseStoryText } from '@/simulations/stories/validate';
import { STORY_PARAM_MAX } from './story-decompress';
import { checkEditedStory } from './story-edit';
import { STORY_BYTES } from './StoryEditor';
import { decodeStoryParam } from './story-link';

const text = readFileSync('docs/stories/drop-at-a-step.json', 'utf8');
const example = JSON.parse(text);

/**
 * Reader text that lz-string cannot shrink: CJK characters from a linear congruential generator
 * (deterministic). Each takes 3 octets of UTF-8 and, compressed, about 3.7 link characters.
 */
function noise(length: number, seed: number): string {
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    out += String.fromCharCode(0x4e00 + ((x >>> 8) % 0x5000));
  }
  return out;
}

describe('checking an edited story (the Edit story dialog)', () => {
  it("knows the validator's size limit, which it uses to choose between indented and one-line JSON", () => {
    expect(STORY_BYTES).toBe(storyLimits.bytes);
  });

  it("accepts an example story, and its ?story= value opens the same story as a link's does", () => {
    const result = checkEditedStory(JSON.stringify(example, null, 2));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.story.title).toBe(example.title);
    expect(result.param).toMatch(/^[A-Za-z0-9+\-$]+$/);
    const opened = decodeStoryParam(result.param);
    expect(opened.ok && opened.story).toEqual(result.story);
  });

  it('reports what the command line reports, with the same JSON paths', () => {
    const broken = JSON.stringify({
      ...example,
      devices: [{ name: 'phone', kind: 'toaster' }],
      colour: 'red',
    });
    const result = checkEditedStory(broken);
    const cli = parseStoryText(broken);
    expect(result.ok).toBe(false);
    expect(cli.ok).toBe(false);
    if (result.ok || cli.ok) return;
    expect(formatProblems(result.problems)).toBe(formatProblems(cli.problems));
    expect(result.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['devices[0].kind', 'colour']));
  });

  it('names a reference to a device that does not exist at its timeline entry', () => {
    const result = checkEditedStory(
      JSON.stringify({ ...example, timeline: [{ type: 'openApp', device: 'laptop' }] }),
    );
    expect(!result.ok && result.problems[0]).toEqual({
      path: 'timeline[0].device',
      message: expect.stringContaining('no device "laptop"'),
    });
  });

  it('says where a half-typed text stops being JSON', () => {
    const result = checkEditedStory(text.slice(0, 200));
    expect(!result.ok && result.problems).toEqual([
      { path: 'story', message: expect.stringMatching(/^not JSON: /) },
    ]);
  });

  it('refuses a valid story whose link would be longer than a page reads', () => {
    // Valid and under 64 KiB of JSON, but its reader text is noise that compresses badly.
    const story = {
      ...example,
      summary: noise(2000, 1),
      takeaways: Array.from({ length: 20 }, (_, i) => noise(600, i + 2)),
      predictions: [
        {
          beforeIntent: 1,
          question: noise(300, 30),
          choices: Array.from({ length: 6 }, (_, i) => ({
            text: noise(300, 40 + i),
            correct: i === 0,
            feedback: noise(600, 50 + i),
          })),
        },
      ],
    };
    const json = JSON.stringify(story);
    expect(parseStoryText(json).ok).toBe(true);
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(64 * 1024);
    const result = checkEditedStory(json);
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'story',
        message: expect.stringMatching(
          new RegExp(`^its link would be \\d+ characters compressed; the limit is ${STORY_PARAM_MAX}`),
        ),
      },
    ]);
  });

  it('keeps the story as checked: what opens is what the validator returned', () => {
    const result = checkEditedStory(text);
    expect(result.ok && JSON.parse(decompressFromEncodedURIComponent(result.param))).toEqual(
      result.ok ? result.story : null,
    );
  });
});
