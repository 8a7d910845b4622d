import type { Timeline } from '@/simulations/seek';
import type { Story } from '@/simulations/stories/schema';

/**
 * The runner's narration of a What if… branch's inserted entry (the note that opens that
 * entry's steps, e.g. "The phone's connection breaks."); '' when `story` is not a branch.
 * `timeline` is the branch's run. Light: no validator, no engine.
 */
export function branchNarration(story: Story, timeline: Timeline): string {
  const entry = story.branch?.entry;
  if (entry === undefined) return '';
  return timeline.tracks.pop3.find((f) => f.intent === entry && f.device === null)?.narration ?? '';
}
