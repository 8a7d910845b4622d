/*
 * Each device's actors (its device machine, its network link, one client per account) and what
 * a device emits turned into client events: a story's device steps (sync, close, act, lose the
 * network) reach the POP3 or IMAP clients here, queued on the run.
 */
import { createActor, type Actor } from 'xstate';
import { imapClientMachine } from './clients/imap-client';
import { pop3ClientMachine } from './clients/pop3-client';
import { describeDeviceSettings, imapSettingsOf, pop3SettingsOf } from './client-settings';
import { connect, sendLine, vanish, type ConnectionHost } from './connections';
import { deviceMachine, type DeviceEmitted } from './device';
import { connectionLostNote, deviceName, WEBMAIL_OFFLINE } from './narration';
import { networkMachine } from './network';
import { RUN_EPOCH, tell, type ClientActor, type ClientRuntime, type DeviceRuntime } from './runtime';
import { act, type ActionHost } from './user-actions';
import type { DeviceSpec } from './types';

/** What the device actors need of a run (runner.ts gives it): the connections' and user actions' view. */
export type DeviceHost = ConnectionHost &
  ActionHost & {
    /** A client threw: the run stops with its error. */
    fail(error: unknown): void;
  };

/** A device's actors, started, with a client for each of its accounts (none for webmail). */
export function createDevice(host: DeviceHost, spec: DeviceSpec): DeviceRuntime {
  const inspect = host.inspect;
  const actor = createActor(deviceMachine, { inspect, id: spec.id });
  const network = createActor(networkMachine, {
    inspect,
    id: `${spec.id}.network`,
    input: { latencyMs: spec.latencyMs ?? 20, bytesPerMs: spec.bytesPerMs ?? 1000 },
  }).start();
  const device: DeviceRuntime = {
    spec,
    actor,
    network,
    clients: [],
    dropAfter: null,
    lastDirection: null,
    smtp: false,
    settings: describeDeviceSettings(host.protocol, host.setup, spec),
  };
  if (spec.kind !== 'webmail') {
    const users = spec.accounts ?? [host.firstUser()];
    for (const user of users) device.clients.push(createClient(host, device, user, spec));
  }
  actor.on('*', (e) => onDevice(host, device, e as DeviceEmitted));
  actor.start();
  return device;
}

function createClient(
  host: DeviceHost,
  device: DeviceRuntime,
  user: string,
  spec: DeviceSpec,
): ClientRuntime {
  const password = host.store.getAccount(user)!.password;
  const actor: ClientActor =
    host.protocol === 'pop3'
      ? createActor(pop3ClientMachine, {
          inspect: host.inspect,
          id: `${device.spec.id}.pop3.${user}`,
          input: { user, password, settings: pop3SettingsOf(host.setup, spec), startTls: host.startTls },
        })
      : createActor(imapClientMachine, {
          inspect: host.inspect,
          id: `${device.spec.id}.imap.${user}`,
          input: { user, password, settings: imapSettingsOf(host.setup, spec), startTls: host.startTls },
        });
  const client: ClientRuntime = { account: user, actor, connection: null };
  actor.on('connect', () => connect(host, device, client));
  actor.on('send', (e) => sendLine(host, device, client, e.line));
  // A client that throws is a bug in the simulation: surface it instead of freezing the client.
  (actor as Actor<typeof imapClientMachine>).subscribe({ error: (error: unknown) => host.fail(error) });
  actor.on('disconnect', () => {
    if (client.connection && !client.connection.serverClosed) client.connection.drop();
    client.connection = null;
  });
  actor.start();
  return client;
}

function onDevice(host: DeviceHost, device: DeviceRuntime, e: DeviceEmitted): void {
  const id = device.spec.id;
  switch (e.type) {
    case 'sync':
      for (const c of device.clients) host.enqueue(() => tell(c, { type: 'SYNC', now: RUN_EPOCH + host.t }));
      if (device.spec.kind === 'webmail')
        host.note(id, 'Webmail shows the server mailbox as it is: the browser keeps no copy on the device.');
      break;
    case 'close':
      for (const c of device.clients) {
        if (host.protocol === 'imap') host.enqueue(() => tell(c, { type: 'ACT', action: { kind: 'close' } }));
      }
      break;
    case 'connectionLost':
      if (device.clients.some((c) => c.connection)) host.note(id, connectionLostNote(host.protocol, id));
      for (const c of device.clients) vanish(host, device, c);
      break;
    case 'note':
      host.note(id, `${deviceName(id)}: ${e.text}.`);
      break;
    case 'offline':
      host.note(
        id,
        device.spec.kind === 'webmail'
          ? WEBMAIL_OFFLINE
          : `${deviceName(id)}: offline: the app shows only what is stored on the device.`,
      );
      break;
    case 'act':
      act(host, device, e.action, e.online);
      break;
  }
}
