import type { Frame, Intent, Protocol } from './types';

/*
 * The timeline as the UI reads it: plain data and constant-time seeking. Kept apart from the
 * runner (timeline.ts) so that a page can show a prebuilt timeline without loading the engine.
 */

/** One lockstep step: the frame each protocol shows. */
export interface Step {
  readonly intent: number;
  readonly pop3: number;
  readonly imap: number;
}

/**
 * Both protocols' runs of one story, aligned. Steps walk the intents in order; within an
 * intent each column advances one frame per step and the shorter one waits on its last frame,
 * so both columns always show the same moment of the story.
 */
export interface Timeline {
  readonly scenario: string;
  readonly intents: readonly Intent[];
  readonly tracks: Readonly<Record<Protocol, readonly Frame[]>>;
  readonly steps: readonly Step[];
}

/** The frames at a step: constant time, no replay (every frame carries its own snapshots). */
export function seek(timeline: Timeline, step: number): { pop3: Frame; imap: Frame; step: Step } {
  const clamped = Math.max(0, Math.min(timeline.steps.length - 1, Math.floor(step)));
  const s = timeline.steps[clamped]!;
  return { pop3: timeline.tracks.pop3[s.pop3]!, imap: timeline.tracks.imap[s.imap]!, step: s };
}

/**
 * The timeline cut down to what its first step shows: the frames up to that step and nothing
 * after. A page can prerender step 0 from it without shipping the whole run in its HTML.
 */
export function openingOf(timeline: Timeline): Timeline {
  const first = timeline.steps[0]!;
  return {
    scenario: timeline.scenario,
    intents: timeline.intents,
    tracks: {
      pop3: timeline.tracks.pop3.slice(0, first.pop3 + 1),
      imap: timeline.tracks.imap.slice(0, first.imap + 1),
    },
    steps: [first],
  };
}
