import type { ScenarioId } from '@/simulations/catalog';
import { findScenario } from '@/simulations/scenarios';
import { openingOf, type Timeline } from '@/simulations/seek';
import { scenarioTimeline } from '@/simulations/timeline';
import { serverCapacity } from '../_components/timeline-source';

/**
 * What an embed page prerenders: the scenario's first step, so a reader sees the story (and
 * the largest text on the page) in the HTML itself, before any JavaScript runs. The whole run
 * is loaded after hydration, from /timelines/<id>.json.
 */
export interface EmbedOpening {
  readonly scenario: ScenarioId;
  /** The timeline cut to step 0 (see openingOf). */
  readonly timeline: Timeline;
  readonly totalSteps: number;
  /** The storage meters' scale for the whole run, so it does not change once the run loads. */
  readonly capacity: number;
}

/** Computed at build time: embed pages are static. */
export function embedOpening(id: ScenarioId): EmbedOpening {
  const timeline = scenarioTimeline(findScenario(id)!);
  return {
    scenario: id,
    timeline: openingOf(timeline),
    totalSteps: timeline.steps.length,
    capacity: serverCapacity(timeline),
  };
}
