import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSimplePaths } from 'xstate/graph';
import { deviceMachine, type DeviceEvent } from './device';
import { MODEL_EVENTS, modelEntry } from './model';
import { runTrack } from './timeline';
import type { Intent, Protocol, ScenarioSetup } from './types';

const EVENTS = MODEL_EVENTS;
const intentFor = (event: DeviceEvent): Intent | undefined => modelEntry(event)?.intent;

const setup: ScenarioSetup = {
  devices: [
    { id: 'laptop', kind: 'laptop' },
    { id: 'webmail', kind: 'webmail' },
  ],
};

/** Replies the engine gave that no client should provoke. */
function errorsIn(protocol: Protocol, intents: Intent[]): string[] {
  return runTrack(protocol, setup, intents)
    .filter(
      (f) => f.direction === 's2c' && (f.outcome === 'err' || f.outcome === 'no' || f.outcome === 'bad'),
    )
    .map((f) => f.raw!);
}

describe('model-based: every simple path of the device machine, replayed against the engine', () => {
  const paths = getSimplePaths(deviceMachine, {
    events: EVENTS.map((e) => e.event),
    serializeState: (snapshot) => JSON.stringify(snapshot.value),
  });

  it('covers every state of the device', () => {
    const reached = new Set(paths.map((p) => JSON.stringify(p.state.value)));
    expect(reached).toEqual(
      new Set([
        JSON.stringify({ app: 'closed', network: 'online' }),
        JSON.stringify({ app: 'open', network: 'online' }),
        JSON.stringify({ app: 'closed', network: 'offline' }),
        JSON.stringify({ app: 'open', network: 'offline' }),
      ]),
    );
  });

  it.each(['pop3', 'imap'] as const)('%s: no path draws -ERR, NO or BAD from the server', (protocol) => {
    for (const path of paths) {
      const intents = path.steps
        .map((s) => intentFor(s.event as DeviceEvent))
        .filter((i): i is Intent => i !== undefined);
      expect({ path: intents.map((i) => i.type), errors: errorsIn(protocol, intents) }).toEqual({
        path: intents.map((i) => i.type),
        errors: [],
      });
    }
  });
});

describe('property: any sequence of intents, on two devices, never draws an error and stays deterministic', () => {
  const intent = fc.oneof(
    ...EVENTS.map((e) => fc.constantFrom(e.intent, { ...e.intent, device: 'phone' } as Intent)),
    fc.constant<Intent>({ type: 'newMail', subject: 'Ping', from: 'Eve <eve@example.org>' }),
    fc.constant<Intent>({ type: 'wait', ms: 60_000 }),
  );
  const twoDevices: ScenarioSetup = {
    devices: [
      { id: 'laptop', kind: 'laptop' },
      { id: 'phone', kind: 'phone' },
    ],
    pop3: { leaveCopy: true },
  };

  it.each(['pop3', 'imap'] as const)('%s', (protocol) => {
    fc.assert(
      fc.property(fc.array(intent, { maxLength: 12 }), (intents) => {
        const frames = runTrack(protocol, twoDevices, intents);
        const errors = frames.filter(
          (f) => f.direction === 's2c' && ['err', 'no', 'bad'].includes(f.outcome ?? ''),
        );
        // Two POP3 devices online at once may meet the maildrop lock: that -ERR [IN-USE] is expected.
        expect(errors.filter((f) => !f.raw!.startsWith('-ERR [IN-USE]')).map((f) => f.raw)).toEqual([]);
        expect(JSON.stringify(runTrack(protocol, twoDevices, intents))).toBe(JSON.stringify(frames));
      }),
      { numRuns: 40 },
    );
  });
});
