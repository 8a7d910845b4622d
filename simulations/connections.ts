/*
 * The clients' connections to the server: each a LoopbackConnection to the real engine (POP3 or
 * IMAP session), its TLS layer modelled, every wire unit recorded as a frame on the virtual
 * clock. Also what ends them: a network that vanishes under a client, a server restart.
 */
import { ImapSession } from '../lib/imap/session';
import { Pop3Session } from '../lib/pop3/session';
import { LoopbackConnection } from '../lib/session/loopback';
import type { ConnectionSecurity, ServerSession, SessionEvent, SessionIO } from '../lib/session/types';
import { wireContent } from './frame-recorder';
import { connectionLostNote, deviceName, narrateWire } from './narration';
import { transferMs } from './network';
import type { Orphans } from './orphans';
import { restartNote } from './server-events';
import { tell, type ClientRuntime, type DeviceRuntime } from './runtime';
import type { SmtpRunHost } from './smtp-runs';
import type { Protocol, ScenarioSetup } from './types';

/** What the connections need of a run (runner.ts gives it): the SMTP paths' view, the devices, the orphans. */
export type ConnectionHost = SmtpRunHost & {
  readonly devices: readonly DeviceRuntime[];
  readonly orphans: Orphans;
};

/** A connection's TLS state as the runner models it: `tlsActive` turns on at STARTTLS. */
type ModelledSecurity = ConnectionSecurity & { tlsActive: boolean };

/**
 * A connection's TLS layer, modelled (no cryptography): with a security setting the client is
 * on another network (the café), TLS can start, and `startTls` turns it on; on an implicit-TLS
 * port it is on from the first octet. None: the in-process loopback, as in every other story.
 */
export function connectionSecurity(setup: ScenarioSetup): ModelledSecurity | undefined {
  const mode = setup.security ?? 'none';
  if (mode === 'none') return undefined;
  const security: ModelledSecurity = {
    loopback: false,
    tlsAvailable: true,
    tlsActive: mode === 'implicit',
    startTls: () => {
      security.tlsActive = true;
    },
  };
  return security;
}

/** Opens a client's connection to a fresh server session; its greeting goes to the client. */
export function connect(host: ConnectionHost, device: DeviceRuntime, client: ClientRuntime): void {
  const security = host.connectionSecurity();
  const create = (base: SessionIO): ServerSession => {
    const io = security ? { ...base, security } : base;
    return host.protocol === 'pop3' ? new Pop3Session(host.server, io) : new ImapSession(host.server, io);
  };
  device.lastDirection = null;
  let connection: LoopbackConnection | null = null;
  connection = new LoopbackConnection(create, {
    keepEvents: false,
    // A session whose client vanished still runs on the server; nothing it writes reaches anyone.
    onEvent: (e) => {
      if (!host.orphans.has(connection)) wire(host, device, e, security?.tlsActive === true, client.account);
    },
  });
  client.connection = connection;
  const greeting = client.connection.take();
  host.enqueue(() => tell(client, { type: 'REPLY', raw: greeting }));
}

/** Sends one client line to the server and its reply back, unless the connection breaks first (dropAfter). */
export function sendLine(
  host: ConnectionHost,
  device: DeviceRuntime,
  client: ClientRuntime,
  line: string,
): void {
  const connection = client.connection;
  if (!connection) return;
  if (device.dropAfter !== null) {
    if (device.dropAfter === 0) {
      device.dropAfter = null;
      host.note(
        device.spec.id,
        `${deviceName(device.spec.id)}'s connection breaks before ${quotedLine(host.protocol, line)} reaches the server. ${connectionLostNote(host.protocol, device.spec.id, false)}`,
      );
      vanish(host, device, client);
      return;
    }
    device.dropAfter--;
  }
  const reply = connection.send(line);
  if (connection.serverClosed) client.connection = null;
  host.enqueue(() => tell(client, { type: 'REPLY', raw: reply }));
  // The last command before the break is answered: a client that sends another at once loses
  // the link before it (above); one that waits (IDLE, or done for now) loses it here, after
  // the reply, so the break the story announced happens either way.
  if (device.dropAfter === 0)
    host.enqueue(() => {
      if (device.dropAfter !== 0 || client.connection !== connection) return;
      device.dropAfter = null;
      host.note(
        device.spec.id,
        `${deviceName(device.spec.id)}'s connection breaks after the reply to ${quotedLine(host.protocol, line)}. ${connectionLostNote(host.protocol, device.spec.id, false)}`,
      );
      vanish(host, device, client);
    });
}

/**
 * The network vanished under a client: the client knows at once, the server nothing. Its
 * session lives on until the server's idle timer fires.
 */
export function vanish(host: ConnectionHost, device: DeviceRuntime, client: ClientRuntime): void {
  const connection = client.connection;
  if (!connection) return;
  client.connection = null;
  if (!connection.serverClosed)
    host.orphans.add(connection, device.spec.id, host.t + connection.session.idleTimeoutMs);
  host.enqueue(() => tell(client, { type: 'DROP' }));
}

/**
 * The server shuts down and starts again: every session closes (IMAP with BYE, RFC 9051
 * §7.1.5), orphans too (what they write reaches no one); each client hears its connection end.
 */
export function restartServer(host: ConnectionHost): void {
  const shut = (c: LoopbackConnection) => (c.session as Pop3Session | ImapSession).serverShutdown();
  const orphaned = host.orphans.closeAll(shut);
  const cut: string[] = [];
  for (const device of host.devices)
    for (const client of device.clients) {
      const connection = client.connection;
      if (!connection) continue;
      shut(connection);
      connection.take();
      client.connection = null;
      if (!cut.includes(device.spec.id)) cut.push(device.spec.id);
      host.enqueue(() => tell(client, { type: 'DROP' }));
    }
  host.note(null, restartNote(host.protocol, cut, orphaned));
}

/** One wire unit: advances the virtual clock by its transfer time and records a frame. */
function wire(
  host: ConnectionHost,
  device: DeviceRuntime,
  e: SessionEvent,
  encrypted: boolean,
  account: string,
): void {
  const link = device.network.getSnapshot().context;
  const greeting = device.lastDirection === null;
  host.advance(transferMs(link, e.bytes, device.lastDirection !== e.direction));
  device.lastDirection = e.direction;
  host.recorder.count(e);
  host.recorder.record(
    wireContent(
      device.spec.id,
      e,
      narrateWire(device.spec.id, e, greeting),
      encrypted,
      host.serverAccount(account),
    ),
    host.intentIndex,
    host.t,
  );
}

/**
 * The start of a client line as a note quotes it, never a secret: POP3's command and first
 * argument ("RETR 3"; PASS's masked), IMAP's tag and command ("a1 LOGIN": the user name and the
 * password come after), and a lone IMAP token that is not DONE (a SASL answer, the credentials
 * in base64) not at all.
 */
function quotedLine(protocol: Protocol, line: string): string {
  const words = line.split(' ');
  if (protocol === 'pop3')
    return /^PASS$/i.test(words[0]!) ? '"PASS ********"' : `"${words.slice(0, 2).join(' ')}"`;
  if (words.length >= 2) return `"${words.slice(0, 2).join(' ')}"`;
  return /^DONE$/i.test(line) ? '"DONE"' : 'its login answer';
}
