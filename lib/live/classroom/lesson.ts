/**
 * The lesson a class follows: every scenario of the lab, its steps as sentences (one per
 * intent, as the player narrates them) and the prediction prompts asked before a step
 * (simulations/predictions.ts). Server side only: it loads the scenario definitions.
 */
import { PREDICTIONS } from '../../../simulations/predictions';
import { narrateIntent } from '../../../simulations/narration';
import { SCENARIOS } from '../../../simulations/scenarios';
import { scenarioTimeline } from '../../../simulations/timeline';
import type { ScenarioId } from '../../../simulations/catalog';
import type { Lesson, LessonPrompt } from './room';

/** A scenario as the presenter lists it. */
export interface LessonScenario {
  readonly id: string;
  readonly title: string;
  readonly steps: readonly string[];
  /** Steps (0-based) before which a prediction prompt is asked. */
  readonly promptSteps: readonly number[];
}

/**
 * Every scenario with steps, in teaching order, with its steps and where its prompts are (the
 * sandbox has no steps: a class has nothing to follow in it).
 */
export const LESSON_SCENARIOS: readonly LessonScenario[] = SCENARIOS.filter((s) => s.intents.length > 0).map(
  (s) => ({
    id: s.id,
    title: s.title,
    steps: s.intents.map(narrateIntent),
    promptSteps: (PREDICTIONS[s.id as ScenarioId] ?? []).map((p) => p.beforeIntent),
  }),
);

const shown = new Map<string, readonly number[]>();

/**
 * For each step (intent) of scenario `id`, the step of the lab's compare view and embed (0-based,
 * as `?step=`) that shows it done: the last lockstep step of that intent, both columns on its
 * outcome. Built on first use, by one run of the scenario (~100 ms), then kept. Empty for an
 * unknown id.
 */
export function stepsShown(id: string): readonly number[] {
  const known = shown.get(id);
  if (known) return known;
  const scenario = SCENARIOS.find((s) => s.id === id);
  if (!scenario) return [];
  const timeline = scenarioTimeline(scenario);
  const last = scenario.intents.map((_, intent) => timeline.steps.findLastIndex((s) => s.intent === intent));
  shown.set(id, last);
  return last;
}

/** The lab's lesson for {@link Room}. */
export const LAB_LESSON: Lesson = {
  scenario(id) {
    return LESSON_SCENARIOS.find((s) => s.id === id) ?? null;
  },
  promptAt(id, step): LessonPrompt | null {
    const prompts = Object.hasOwn(PREDICTIONS, id) ? (PREDICTIONS[id as ScenarioId] ?? []) : [];
    const index = prompts.findIndex((p) => p.beforeIntent === step);
    if (index < 0) return null;
    const p = prompts[index]!;
    return { key: `${id}:${index + 1}`, question: p.question, choices: p.choices };
  },
};
