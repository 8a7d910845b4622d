'use client';
import { startTransition, useEffect, useRef, useState } from 'react';
import { timelineKey, type ScenarioId } from '@/simulations/catalog';
import type { Timeline } from '@/simulations/seek';
import type { Intent } from '@/simulations/types';
import { extendTimeline } from './timeline-source';

/**
 * The timeline of a built-in scenario (its `variant`, with the sandbox's `extra` intents), loaded
 * in the background (timeline-source.ts): null until the first is in. While a sandbox action's
 * timeline is built, the previous one of the same scenario stays on screen. `error` says why a
 * load failed. `onFirstLoad` is called once, with the first timeline loaded (the page checks the
 * step its link asked for against it).
 */
export function useScenarioTimeline(
  scenario: ScenarioId,
  variant: string | null,
  extra: readonly Intent[],
  onFirstLoad: (timeline: Timeline) => void,
): { timeline: Timeline | null; error: string | null } {
  const [loaded, setLoaded] = useState<{ key: string; timeline: Timeline } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const firstLoad = useRef<((timeline: Timeline) => void) | null>(onFirstLoad);

  useEffect(() => {
    let current = true;
    const key = `${timelineKey(scenario, variant)}:${JSON.stringify(extra)}`;
    extendTimeline(scenario, extra, variant).then(
      (t) => {
        if (!current) return;
        firstLoad.current?.(t);
        firstLoad.current = null;
        setError(null);
        // A transition: drawing the columns yields to input instead of blocking the page.
        startTransition(() => setLoaded({ key, timeline: t }));
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [scenario, variant, extra]);

  const scenarioKey = timelineKey(scenario, variant);
  const key = `${scenarioKey}:${JSON.stringify(extra)}`;
  const timeline =
    loaded && (loaded.key === key || loaded.key.startsWith(`${scenarioKey}:`)) ? loaded.timeline : null;
  return { timeline, error };
}
