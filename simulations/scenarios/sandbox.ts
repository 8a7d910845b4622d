import { defineScenario } from '../scenario';

/** No story: the learner acts, and both protocols respond. */
export const sandbox = defineScenario({
  id: 'sandbox',
  title: 'Sandbox: try it yourself',
  claim:
    'Open the app, read, flag, delete, go offline, drop the connection or send new mail, and watch both protocols respond.',
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
