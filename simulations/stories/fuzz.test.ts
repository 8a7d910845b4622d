import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormedStory } from './arbitrary';
import { runStory, type StoryRun } from './play';
import { parseStoryText, validateStory, type StoryCheck } from './validate';

/** Every refusal names where (a JSON path) and what. */
function expectProblemsWithPaths(check: StoryCheck | StoryRun) {
  if (check.ok) return;
  expect(check.problems.length).toBeGreaterThan(0);
  for (const p of check.problems) {
    expect(p.path).toMatch(/^(story|[$A-Za-z_][\w$]*|\[".*"\])(\.[$A-Za-z_][\w$]*|\[\d+\]|\[".*"\])*$/);
    expect(p.message.length).toBeGreaterThan(0);
  }
}

/** A run that was not refused ran: every timeline entry shows something in both columns. */
function expectRanOrRefused(run: StoryRun, entries: number) {
  if (!run.ok) {
    expect(run.kind, run.problems.map((p) => p.message).join('\n')).toBe('invalid');
    return expectProblemsWithPaths(run);
  }
  for (const track of [run.timeline.tracks.pop3, run.timeline.tracks.imap])
    expect(new Set(track.map((f) => f.intent)).size).toBe(entries + 1);
}

/** A well-formed story with one part replaced by anything JSON can hold. */
const mangledStory = wellFormedStory.chain((story) =>
  fc.oneof(
    fc
      .record({ key: fc.constantFrom(...Object.keys(story), 'extra'), value: fc.jsonValue({ maxDepth: 3 }) })
      .map(({ key, value }) => ({ ...story, [key]: value })),
    fc
      .record({
        i: fc.nat(),
        key: fc.constantFrom('type', 'device', 'message', 'ms', 'account', 'to'),
        value: fc.jsonValue({ maxDepth: 2 }),
      })
      .map(({ i, key, value }) => ({
        ...story,
        timeline: story.timeline.map((e, j) =>
          j === i % Math.max(1, story.timeline.length) ? { ...e, [key]: value } : e,
        ),
      })),
    fc
      .record({
        i: fc.nat(),
        key: fc.constantFrom('name', 'kind', 'accounts', 'network', 'pop3', 'imap'),
        value: fc.jsonValue({ maxDepth: 2 }),
      })
      .map(({ i, key, value }) => ({
        ...story,
        devices: story.devices.map((d, j) => (j === i % story.devices.length ? { ...d, [key]: value } : d)),
      })),
    fc.constantFrom('devices', 'timeline', 'title', 'version').map((key) => {
      const copy: Record<string, unknown> = { ...story };
      delete copy[key];
      return copy;
    }),
  ),
);

describe('fuzzed stories never throw: each is refused with paths, or runs', () => {
  it('anything at all, as a value or as text', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), fc.string({ maxLength: 200 }), (value, text) => {
        expectProblemsWithPaths(validateStory(value));
        expectProblemsWithPaths(parseStoryText(text));
        expectProblemsWithPaths(parseStoryText(JSON.stringify(value) ?? 'undefined'));
      }),
      { numRuns: 500 },
    );
  });

  it('well-formed stories: refused only for what they say, or run in both columns', () => {
    fc.assert(
      fc.property(wellFormedStory, (story) => expectRanOrRefused(runStory(story), story.timeline.length)),
      { numRuns: 80 },
    );
  });

  it('well-formed stories with a part broken', () => {
    fc.assert(
      fc.property(mangledStory, (story) => {
        const run = runStory(story);
        expectRanOrRefused(run, Array.isArray(story.timeline) ? story.timeline.length : 0);
      }),
      { numRuns: 120 },
    );
  });
});
