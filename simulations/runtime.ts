import type { Actor } from 'xstate';
import type { LoopbackConnection } from '../lib/session/loopback';
import type { ImapClientEvent, imapClientMachine } from './clients/imap-client';
import type { Pop3ClientEvent, pop3ClientMachine } from './clients/pop3-client';
import type { deviceMachine } from './device';
import type { networkMachine } from './network';
import type { DeviceSpec, LocalMessage } from './types';

/* The live parts of a run: the actors behind each device and client (runner.ts drives them). */

/** Virtual time zero: a week after the seed mail arrived. */
export const RUN_EPOCH = Date.UTC(2026, 2, 10, 8, 0, 0);

export type ClientActor = Actor<typeof pop3ClientMachine> | Actor<typeof imapClientMachine>;

export interface ClientRuntime {
  readonly account: string;
  readonly actor: ClientActor;
  connection: LoopbackConnection | null;
}

export interface DeviceRuntime {
  readonly spec: DeviceSpec;
  readonly actor: Actor<typeof deviceMachine>;
  readonly network: Actor<typeof networkMachine>;
  readonly clients: ClientRuntime[];
  /** Commands left before the connection breaks (dropConnection with afterCommands). */
  dropAfter: number | null;
  lastDirection: 'c2s' | 's2c' | null;
  /** An SMTP submission connection is open (the mail app is sending, smtp-runs.ts). */
  smtp: boolean;
  /** The client's settings in words, for the device card. */
  readonly settings: string;
}

/** The mail a client keeps on its device. */
export function clientMessages(c: ClientRuntime): LocalMessage[] {
  return (c.actor.getSnapshot().context as { messages: LocalMessage[] }).messages;
}

/** Sends an event to a client of either protocol (each ignores events it does not know). */
export function tell(client: ClientRuntime, event: Pop3ClientEvent | ImapClientEvent): void {
  (client.actor.send as (e: Pop3ClientEvent | ImapClientEvent) => void)(event);
}
