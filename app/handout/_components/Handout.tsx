'use client';
import { useEffect, useState } from 'react';
import { catalogEntry, isScenarioId, type ScenarioId } from '@/simulations/catalog';
import type { Timeline } from '@/simulations/seek';
import { STORY_PARAM } from '../../_components/story-param';
import { loadTimeline } from '../../_components/timeline-source';
import { HandoutBody } from './HandoutBody';
import { StoryHandout } from './StoryHandout';

/**
 * /handout/?scenario=<id> (a built-in scenario) or /handout/?story=<link value> (a story, as the
 * compare view's `?story=` carries it): the run's narration and transcripts, laid out for printing.
 */
export default function Handout({ search }: { search: string }) {
  return new URLSearchParams(search).has(STORY_PARAM) ? (
    <StoryHandout search={search} />
  ) : (
    <ScenarioHandout search={search} />
  );
}

function ScenarioHandout({ search }: { search: string }) {
  const requested = new URLSearchParams(search).get('scenario') ?? 'one-laptop';
  const id: ScenarioId = isScenarioId(requested) ? requested : 'one-laptop';
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  useEffect(() => {
    let current = true;
    void loadTimeline(id).then((t) => current && setTimeline(t));
    return () => {
      current = false;
    };
  }, [id]);
  const entry = catalogEntry(id);
  return (
    <HandoutBody title={entry.title} claim={entry.claim} back={`/?scenario=${id}`} timeline={timeline}>
      {!timeline && <p>Loading…</p>}
    </HandoutBody>
  );
}
