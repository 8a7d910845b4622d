import type { Timeline } from '@/simulations/seek';
import type { Protocol } from '@/simulations/types';

/** The steps (0-based, inclusive) one story event takes: the lines it puts on the wire. */
export interface StoryEventSteps {
  readonly first: number;
  readonly last: number;
}

/**
 * The steps of the story event (the intent, "The laptop opens the mail app") that `step` belongs
 * to: the run of consecutive steps with its intent. The top narration says that event for all of
 * them, so the page names the range ("Steps 2–41:"), lest it read as what this one step does.
 */
export function storyEventSteps(timeline: Timeline, step: number): StoryEventSteps {
  const steps = timeline.steps;
  const intent = steps[step]?.intent;
  let first = step;
  let last = step;
  while (first > 0 && steps[first - 1]!.intent === intent) first--;
  while (last < steps.length - 1 && steps[last + 1]!.intent === intent) last++;
  return { first, last };
}

/**
 * The timeline's text for a screen reader: "Step 28 of 55. Steps 2–41: The laptop opens the mail
 * app." (the narration above the columns says the same).
 */
export function stepLabel(
  step: number,
  lastStep: number,
  span: StoryEventSteps | undefined,
  text: string,
): string {
  const range = stepsWords(span);
  return `Step ${step + 1} of ${lastStep + 1}. ${range ? `${range}: ` : ''}${text}`;
}

/** "Steps 2–41" (1-based, as the page counts), or null for an event of one step. */
export function stepsWords(span: StoryEventSteps | undefined): string | null {
  return span && span.last > span.first ? `Steps ${span.first + 1}–${span.last + 1}` : null;
}

/**
 * The protocol's column puts no new line on the wire at `step`: it waits on its last frame while
 * the other column's lines of the same story event go on (a step advances each column by at most
 * one frame, and the shorter waits). Its narration is then the last line's, said again.
 */
export function columnWaits(timeline: Timeline, step: number, protocol: Protocol): boolean {
  const now = timeline.steps[step];
  const before = timeline.steps[step - 1];
  return now !== undefined && before !== undefined && now[protocol] === before[protocol];
}
