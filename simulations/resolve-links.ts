import { catalogEntry } from './catalog';
import { findScenario } from './scenarios';
import { locateStep, stepHref, type StepLink } from './step-link';
import { scenarioTimeline, type Timeline } from './timeline';
import type { Protocol } from './types';

/** A step link made concrete: where it points and what the step says. Plain data, for a page. */
export interface ResolvedLink {
  /** `/?scenario=<id>&step=<n>`. */
  readonly href: string;
  readonly scenario: string;
  readonly title: string;
  /** 0-based, as in the URL; the page shows it as "Step step+1". */
  readonly step: number;
  readonly protocol: Protocol;
  readonly shows: string;
  /** The narration of the linked frame, as its column shows it. */
  readonly narration: string;
}

/**
 * Runs each linked scenario (once per scenario) and finds each link's step. Build-time only: it
 * loads the engine. Throws if a scenario is unknown or a link finds no step, so a build with a
 * broken link fails instead of shipping it.
 */
export function resolveLinks(links: readonly { id: string; link: StepLink }[]): Record<string, ResolvedLink> {
  const timelines = new Map<string, Timeline>();
  const out: Record<string, ResolvedLink> = {};
  for (const { id, link } of links) {
    let timeline = timelines.get(link.scenario);
    if (!timeline) {
      const scenario = findScenario(link.scenario);
      if (!scenario) throw new Error(`link ${id}: no scenario "${link.scenario}"`);
      timeline = scenarioTimeline(scenario);
      timelines.set(link.scenario, timeline);
    }
    const located = locateStep(timeline, link);
    if (!located) throw new Error(`link ${id}: no step of ${link.scenario} shows "${link.shows}"`);
    out[id] = {
      href: stepHref(link.scenario, located.step),
      scenario: link.scenario,
      title: catalogEntry(link.scenario).title,
      step: located.step,
      protocol: link.protocol,
      shows: link.shows,
      narration: located.frame.narration,
    };
  }
  return out;
}
