import { builtinScenario, builtinStory } from './builtin';

const story = builtinStory('sandbox');

/** No story: the learner acts, and both protocols respond. */
export const sandbox = builtinScenario(story, {
  takeaways: () => [],
});
