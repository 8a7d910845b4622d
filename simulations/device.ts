import { emit, setup, stateIn } from 'xstate';
import type { ImapAction } from './clients/imap-client';

export type DeviceEvent =
  | { type: 'OPEN_APP' }
  | { type: 'CHECK_MAIL' }
  | { type: 'CLOSE_APP' }
  | { type: 'ACT'; action: ImapAction }
  | { type: 'GO_OFFLINE' }
  | { type: 'GO_ONLINE' }
  | { type: 'DROP' };

/** What the device asks of the runner: talk to the server, act on the device alone, or explain why not. */
export type DeviceEmitted =
  | { type: 'sync' }
  | { type: 'close' }
  | { type: 'act'; action: ImapAction; online: boolean }
  | { type: 'connectionLost' }
  | { type: 'note'; text: string }
  /** A check while offline: the app can show only what the device stores. */
  | { type: 'offline' };

/**
 * A laptop, phone or webmail tab: whether its mail app is open and whether it is online.
 * It turns user intents into work for its mail client(s), or into a note when the network
 * does not allow it. The model-based tests walk this machine's paths.
 */
export const deviceMachine = setup({
  types: { events: {} as DeviceEvent, emitted: {} as DeviceEmitted },
  guards: {
    online: stateIn({ network: 'online' }),
    appOpen: stateIn({ app: 'open' }),
  },
  actions: {
    sync: emit({ type: 'sync' as const }),
    close: emit({ type: 'close' as const }),
    connectionLost: emit({ type: 'connectionLost' as const }),
    actOnline: emit(({ event }) => ({
      type: 'act' as const,
      action: (event as Extract<DeviceEvent, { type: 'ACT' }>).action,
      online: true,
    })),
    actOffline: emit(({ event }) => ({
      type: 'act' as const,
      action: (event as Extract<DeviceEvent, { type: 'ACT' }>).action,
      online: false,
    })),
    noteOffline: emit({ type: 'offline' as const }),
    noteClosed: emit({ type: 'note' as const, text: 'the mail app is closed' }),
  },
}).createMachine({
  id: 'device',
  type: 'parallel',
  states: {
    app: {
      initial: 'closed',
      states: {
        closed: {
          on: {
            OPEN_APP: [
              { guard: 'online', target: 'open', actions: 'sync' },
              { target: 'open', actions: 'noteOffline' },
            ],
            // Opening a message opens the app first.
            ACT: [
              { guard: 'online', target: 'open', actions: ['sync', 'actOnline'] },
              { target: 'open', actions: 'actOffline' },
            ],
            CHECK_MAIL: { actions: 'noteClosed' },
            CLOSE_APP: { actions: 'noteClosed' },
          },
        },
        open: {
          on: {
            OPEN_APP: [{ guard: 'online', actions: 'sync' }, { actions: 'noteOffline' }],
            CHECK_MAIL: [{ guard: 'online', actions: 'sync' }, { actions: 'noteOffline' }],
            ACT: [{ guard: 'online', actions: 'actOnline' }, { actions: 'actOffline' }],
            CLOSE_APP: { target: 'closed', actions: 'close' },
          },
        },
      },
    },
    network: {
      initial: 'online',
      states: {
        online: {
          on: {
            GO_OFFLINE: { target: 'offline', actions: 'connectionLost' },
            DROP: { actions: 'connectionLost' },
          },
        },
        offline: {
          on: {
            // Back online with the app open: the client syncs again.
            GO_ONLINE: [{ guard: 'appOpen', target: 'online', actions: 'sync' }, { target: 'online' }],
          },
        },
      },
    },
  },
});
