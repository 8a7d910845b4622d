/**
 * Running a story within its limits. A story is someone else's data, so besides the static
 * limits (size, devices, entries, messages; see fields.ts) its run has a budget: at most
 * `storyLimits.steps` lockstep steps, the steps the page's slider walks. Each column is played
 * entry by entry and stopped as soon as it alone passes the budget, so no story can keep the
 * page or the build busy for long.
 */
import { Run } from '../runner';
import { lockstep, type Timeline } from '../timeline';
import type { Frame, Protocol } from '../types';
import { storyToScenario, type StoryScenario } from './convert';
import { storyLimits } from './fields';
import { validateStory, type StoryProblem } from './validate';

export type StoryPlay =
  | { readonly ok: true; readonly timeline: Timeline }
  /** `invalid`: over the step budget (with the entry where it passed it); `failed`: the simulator broke (a bug). */
  | { readonly ok: false; readonly kind: 'invalid' | 'failed'; readonly problems: readonly StoryProblem[] };

export type StoryRun =
  | { readonly ok: true; readonly scenario: StoryScenario; readonly timeline: Timeline }
  | { readonly ok: false; readonly kind: 'invalid' | 'failed'; readonly problems: readonly StoryProblem[] };

function overBudget(entry: number): StoryPlay {
  return {
    ok: false,
    kind: 'invalid',
    problems: [
      {
        path: entry < 0 ? 'story' : `timeline[${entry}]`,
        message: `the story passes ${storyLimits.steps} steps here (the limit keeps a story quick to build and play): shorten the timeline, or start with fewer messages`,
      },
    ],
  };
}

/** One column, entry by entry; `over` is the entry at which it alone passed the budget. */
function playColumn(
  protocol: Protocol,
  scenario: StoryScenario,
): { frames: readonly Frame[] } | { over: number } {
  const run = new Run(protocol, scenario.setup);
  if (run.frames.length > storyLimits.steps) return { over: -1 };
  for (const [i, intent] of scenario.intents.entries()) {
    run.play(intent);
    if (run.frames.length > storyLimits.steps) return { over: i };
  }
  return { frames: run.frames };
}

/**
 * Builds a story's timeline (the same as `buildTimeline` would) within the step budget. Never
 * throws: a story over the budget is refused with the entry where it passed it; a throw from
 * the simulator is reported as a failure (a bug, which the fuzz tests look for).
 */
export function playStory(scenario: StoryScenario): StoryPlay {
  try {
    const pop3 = playColumn('pop3', scenario);
    if ('over' in pop3) return overBudget(pop3.over);
    const imap = playColumn('imap', scenario);
    if ('over' in imap) return overBudget(imap.over);
    const steps = lockstep(pop3.frames, imap.frames);
    if (steps.length > storyLimits.steps) return overBudget(steps[storyLimits.steps]!.intent);
    return {
      ok: true,
      timeline: {
        scenario: scenario.id,
        intents: scenario.intents,
        tracks: { pop3: pop3.frames, imap: imap.frames },
        steps,
      },
    };
  } catch (error) {
    return {
      ok: false,
      kind: 'failed',
      problems: [{ path: 'story', message: `the simulator failed (a bug): ${String(error)}` }],
    };
  }
}

/** Checks a story and runs it against both protocols, within its limits. Never throws. */
export function runStory(value: unknown): StoryRun {
  const check = validateStory(value);
  if (!check.ok) return { ok: false, kind: 'invalid', problems: check.problems };
  const scenario = storyToScenario(check.story);
  const played = playStory(scenario);
  return played.ok ? { ok: true, scenario, timeline: played.timeline } : played;
}
