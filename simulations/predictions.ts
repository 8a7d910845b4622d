import type { ScenarioId } from './catalog';
import { BUILTIN_STORIES } from './stories/builtin';

/** A "predict, then reveal" moment: the player pauses before an intent and asks what will happen. */
export interface Prediction {
  /** The intent (index in the scenario) before which the question is asked. */
  readonly beforeIntent: number;
  readonly question: string;
  readonly choices: readonly {
    readonly text: string;
    readonly correct: boolean;
    readonly feedback: string;
  }[];
}

/**
 * Prediction prompts per scenario, from each built-in story file's `predictions`: data only, so
 * the page stays light.
 */
export const PREDICTIONS: Partial<Record<ScenarioId, readonly Prediction[]>> = Object.fromEntries(
  BUILTIN_STORIES.flatMap((s) => (s.predictions ? [[s.id, s.predictions]] : [])),
);

/**
 * The predictions to ask for a built-in scenario run with `variant` (null: as the story tells
 * it). A prediction's answer is written for the story's own client settings; a variant changes
 * one (POP3 "leave a copy", say), which can make the graded answer false, so a variant asks none.
 */
export function predictionsFor(id: ScenarioId, variant: string | null): readonly Prediction[] {
  return variant === null ? (PREDICTIONS[id] ?? []) : [];
}
