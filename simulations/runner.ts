import { createActor, type Actor, type InspectionEvent } from 'xstate';
import { ImapSession } from '../lib/imap/session';
import { generateMessages, seedAccount, SEED_EPOCH } from '../lib/mailstore/seed';
import { snapshotStore } from '../lib/mailstore/snapshot';
import { MailStore } from '../lib/mailstore/store';
import { Pop3Session } from '../lib/pop3/session';
import { LoopbackConnection } from '../lib/session/loopback';
import {
  createServerContext,
  type ConnectionSecurity,
  type ServerContext,
  type ServerSession,
  type SessionEvent,
  type SessionIO,
} from '../lib/session/types';
import { imapClientMachine } from './clients/imap-client';
import { pop3ClientMachine } from './clients/pop3-client';
import { describeDeviceSettings, imapSettingsOf, pop3SettingsOf } from './client-settings';
import { deviceMachine, type DeviceEmitted } from './device';
import { pictureDevice } from './device-picture';
import { FrameRecorder, noteContent, wireContent } from './frame-recorder';
import { toDeviceEvent } from './intent-events';
import {
  connectionLostNote,
  deviceName,
  narrateIntent,
  narrateWire,
  quietNote,
  settingsNote,
  timerNote,
} from './narration';
import { fillListed } from './listed-messages';
import { networkMachine, transferMs } from './network';
import { Orphans } from './orphans';
import { newMail, send, type SmtpRunHost } from './smtp-runs';
import { fillQuota, restartNote } from './server-events';
import { act, type ActionHost } from './user-actions';
import { RUN_EPOCH, tell, type ClientActor, type ClientRuntime, type DeviceRuntime } from './runtime';
import type { DeviceSpec, Frame, Intent, Protocol, ScenarioSetup } from './types';

/** XState's inspection hook, as @statelyai/inspect provides it. */
export type InspectionHook = (event: InspectionEvent) => void;

/** A connection's TLS state as the runner models it: `tlsActive` turns on at STARTTLS. */
type ModelledSecurity = ConnectionSecurity & { tlsActive: boolean };

export { RUN_EPOCH };

/**
 * Plays intents against one protocol on a virtual clock and records every frame. Every line a
 * client sends goes through the real engine (in process, through LoopbackConnection), and every
 * reply is the engine's. Nothing reads the real clock or random numbers: the same setup and
 * intents give the same frames, byte for byte.
 */
export class Run {
  private readonly recorder: FrameRecorder;
  readonly store: MailStore;
  private readonly server: ServerContext;
  private readonly devices: DeviceRuntime[] = [];
  private readonly work: (() => void)[] = [];
  private t = 0;
  private intentIndex = -1;
  private readonly orphans = new Orphans();
  /** What the SMTP paths (smtp-runs.ts) and the user actions (user-actions.ts) see of this run. */
  private readonly host: SmtpRunHost & ActionHost;

  constructor(
    readonly protocol: Protocol,
    readonly setup: ScenarioSetup,
    /** XState's inspection hook, e.g. from @statelyai/inspect (see docs/SIMULATIONS.md). */
    private readonly inspect?: InspectionHook,
  ) {
    this.store = new MailStore({ clock: { now: () => RUN_EPOCH + Math.floor(this.t) } });
    this.recorder = new FrameRecorder(
      protocol,
      () => snapshotStore(this.store),
      () =>
        this.devices.map((d) => ({
          id: d.spec.id,
          snapshot: pictureDevice(d, this.protocol, this.store.getAccount(this.firstUser())!),
        })),
    );
    for (const spec of setup.accounts ?? [
      { user: 'student', password: 'secret', messages: 'seed' as const },
    ]) {
      const account = this.store.addAccount(spec.user, spec.password, {
        quotaBytes: spec.quotaBytes ?? null,
      });
      if (spec.messages === 'seed') seedAccount(account);
      else {
        if (typeof spec.messages !== 'number') fillListed(account, spec.user, spec.messages);
        else
          generateMessages(spec.messages).forEach((raw, i) =>
            account.inbox.append(raw, [], SEED_EPOCH + i * 60_000),
          );
        for (const name of ['Sent', 'Drafts', 'Trash'] as const) account.createMailbox(name, `\\${name}`);
      }
    }
    this.server = createServerContext(this.store);
    this.host = this.hostForModules();
    for (const spec of setup.devices) this.devices.push(this.createDevice(spec));
    this.note(
      null,
      `The starting point: mail waits on the server, and no device has any yet. ${settingsNote(
        protocol,
        this.devices.map((d) => ({
          id: d.spec.id,
          settings: d.settings,
          webmail: d.spec.kind === 'webmail',
        })),
      )}`,
    );
    this.recorder.settle();
  }

  get frames(): readonly Frame[] {
    return this.recorder.frames;
  }

  /** Plays one intent to completion (every command answered, every push delivered). */
  play(intent: Intent): void {
    this.intentIndex++;
    this.note(null, narrateIntent(intent));
    const before = this.frames.length;
    switch (intent.type) {
      case 'wait':
        this.t += intent.ms;
        this.expireOrphans();
        break;
      case 'newMail':
        newMail(this.host, intent);
        break;
      case 'send':
        this.expireOrphans();
        send(this.host, this.device(intent.device), intent);
        break;
      case 'dropConnection': {
        const device = this.device(intent.device);
        this.expireOrphans();
        if (intent.afterCommands === undefined) device.actor.send({ type: 'DROP' });
        else if (intent.afterCommands[this.protocol] !== undefined)
          device.dropAfter = intent.afterCommands[this.protocol]!;
        break;
      }
      case 'restartServer':
        this.restartServer();
        break;
      case 'fillQuota':
        this.note(null, fillQuota(this.store, intent.account ?? this.firstUser()));
        break;
      case 'setLink': {
        const network = this.device(intent.device).network;
        const link = network.getSnapshot().context;
        network.send({
          type: 'SET_LINK',
          latencyMs: intent.latencyMs ?? link.latencyMs,
          bytesPerMs: intent.bytesPerMs ?? link.bytesPerMs,
        });
        break;
      }
      default: {
        const device = this.device(intent.device);
        this.expireOrphans();
        const event = toDeviceEvent(intent);
        device.actor.send(event);
      }
    }
    this.drain();
    // Every step shows something in each column, or says why nothing happens.
    if (this.frames.length === before) {
      this.note(
        'device' in intent ? intent.device : null,
        quietNote(intent, this.protocol, this.quietContext(intent)),
      );
      this.recorder.settle();
    }
  }

  private hostForModules(): SmtpRunHost & ActionHost {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the host reads the run's live fields
    const run = this;
    return {
      protocol: this.protocol,
      setup: this.setup,
      store: this.store,
      server: this.server,
      recorder: this.recorder,
      inspect: this.inspect,
      get intentIndex() {
        return run.intentIndex;
      },
      get t() {
        return run.t;
      },
      advance: (ms) => {
        this.t += ms;
      },
      note: (device, narration) => this.note(device, narration),
      enqueue: (job) => this.enqueue(job),
      connectionSecurity: () => this.connectionSecurity(),
      startTls: this.startTls,
      deviceIndex: (device) => this.devices.indexOf(device),
      firstUser: () => this.firstUser(),
      serverAccount: (user) => this.serverAccount(user),
    };
  }

  /** What a "nothing on the wire" note needs to know. */
  private quietContext(intent: Intent) {
    const device = 'device' in intent ? this.devices.find((d) => d.spec.id === intent.device) : undefined;
    const snapshot = device?.actor.getSnapshot();
    const states = device?.clients.map((c) => String(c.actor.getSnapshot().value)) ?? [];
    return {
      webmail: device?.spec.kind === 'webmail',
      online: snapshot?.matches({ network: 'online' }) ?? true,
      appOpen: snapshot?.matches({ app: 'open' }) ?? false,
      idling: states.includes('idling'),
      connected: device?.clients.some((c) => c.connection !== null) ?? false,
      anyIdling: this.devices.some((d) =>
        d.clients.some((c) => String(c.actor.getSnapshot().value) === 'idling'),
      ),
      anyConnected: this.devices.some((d) => d.clients.some((c) => c.connection !== null)),
    };
  }

  /** Fires the idle timers of sessions whose client vanished (RFC 1939 §3, RFC 9051 §5.4). */
  private expireOrphans(): void {
    this.orphans.expire(this.t, (device, connection) =>
      this.note(device, timerNote(this.protocol, device, connection.session.idleTimeoutMs)),
    );
  }

  private createDevice(spec: DeviceSpec): DeviceRuntime {
    const inspect = this.inspect;
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
      settings: describeDeviceSettings(this.protocol, this.setup, spec),
    };
    if (spec.kind !== 'webmail') {
      const users = spec.accounts ?? [this.firstUser()];
      for (const user of users) device.clients.push(this.createClient(device, user, spec));
    }
    actor.on('*', (e) => this.onDevice(device, e as DeviceEmitted));
    actor.start();
    return device;
  }

  private createClient(device: DeviceRuntime, user: string, spec: DeviceSpec): ClientRuntime {
    const password = this.store.getAccount(user)!.password;
    const actor: ClientActor =
      this.protocol === 'pop3'
        ? createActor(pop3ClientMachine, {
            inspect: this.inspect,
            id: `${device.spec.id}.pop3.${user}`,
            input: { user, password, settings: pop3SettingsOf(this.setup, spec), startTls: this.startTls },
          })
        : createActor(imapClientMachine, {
            inspect: this.inspect,
            id: `${device.spec.id}.imap.${user}`,
            input: { user, password, settings: imapSettingsOf(this.setup, spec), startTls: this.startTls },
          });
    const client: ClientRuntime = { account: user, actor, connection: null };
    actor.on('connect', () => this.connect(device, client));
    actor.on('send', (e) => this.sendLine(device, client, e.line));
    // A client that throws is a bug in the simulation: surface it instead of freezing the client.
    (actor as Actor<typeof imapClientMachine>).subscribe({ error: (error: unknown) => this.fail(error) });
    actor.on('disconnect', () => {
      if (client.connection && !client.connection.serverClosed) client.connection.drop();
      client.connection = null;
    });
    actor.start();
    return client;
  }

  private onDevice(device: DeviceRuntime, e: DeviceEmitted): void {
    const id = device.spec.id;
    switch (e.type) {
      case 'sync':
        for (const c of device.clients)
          this.enqueue(() => tell(c, { type: 'SYNC', now: RUN_EPOCH + this.t }));
        if (device.spec.kind === 'webmail')
          this.note(id, 'Webmail shows the server mailbox as it is: nothing is downloaded.');
        break;
      case 'close':
        for (const c of device.clients) {
          if (this.protocol === 'imap')
            this.enqueue(() => tell(c, { type: 'ACT', action: { kind: 'close' } }));
        }
        break;
      case 'connectionLost':
        if (device.clients.some((c) => c.connection)) this.note(id, connectionLostNote(this.protocol, id));
        for (const c of device.clients) this.vanish(device, c);
        break;
      case 'note':
        this.note(id, `${deviceName(id)}: ${e.text}.`);
        break;
      case 'act':
        act(this.host, device, e.action, e.online);
        break;
    }
  }

  /** The mail apps' connection security is STARTTLS (a scenario setting). */
  private get startTls(): boolean {
    return this.setup.security === 'starttls';
  }

  /**
   * A connection's TLS layer, modelled (no cryptography): with a security setting the client is
   * on another network (the café), TLS can start, and `startTls` turns it on; on an implicit-TLS
   * port it is on from the first octet. None: the in-process loopback, as in every other story.
   */
  private connectionSecurity(): ModelledSecurity | undefined {
    const mode = this.setup.security ?? 'none';
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

  private connect(device: DeviceRuntime, client: ClientRuntime): void {
    const security = this.connectionSecurity();
    const create = (base: SessionIO): ServerSession => {
      const io = security ? { ...base, security } : base;
      return this.protocol === 'pop3' ? new Pop3Session(this.server, io) : new ImapSession(this.server, io);
    };
    device.lastDirection = null;
    let connection: LoopbackConnection | null = null;
    connection = new LoopbackConnection(create, {
      keepEvents: false,
      // A session whose client vanished still runs on the server; nothing it writes reaches anyone.
      onEvent: (e) => {
        if (!this.orphans.has(connection)) this.wire(device, e, security?.tlsActive === true, client.account);
      },
    });
    client.connection = connection;
    const greeting = client.connection.take();
    this.enqueue(() => tell(client, { type: 'REPLY', raw: greeting }));
  }

  private sendLine(device: DeviceRuntime, client: ClientRuntime, line: string): void {
    const connection = client.connection;
    if (!connection) return;
    if (device.dropAfter !== null) {
      if (device.dropAfter === 0) {
        device.dropAfter = null;
        this.note(
          device.spec.id,
          `${deviceName(device.spec.id)}'s connection breaks before ${quotedLine(this.protocol, line)} reaches the server. ${connectionLostNote(this.protocol, device.spec.id, false)}`,
        );
        this.vanish(device, client);
        return;
      }
      device.dropAfter--;
    }
    const reply = connection.send(line);
    if (connection.serverClosed) client.connection = null;
    this.enqueue(() => tell(client, { type: 'REPLY', raw: reply }));
    // The last command before the break is answered: a client that sends another at once loses
    // the link before it (above); one that waits (IDLE, or done for now) loses it here, after
    // the reply, so the break the story announced happens either way.
    if (device.dropAfter === 0)
      this.enqueue(() => {
        if (device.dropAfter !== 0 || client.connection !== connection) return;
        device.dropAfter = null;
        this.note(
          device.spec.id,
          `${deviceName(device.spec.id)}'s connection breaks after the reply to ${quotedLine(this.protocol, line)}. ${connectionLostNote(this.protocol, device.spec.id, false)}`,
        );
        this.vanish(device, client);
      });
  }

  /**
   * The network vanished under a client: the client knows at once, the server nothing. Its
   * session lives on until the server's idle timer fires.
   */
  private vanish(device: DeviceRuntime, client: ClientRuntime): void {
    const connection = client.connection;
    if (!connection) return;
    client.connection = null;
    if (!connection.serverClosed)
      this.orphans.add(connection, device.spec.id, this.t + connection.session.idleTimeoutMs);
    this.enqueue(() => tell(client, { type: 'DROP' }));
  }

  /**
   * The server shuts down and starts again: every session closes (IMAP with BYE, RFC 9051
   * §7.1.5), orphans too (what they write reaches no one); each client hears its connection end.
   */
  private restartServer(): void {
    const shut = (c: LoopbackConnection) => (c.session as Pop3Session | ImapSession).serverShutdown();
    const orphaned = this.orphans.closeAll(shut);
    const cut: string[] = [];
    for (const device of this.devices)
      for (const client of device.clients) {
        const connection = client.connection;
        if (!connection) continue;
        shut(connection);
        connection.take();
        client.connection = null;
        if (!cut.includes(device.spec.id)) cut.push(device.spec.id);
        this.enqueue(() => tell(client, { type: 'DROP' }));
      }
    this.note(null, restartNote(this.protocol, cut, orphaned));
  }

  private failure: unknown = null;

  private fail(error: unknown): void {
    this.failure ??= error;
  }

  private enqueue(job: () => void): void {
    this.work.push(job);
  }

  /** Runs queued work until quiet, handing data an IMAP server pushed (IDLE) to its client. */
  private drain(): void {
    for (let guard = 0; guard < 100_000; guard++) {
      if (this.failure) throw this.failure;
      // What a server pushed to an idle client reaches it before anything else happens, so
      // that the next frame pictures the client having taken it in (a flag another device set
      // shows on this device's card at the push's arrow, not a few steps later).
      if (this.deliverPushes()) continue;
      const job = this.work.shift();
      if (!job) {
        this.recorder.settle();
        return;
      }
      job();
    }
    throw new Error('simulation did not settle');
  }

  private deliverPushes(): boolean {
    let any = false;
    for (const d of this.devices) {
      for (const c of d.clients) {
        const pushed = c.connection?.take();
        if (pushed) {
          any = true;
          this.work.unshift(() => tell(c, { type: 'PUSH', raw: pushed }));
        }
      }
    }
    return any;
  }

  /** One wire unit: advances the virtual clock by its transfer time and records a frame. */
  private wire(device: DeviceRuntime, e: SessionEvent, encrypted: boolean, account: string): void {
    const link = device.network.getSnapshot().context;
    const greeting = device.lastDirection === null;
    this.t += transferMs(link, e.bytes, device.lastDirection !== e.direction);
    device.lastDirection = e.direction;
    this.recorder.count(e);
    this.recorder.record(
      wireContent(
        device.spec.id,
        e,
        narrateWire(device.spec.id, e, greeting),
        encrypted,
        this.serverAccount(account),
      ),
      this.intentIndex,
      this.t,
    );
  }

  private note(device: string | null, narration: string): void {
    this.recorder.record(noteContent(device, narration), this.intentIndex, this.t);
  }

  private device(id: string): DeviceRuntime {
    const device = this.devices.find((d) => d.spec.id === id);
    if (!device) throw new Error(`Unknown device: ${id}`);
    return device;
  }

  /**
   * Frames name their account's server only when the story puts accounts on separate servers:
   * a device with two accounts talks to two providers (two-accounts). Otherwise every account
   * (a classmate's too) is on the one lab server, and the diagram draws one.
   */
  private serverAccount(user: string): string | null {
    return this.setup.devices.some((d) => (d.accounts?.length ?? 0) > 1) ? user : null;
  }

  private firstUser(): string {
    return this.setup.accounts?.[0]?.user ?? 'student';
  }
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
