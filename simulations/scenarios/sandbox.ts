import { catalogEntry } from '../catalog';
import { defineScenario } from '../scenario';

/** No story: the learner acts, and both protocols respond. */
export const sandbox = defineScenario({
  ...catalogEntry('sandbox'),
  setup: {
    devices: [
      { id: 'laptop', kind: 'laptop' },
      { id: 'phone', kind: 'phone', latencyMs: 60, bytesPerMs: 200 },
      { id: 'webmail', kind: 'webmail' },
    ],
    pop3: { leaveCopy: true },
  },
  intents: [],
  takeaways: () => [],
});
