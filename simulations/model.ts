import type { DeviceEvent } from './device';
import type { Intent } from './types';

/**
 * The device machine's events and the user intents behind them: the one list that model-based
 * tests walk, in Vitest against the engine and in Playwright through the page's sandbox.
 */
export const MODEL_EVENTS: readonly { event: DeviceEvent; intent: Intent; sandboxButton: string }[] = [
  { event: { type: 'OPEN_APP' }, intent: { type: 'openApp', device: 'laptop' }, sandboxButton: 'Open app' },
  {
    event: { type: 'CHECK_MAIL' },
    intent: { type: 'checkMail', device: 'laptop' },
    sandboxButton: 'Check mail',
  },
  {
    event: { type: 'CLOSE_APP' },
    intent: { type: 'closeApp', device: 'laptop' },
    sandboxButton: 'Close app',
  },
  {
    event: { type: 'ACT', action: { kind: 'open', uid: 2 } },
    intent: { type: 'openMessage', device: 'laptop', message: 2 },
    sandboxButton: 'Open message',
  },
  {
    event: { type: 'ACT', action: { kind: 'flag', uid: 2, flag: '\\Flagged', on: true } },
    intent: { type: 'flag', device: 'laptop', message: 2 },
    sandboxButton: 'Flag',
  },
  {
    event: { type: 'ACT', action: { kind: 'delete', uid: 2 } },
    intent: { type: 'delete', device: 'laptop', message: 2 },
    sandboxButton: 'Delete',
  },
  {
    event: { type: 'GO_OFFLINE' },
    intent: { type: 'goOffline', device: 'laptop' },
    sandboxButton: 'Go offline',
  },
  {
    event: { type: 'GO_ONLINE' },
    intent: { type: 'goOnline', device: 'laptop' },
    sandboxButton: 'Go online',
  },
  {
    event: { type: 'DROP' },
    intent: { type: 'dropConnection', device: 'laptop' },
    sandboxButton: 'Drop the connection',
  },
];

/** The model entry for a path step; undefined for the machine's own start event (xstate.init). */
export function modelEntry(event: { type: string }) {
  return MODEL_EVENTS.find((e) => JSON.stringify(e.event) === JSON.stringify(event));
}
