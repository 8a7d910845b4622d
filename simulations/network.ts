import { assign, setup } from 'xstate';

export interface NetworkInput {
  /** One-way latency, ms. */
  readonly latencyMs: number;
  /** Bandwidth, octets per ms (1 ≈ 8 kbit/s; 1000 ≈ 8 Mbit/s). */
  readonly bytesPerMs: number;
}

export type NetworkEvent =
  | { type: 'GO_OFFLINE' }
  | { type: 'GO_ONLINE' }
  | { type: 'SET_LINK'; latencyMs: number; bytesPerMs: number };

/**
 * A device's link to the server: online or offline, with a latency and a bandwidth that give
 * each wire unit its transfer time on the virtual clock.
 */
export const networkMachine = setup({
  types: { input: {} as NetworkInput, context: {} as NetworkInput, events: {} as NetworkEvent },
  actions: {
    setLink: assign(({ event, context }) =>
      event.type === 'SET_LINK' ? { latencyMs: event.latencyMs, bytesPerMs: event.bytesPerMs } : context,
    ),
  },
}).createMachine({
  id: 'network',
  context: ({ input }) => ({ ...input }),
  initial: 'online',
  states: {
    online: { tags: ['reachable'], on: { GO_OFFLINE: 'offline' } },
    offline: { on: { GO_ONLINE: 'online' } },
  },
  on: { SET_LINK: { actions: 'setLink' } },
});

/** Virtual ms for `bytes` to cross the link, plus the latency when a new direction starts. */
export function transferMs(link: NetworkInput, bytes: number, withLatency: boolean): number {
  return (withLatency ? link.latencyMs : 0) + bytes / link.bytesPerMs;
}
