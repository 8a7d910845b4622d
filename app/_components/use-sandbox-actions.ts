'use client';
import { useCallback, useRef, useState } from 'react';
import type { ScenarioId } from '@/simulations/catalog';
import type { Intent } from '@/simulations/types';
import { extendTimeline } from './timeline-source';

/**
 * The sandbox's actions on the compare page: `extra` holds the intents the user added to the
 * scenario, in order. `act` adds one, builds the longer timeline and then calls `onActed` with
 * the first step of the new intent. Actions can come faster than timelines are built: each builds
 * on the latest list, not on the one a render saw, and a superseded build is dropped. `reset`
 * forgets them all (another story, or other settings).
 */
export function useSandboxActions(
  scenarioId: ScenarioId,
  variant: string | null,
  onActed: (firstNewStep: number) => void,
): { extra: readonly Intent[]; act: (intent: Intent) => Promise<void>; reset: () => void } {
  const [extra, setExtra] = useState<readonly Intent[]>([]);
  const latest = useRef<readonly Intent[]>(extra);
  const act = async (intent: Intent) => {
    const next = [...latest.current, intent];
    latest.current = next;
    const timeline = await extendTimeline(scenarioId, next, variant);
    const firstNew = timeline.steps.findIndex((s) => s.intent === timeline.intents.length - 1);
    if (latest.current !== next) return; // a later action superseded this one
    setExtra(next);
    onActed(Math.max(0, firstNew));
  };
  const reset = useCallback(() => {
    latest.current = [];
    setExtra([]);
  }, []);
  return { extra, act, reset };
}
