import { unpackTimeline, type PackedTimeline } from '@/simulations/packed';
import type { Timeline } from '@/simulations/seek';
import { timelineKey } from '@/simulations/catalog';
import type { Intent } from '@/simulations/types';

const MAX_ENTRIES = 24;
const cache = new Map<string, Promise<Timeline>>();

function remember(key: string, make: () => Promise<Timeline>): Promise<Timeline> {
  let entry = cache.get(key);
  if (!entry) {
    entry = make();
    // A failed load is not kept: the next attempt tries again.
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
    if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  }
  return entry;
}

/**
 * A scenario's timeline, built at build time (/timelines/<id>.json, or <id>--<variant>.json for
 * a variant): the page shows a story without loading the engine.
 */
export function loadTimeline(id: string, variant: string | null = null): Promise<Timeline> {
  const key = timelineKey(id, variant);
  return remember(key, async () => {
    const response = await fetch(
      `${process.env.NEXT_PUBLIC_BASE_PATH ?? ''}/timelines/${encodeURIComponent(key)}.json`,
    );
    if (!response.ok) throw new Error(`Could not load the scenario "${id}" (HTTP ${response.status}).`);
    return unpackTimeline((await response.json()) as PackedTimeline);
  });
}

/**
 * The scenario with the learner's own intents added (the sandbox). This is the one place the
 * page runs the engine, loaded on first use.
 */
export function extendTimeline(
  id: string,
  extra: readonly Intent[],
  variant: string | null = null,
): Promise<Timeline> {
  if (extra.length === 0) return loadTimeline(id, variant);
  return remember(`${timelineKey(id, variant)}:${JSON.stringify(extra)}`, async () => {
    const [{ findScenario }, { scenarioTimeline }] = await Promise.all([
      import('@/simulations/scenarios'),
      import('@/simulations/timeline'),
    ]);
    return scenarioTimeline(findScenario(id)!, extra, variant);
  });
}

/** The largest storage the server reaches in a run, plus room: the scale of the storage meters. */
export function serverCapacity(timeline: Timeline): number {
  let max = 1;
  for (const frame of timeline.tracks.imap)
    for (const a of frame.server.accounts) max = Math.max(max, a.usedBytes);
  return max * 1.25;
}
