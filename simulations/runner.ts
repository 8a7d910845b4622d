import type { InspectionEvent } from 'xstate';
import { generateMessages, seedAccount, SEED_EPOCH } from '../lib/mailstore/seed';
import { snapshotStore } from '../lib/mailstore/snapshot';
import { MailStore } from '../lib/mailstore/store';
import { createServerContext, type ServerContext } from '../lib/session/types';
import { connectionSecurity, restartServer } from './connections';
import { createDevice, type DeviceHost } from './device-actors';
import { pictureDevice } from './device-picture';
import { FrameRecorder, noteContent } from './frame-recorder';
import { toDeviceEvent } from './intent-events';
import { narrateIntent, quietNote, settingsNote, timerNote } from './narration';
import { fillListed } from './listed-messages';
import { Orphans } from './orphans';
import { newMail, send } from './smtp-runs';
import { fillQuota } from './server-events';
import { RUN_EPOCH, tell, type DeviceRuntime } from './runtime';
import type { Frame, Intent, Protocol, ScenarioSetup } from './types';

/** XState's inspection hook, as @statelyai/inspect provides it. */
export type InspectionHook = (event: InspectionEvent) => void;

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
  /**
   * What the SMTP paths (smtp-runs.ts), the user actions (user-actions.ts), the connections
   * (connections.ts) and the device actors (device-actors.ts) see of this run.
   */
  private readonly host: DeviceHost;

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
    for (const spec of setup.devices) this.devices.push(createDevice(this.host, spec));
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
        restartServer(this.host);
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

  private hostForModules(): DeviceHost {
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
      connectionSecurity: () => connectionSecurity(this.setup),
      startTls: this.startTls,
      deviceIndex: (device) => this.devices.indexOf(device),
      firstUser: () => this.firstUser(),
      serverAccount: (user) => this.serverAccount(user),
      devices: this.devices,
      orphans: this.orphans,
      fail: (error) => this.fail(error),
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

  /** The mail apps' connection security is STARTTLS (a scenario setting). */
  private get startTls(): boolean {
    return this.setup.security === 'starttls';
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
