import type { ScenarioId } from '../catalog';
import type { Scenario, ScenarioVariant } from '../scenario';
import { BUILTIN_STORIES } from '../stories/builtin';
import { storyToScenario } from '../stories/convert';
import { formatProblems, validateStory } from '../stories/validate';
import type { Intent, ScenarioSetup } from '../types';

/** A built-in story file, checked and made into what the runner takes. */
export interface BuiltinStory {
  readonly id: ScenarioId;
  readonly title: string;
  readonly claim: string;
  readonly setup: ScenarioSetup;
  readonly intents: readonly Intent[];
  /** Each variant's setup, by id. */
  readonly variants: Readonly<Record<string, ScenarioSetup>>;
}

/**
 * Reads simulations/stories/builtin/<id>.json through the story validator and `storyToScenario`,
 * as any story is read. Throws if the file is not a valid story: it ships with the lab, so that
 * is a bug, and every test that loads the scenarios fails on it.
 */
export function builtinStory(id: ScenarioId): BuiltinStory {
  const check = validateStory(BUILTIN_STORIES.find((s) => s.id === id));
  if (!check.ok)
    throw new Error(
      `simulations/stories/builtin/${id}.json is not a valid story:\n${formatProblems(check.problems)}`,
    );
  const scenario = storyToScenario(check.story);
  return {
    id,
    title: scenario.title,
    claim: scenario.claim,
    setup: scenario.setup,
    intents: scenario.intents,
    variants: Object.fromEntries((scenario.variants ?? []).map((v) => [v.id, v.setup])),
  };
}

/** What a built-in adds to its story: code that checks each run. */
export interface BuiltinChecks {
  /** Checks the story's claim against the two runs; every statement must hold. */
  readonly takeaways: Scenario['takeaways'];
  /** Each variant's checks, by the variant's id in the story file (every variant has some), in its order. */
  readonly variants?: readonly Pick<ScenarioVariant, 'id' | 'takeaways'>[];
  /** Server refusals the story shows on purpose (e.g. `-ERR [IN-USE]`); any other is a fault. */
  readonly expectedErrors?: readonly RegExp[];
}

/** A built-in scenario: its story file, and the checks of its runs. Throws if the two disagree on the variants. */
export function builtinScenario(story: BuiltinStory, checks: BuiltinChecks): Scenario {
  const ids = Object.keys(story.variants);
  const checked = (checks.variants ?? []).map((v) => v.id);
  if (ids.join() !== checked.join())
    throw new Error(
      `${story.id}: the story's variants (${ids.join()}) and their checks (${checked.join()}) differ`,
    );
  return {
    id: story.id,
    title: story.title,
    claim: story.claim,
    setup: story.setup,
    intents: story.intents,
    takeaways: checks.takeaways,
    ...(ids.length > 0
      ? {
          variants: checks.variants!.map((v) => ({
            id: v.id,
            setup: story.variants[v.id]!,
            takeaways: v.takeaways,
          })),
        }
      : {}),
    ...(checks.expectedErrors ? { expectedErrors: checks.expectedErrors } : {}),
  };
}
