import type { Scenario } from '@/simulations/scenario';
import { scenarioTimeline, type Timeline } from '@/simulations/timeline';
import type { Intent } from '@/simulations/types';

const MAX_ENTRIES = 24;
const cache = new Map<string, Timeline>();

/**
 * Timelines are deterministic, so each (scenario, sandbox history) is built once. The cache is
 * small and drops its oldest entry first.
 */
export function cachedTimeline(scenario: Scenario, extra: readonly Intent[]): Timeline {
  const key = `${scenario.id}:${JSON.stringify(extra)}`;
  let timeline = cache.get(key);
  if (!timeline) {
    timeline = scenarioTimeline(scenario, extra);
    cache.set(key, timeline);
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return timeline;
}
