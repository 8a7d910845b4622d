import { Run, type InspectionHook } from './runner';
import type { RunResult, Scenario } from './scenario';
import { seek, type Step, type Timeline } from './seek';
import type { Frame, Intent, Protocol, ScenarioSetup } from './types';

export type { Step, Timeline } from './seek';
export { seek } from './seek';

export function runTrack(
  protocol: Protocol,
  setup: ScenarioSetup,
  intents: readonly Intent[],
  inspect?: InspectionHook,
): readonly Frame[] {
  const run = new Run(protocol, setup, inspect);
  for (const intent of intents) run.play(intent);
  return run.frames;
}

export function buildTimeline(id: string, setup: ScenarioSetup, intents: readonly Intent[]): Timeline {
  const tracks = { pop3: runTrack('pop3', setup, intents), imap: runTrack('imap', setup, intents) };
  return { scenario: id, intents, tracks, steps: lockstep(tracks.pop3, tracks.imap) };
}

export function scenarioTimeline(
  scenario: Scenario,
  extraIntents: readonly Intent[] = [],
  variant: string | null = null,
): Timeline {
  const setup = variant
    ? (scenario.variants?.find((v) => v.id === variant)?.setup ?? scenario.setup)
    : scenario.setup;
  return buildTimeline(scenario.id, setup, [...scenario.intents, ...extraIntents]);
}

export function lockstep(pop3: readonly Frame[], imap: readonly Frame[]): Step[] {
  const steps: Step[] = [];
  let p = 0;
  let i = 0;
  for (let intent = -1; p < pop3.length || i < imap.length; intent++) {
    const pEnd = endOf(pop3, p, intent);
    const iEnd = endOf(imap, i, intent);
    const length = Math.max(pEnd - p, iEnd - i);
    for (let o = 0; o < length; o++) {
      steps.push({ intent, pop3: Math.min(p + o, pEnd - 1), imap: Math.min(i + o, iEnd - 1) });
    }
    p = pEnd;
    i = iEnd;
  }
  return steps;
}

function endOf(frames: readonly Frame[], start: number, intent: number): number {
  let end = start;
  while (end < frames.length && frames[end]!.intent === intent) end++;
  return end;
}

/**
 * A new timeline with `intent` inserted after the intent shown at `step`: the story up to
 * there is the same (runs are deterministic), and it branches from the next step on.
 */
export function branch(timeline: Timeline, setup: ScenarioSetup, step: number, intent: Intent): Timeline {
  const at = seek(timeline, step).step.intent;
  const intents = [...timeline.intents.slice(0, at + 1), intent, ...timeline.intents.slice(at + 1)];
  return buildTimeline(timeline.scenario, setup, intents);
}

/** The two runs, for a scenario's takeaways. */
export function results(timeline: Timeline): { pop3: RunResult; imap: RunResult } {
  const result = (protocol: Protocol): RunResult => {
    const frames = timeline.tracks[protocol];
    return { protocol, frames, last: frames[frames.length - 1]! };
  };
  return { pop3: result('pop3'), imap: result('imap') };
}
