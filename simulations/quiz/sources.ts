import { catalogEntry, type ScenarioId } from '../catalog';
import { PREDICTIONS } from '../predictions';
import { SCENARIOS } from '../scenarios';
import { stepHref } from '../step-link';
import { scenarioTimeline } from '../timeline';
import type { QuizSource } from './questions';

/**
 * The built-in scenarios that ask predictions, as quiz sources whose links are `base` +
 * `/?scenario=<id>&step=<n>` (base: where the lab is served, e.g. "https://lab.example.org").
 * `ids` keeps only those scenarios (in the catalog's order); an id that is not a built-in scenario
 * with predictions is reported in `unknown` rather than silently dropped.
 */
export function builtinQuizSources(
  base: string,
  ids: readonly string[] = [],
): { sources: QuizSource[]; unknown: string[] } {
  const asked = SCENARIOS.filter((s) => PREDICTIONS[s.id as ScenarioId]);
  const unknown = ids.filter((id) => !asked.some((s) => s.id === id));
  const sources = asked
    .filter((s) => ids.length === 0 || ids.includes(s.id))
    .map((s) => ({
      scenarioTitle: catalogEntry(s.id as ScenarioId).title,
      timeline: scenarioTimeline(s),
      predictions: PREDICTIONS[s.id as ScenarioId]!,
      stepUrl: (step: number) => new URL(stepHref(s.id, step), base).href,
    }));
  return { sources, unknown };
}
